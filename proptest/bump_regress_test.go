package proptest

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// chunkBytes adds up the capacities Chunks reports, which
// AllocatedBytes documents as its own definition.
func chunkBytes(b *bump.Bump) int {
	n := 0
	for c := range b.Chunks() {
		n += c.Capacity
	}
	return n
}

// TestBumpLimitChunkAccounting is the shrunk counterexample TestBump found
// (fixed in bump by accounting such chunks by their real size):
// under a tight limit a pointer-holding type gets a chunk "just large
// enough", whose byte count the arena rounds up to 16 while the chunk holds
// a whole number of values, so AllocatedBytes counts bytes no chunk has; and
// dropping such chunks at Reset subtracts only what they hold, so the count
// drifts up with every cycle until the limit refuses allocations that fit.
func TestBumpLimitChunkAccounting(t *testing.T) {
	var b bump.Bump
	for cycle := range 3 {
		for range 3 {
			b.SetAllocationLimit(b.AllocatedBytes() + 80)
			_, err := bump.TryAlloc(&b, node{})
			require.NoError(t, err)
			require.Equal(t, chunkBytes(&b), b.AllocatedBytes(), "cycle %d: AllocatedBytes must be the sum of chunk capacities", cycle)
		}
		b.Reset()
		require.Equal(t, chunkBytes(&b), b.AllocatedBytes(), "cycle %d: after Reset", cycle)
	}
}
