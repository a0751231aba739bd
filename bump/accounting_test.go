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
