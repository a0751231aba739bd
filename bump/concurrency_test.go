package bump_test

import (
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// fresh[N] are types no other test allocates, so that the goroutines
// below are the first to compute their Layouts, concurrently.
type fresh[N any] struct {
	p *N
	n N
}

// TestConcurrentArenas checks the documented way to use arenas from many
// goroutines - one Bump each - under the race detector: the only shared
// state, the Layout cache, must be safe for concurrent use.
func TestConcurrentArenas(t *testing.T) {
	const goroutines = 4
	var wg sync.WaitGroup
	errs := make([]error, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			var b bump.Bump
			for round := range 20 {
				for i := range 200 {
					x := i
					bump.Alloc(&b, fresh[int]{p: &x, n: i})
					bump.Alloc(&b, fresh[string]{n: "s"})
					bump.Alloc(&b, fresh[[3]byte]{})
					bump.Alloc(&b, fresh[float64]{n: float64(g)})
					bump.String(&b, "concurrent")
					if _, err := bump.AllocateSlice[fresh[uint16]](&b, 3); err != nil {
						errs[g] = err
						return
					}
				}
				if round%2 == 0 {
					b.Reset()
				}
			}
			if b.AllocatedBytes() == 0 {
				errs[g] = bump.ErrInvalidSize // any error: the arena was not used
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Equal(t, "bump_test.fresh[int]", bump.LayoutOf[fresh[int]]().String())
	require.True(t, bump.LayoutOf[fresh[int]]().HasPointers())
	require.Equal(t, uintptr(16), bump.LayoutOf[fresh[uint16]]().Size())
}
