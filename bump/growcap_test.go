package bump_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestGrowCap(t *testing.T) {
	tests := []struct {
		oldCap, needed, want int
	}{
		{0, 0, 0}, // no growth needed: the old capacity, even below 4
		{2, 2, 2},
		{2, 1, 2},
		{0, 1, 4},
		{2, 3, 4},
		{0, 5, 5},
		{4, 3, 4},
		{4, 5, 8},
		{8, 20, 20},
		{100, 101, 200},
		{256, 257, 512},
		{512, 513, 832},
		{1000, 1100, 1000 + (1000+768)/4},
		{1000, 2001, 2001}, // beyond twice the old capacity: exactly what is needed, as append
		{1000, 2000, 2684}, // 1000 -> 1442 -> 1994 -> 2684
		{1 << 20, 1<<20 + 1, 1<<20 + (1<<20+768)/4},
		{0, 1 << 30, 1 << 30},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.oldCap, "/", tt.needed), func(t *testing.T) {
			got := bump.GrowCap(tt.oldCap, tt.needed)
			require.Equal(t, tt.want, got)
			require.GreaterOrEqual(t, got, tt.needed)
		})
	}
	for old := range 2000 {
		for _, needed := range []int{old + 1, old + 7, 2 * old, 2*old + 1, 5 * old} {
			got := bump.GrowCap(old, needed)
			require.GreaterOrEqual(t, got, needed, "GrowCap(%d, %d)", old, needed)
			require.LessOrEqual(t, got, max(2*needed, 4), "GrowCap(%d, %d)", old, needed)
		}
	}
	// Near the top of int, growth never overflows below what is needed.
	const big = int(^uint(0) >> 2)
	require.GreaterOrEqual(t, bump.GrowCap(big, big+1), big+1)
	require.Equal(t, int(^uint(0)>>1), bump.GrowCap(int(^uint(0)>>1)-1, int(^uint(0)>>1)))
}
