package bump_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestWithCapacity(t *testing.T) {
	tests := []struct {
		n, wantAtLeast int
	}{
		{0, 0},
		{1, 1},
		{100, 100},
		{4096, 4096},
		{10000, 10000},
		{3 << 20, 3 << 20}, // beyond the largest regular chunk
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			b := bump.WithCapacity(tt.n)
			if tt.n == 0 {
				require.Zero(t, b.AllocatedBytes())
				return
			}
			held := b.AllocatedBytes()
			require.GreaterOrEqual(t, held, tt.wantAtLeast)
			require.Equal(t, held, b.ChunkCapacity())
			// Fill the chunk: no new chunk is needed.
			for b.ChunkCapacity() >= 8 {
				bump.New[int64](b)
			}
			require.Equal(t, held, b.AllocatedBytes())
			b.Reset()
			require.Equal(t, held, b.AllocatedBytes(), "Reset keeps the pre-allocated chunk")
		})
	}
	require.Panics(t, func() { bump.WithCapacity(-1) })
}
