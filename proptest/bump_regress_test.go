package proptest

import (
	"os"
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

// TestBumpLimitChunkAccounting is the shrunk counterexample TestBump found:
// under a tight limit a pointer-holding type gets a chunk "just large
// enough", whose byte count the arena rounds up to 16 while the chunk holds
// a whole number of values, so AllocatedBytes counts bytes no chunk has; and
// dropping such chunks at Reset subtracts only what they hold, so the count
// drifts up with every cycle until the limit refuses allocations that fit.
func TestBumpLimitChunkAccounting(t *testing.T) {
	skipKnownBug(t, "known bump bug (reported to the bump owner): bump.reserve rounds a limited chunk to 16 bytes, "+
		"typedSlab keeps got/size values; counterexample: SetAllocationLimit(AllocatedBytes()+80); TryAlloc(node{}) (72 bytes) "+
		"gives AllocatedBytes 80, chunks 72; each such chunk dropped by Reset leaks 8-16 bytes of accounting")
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

// skipKnownBug skips a regression test for a bug not fixed yet, so that CI
// stays green; PROPTEST_KNOWN_BUGS=1 runs it anyway.
func skipKnownBug(t *testing.T, why string) {
	t.Helper()
	if !knownBugs() {
		t.Skip(why + " (set PROPTEST_KNOWN_BUGS=1 to run)")
	}
}

func knownBugs() bool { return os.Getenv("PROPTEST_KNOWN_BUGS") != "" }
