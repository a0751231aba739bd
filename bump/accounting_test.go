package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestAllocatedBytesIncludingMetadata checks that the metadata figure is 0
// for an empty Bump, as bumpalo's is, and grows with what b tracks.
func TestAllocatedBytesIncludingMetadata(t *testing.T) {
	var b bump.Bump
	require.Zero(t, b.AllocatedBytesIncludingMetadata(), "an empty Bump")
	b.Reset()
	require.Zero(t, b.AllocatedBytesIncludingMetadata(), "an empty Bump after Reset")

	bump.New[int](&b)
	bytesOnly := b.AllocatedBytesIncludingMetadata() - b.AllocatedBytes()
	require.Positive(t, bytesOnly, "the chunk list")
	bump.New[*int](&b)
	withSlab := b.AllocatedBytesIncludingMetadata() - b.AllocatedBytes()
	require.Greater(t, withSlab, bytesOnly, "a slab adds its header and chunk list")
	for range 100 {
		b.Cleanup(func() {})
	}
	require.Greater(t, b.AllocatedBytesIncludingMetadata()-b.AllocatedBytes(), withSlab, "cleanups are tracked")
}

// requireChunksAccounted checks that the chunks b reports add up to
// AllocatedBytes and that none is overfull.
func requireChunksAccounted(t *testing.T, b *bump.Bump) {
	t.Helper()
	total := 0
	for c := range b.Chunks() {
		require.LessOrEqual(t, c.Used, c.Capacity)
		require.GreaterOrEqual(t, c.Used, 0)
		total += c.Capacity
	}
	require.Equal(t, b.AllocatedBytes(), total, "AllocatedBytes vs the sum of chunk capacities")
	require.GreaterOrEqual(t, b.AllocatedBytesIncludingMetadata(), b.AllocatedBytes())
}
