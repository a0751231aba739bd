package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestResetKeepsLargeChunks checks that allocate-then-Reset loops that
// need more than one regular chunk also stop allocating from the Go heap:
// Reset keeps the largest chunk even if it was a dedicated one, and sizes
// the next chunk for a whole round. (TestResetSteadyStateAllocatesNothing
// covers rounds that fit in one chunk.)
func TestResetKeepsLargeChunks(t *testing.T) {
	tests := []struct {
		name string
		work func(b *bump.Bump)
	}{
		{"rounds over the chunk size cap", func(b *bump.Bump) {
			for range 4 << 20 / 64 {
				bump.New[[8]int64](b)
			}
		}},
		{"typed rounds over the chunk size cap", func(b *bump.Bump) {
			for range 200000 {
				bump.New[node](b)
			}
		}},
		{"large bytes", func(b *bump.Bump) { bump.Bytes(b, 3<<20) }},
		{"large typed", func(b *bump.Bump) { bump.MakeSlice[*int](b, 100000, 100000) }},
		{"growing slice", func(b *bump.Bump) {
			var s []int64
			for i := range 200000 {
				if len(s) == cap(s) {
					var err error
					s, err = bump.ResizeSlice(b, s, bump.GrowCap(cap(s), len(s)+1))
					require.NoError(t, err)
				}
				s = append(s, int64(i))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			for range 4 { // converge
				tt.work(&b)
				b.Reset()
			}
			held := b.AllocatedBytes()
			allocs := testing.AllocsPerRun(5, func() {
				tt.work(&b)
				b.Reset()
			})
			if !bump.DebugBuild { // which takes fresh chunks while the released ones are in quarantine
				require.Zero(t, allocs)
			}
			require.Equal(t, held, b.AllocatedBytes(), "Reset keeps the same chunk")
		})
	}
}

// TestResetRoundChunkSize checks that the chunk sized for a whole round is
// about the round's size: a round of 2 MiB of small values and one 5 MiB
// request settles in one chunk of under 8 MiB (doubling would give 8).
func TestResetRoundChunkSize(t *testing.T) {
	var b bump.Bump
	round := func() {
		for range 2 << 20 / 64 {
			bump.New[[8]int64](&b)
		}
		bump.Bytes(&b, 5<<20)
	}
	for range 4 {
		round()
		b.Reset()
	}
	allocs := testing.AllocsPerRun(3, func() {
		round()
		b.Reset()
	})
	if !bump.DebugBuild { // which takes fresh chunks while the released ones are in quarantine
		require.Zero(t, allocs)
	}
	chunks := 0
	for c := range b.Chunks() {
		chunks++
		require.Less(t, c.Capacity, 8<<20)
		require.GreaterOrEqual(t, c.Capacity, 7<<20)
	}
	require.Equal(t, 1, chunks)
}
