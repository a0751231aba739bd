package bump_test

import (
	"errors"
	"fmt"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestHelpers(t *testing.T) {
	tests := []struct {
		name      string
		a         func() bump.Allocator
		resizesIn bool // whether ResizeSlice of the newest allocation stays in place
	}{
		{"nil", func() bump.Allocator { return nil }, false},
		{"Heap", func() bump.Allocator { return bump.Heap{} }, false},
		{"Bump", func() bump.Allocator { return new(bump.Bump) }, true},
		{"counting Bump", func() bump.Allocator { return &countingAllocator{inner: new(bump.Bump), failAfter: -1} }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a()
			s, err := bump.AllocateSlice[string](a, 4)
			require.NoError(t, err)
			require.Len(t, s, 4)
			require.Equal(t, 4, cap(s))
			copy(s, []string{"a", "b", "c", "d"})

			g, err := bump.ResizeSlice(a, s, 10)
			require.NoError(t, err)
			require.Equal(t, []string{"a", "b", "c", "d"}, g)
			require.Equal(t, 10, cap(g))
			require.Equal(t, tt.resizesIn, &s[0] == &g[0])
			require.Equal(t, []string{"", "", "", "", "", ""}, g[4:10])

			g = g[:cap(g)]
			sh, err := bump.ResizeSlice(a, g, 2)
			require.NoError(t, err)
			require.Equal(t, []string{"a", "b"}, sh)
			require.Equal(t, 2, cap(sh))

			same, err := bump.ResizeSlice(a, sh, 2)
			require.NoError(t, err)
			require.Equal(t, sh, same)

			empty, err := bump.ResizeSlice(a, sh, 0)
			require.NoError(t, err)
			require.Empty(t, empty)
			require.Zero(t, cap(empty))

			fromEmpty, err := bump.ResizeSlice(a, empty, 3)
			require.NoError(t, err)
			require.Empty(t, fromEmpty)
			require.Equal(t, 3, cap(fromEmpty))

			fromNil, err := bump.ResizeSlice[int](a, nil, 5)
			require.NoError(t, err)
			require.Empty(t, fromNil)
			require.Equal(t, 5, cap(fromNil))

			bump.FreeSlice(a, fromEmpty[:cap(fromEmpty)])
			bump.FreeSlice[int](a, nil)
		})
	}
}

func TestResizeSliceMovesAcrossCheckpoint(t *testing.T) {
	var b bump.Bump
	s, err := bump.AllocateSlice[int](&b, 4)
	require.NoError(t, err)
	s[3] = 3
	cp := b.Checkpoint()
	g, err := bump.ResizeSlice(&b, s, 8)
	require.NoError(t, err)
	require.NotSame(t, &s[0], &g[0], "growth after a checkpoint moves to memory ResetTo frees")
	require.Equal(t, 3, g[3])
	require.NoError(t, b.ResetTo(cp))
	require.Equal(t, 3, s[3], "the original survives the rewind")
}

// countingAllocator is an Allocator implemented outside the package: it
// wraps another, counts calls, and fails every allocation after the
// first failAfter (never if failAfter is negative).
type countingAllocator struct {
	inner                   bump.Allocator
	allocs, resizes, frees  int
	resized                 int // successful resizes
	failAfter               int
	allocated, freedLayouts []bump.Layout
}

var errInjected = errors.New("countingAllocator: injected failure")

func (c *countingAllocator) Allocate(l bump.Layout, n int) (unsafe.Pointer, error) {
	if c.failAfter >= 0 && c.allocs >= c.failAfter {
		return nil, fmt.Errorf("allocating %d %v: %w", n, l, errInjected)
	}
	c.allocs++
	c.allocated = append(c.allocated, l)
	return c.inner.Allocate(l, n)
}

func (c *countingAllocator) Resize(l bump.Layout, p unsafe.Pointer, oldN, newN int) bool {
	c.resizes++
	ok := c.inner.Resize(l, p, oldN, newN)
	if ok {
		c.resized++
	}
	return ok
}

func (c *countingAllocator) Free(l bump.Layout, p unsafe.Pointer, n int) {
	c.frees++
	c.freedLayouts = append(c.freedLayouts, l)
	c.inner.Free(l, p, n)
}

var _ bump.Allocator = (*countingAllocator)(nil)

func TestCountingAllocator(t *testing.T) {
	tests := []struct {
		name  string
		inner func() bump.Allocator
		// calls expected from growing a slice 1 -> 2 -> 4 -> ... -> 64
		wantAllocs, wantResized, wantFrees int
	}{
		{"Bump", func() bump.Allocator { return new(bump.Bump) }, 1, 6, 0},
		{"Heap", func() bump.Allocator { return bump.Heap{} }, 7, 0, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &countingAllocator{inner: tt.inner(), failAfter: -1}
			s, err := bump.AllocateSlice[*int](c, 1)
			require.NoError(t, err)
			x := 42
			s[0] = &x
			for cap(s) < 64 {
				s, err = bump.ResizeSlice(c, s, 2*cap(s))
				require.NoError(t, err)
			}
			require.Same(t, &x, s[0])
			require.Equal(t, tt.wantAllocs, c.allocs)
			require.Equal(t, 6, c.resizes)
			require.Equal(t, tt.wantResized, c.resized)
			require.Equal(t, tt.wantFrees, c.frees)
			for _, l := range c.allocated {
				require.Equal(t, bump.LayoutOf[*int](), l, "the helpers pass T's layout")
			}
			bump.FreeSlice(c, s)
			require.Equal(t, tt.wantFrees+1, c.frees)
			require.Equal(t, bump.LayoutOf[*int](), c.freedLayouts[len(c.freedLayouts)-1])
		})
	}
}

func TestFailingAllocator(t *testing.T) {
	for _, failAfter := range []int{0, 1, 3} {
		t.Run(fmt.Sprint(failAfter), func(t *testing.T) {
			var b bump.Bump
			c := &countingAllocator{inner: &b, failAfter: failAfter}
			var slices [][]string
			var err error
			for i := range 10 {
				var s []string
				s, err = bump.AllocateSlice[string](c, 2)
				if err != nil {
					require.Equal(t, failAfter, i)
					break
				}
				s[0] = fmt.Sprint(i)
				slices = append(slices, s)
			}
			require.ErrorIs(t, err, errInjected)
			require.Len(t, slices, failAfter)

			// A failed move leaves the slice as it was.
			if failAfter > 0 {
				first := slices[0]
				got, err := bump.ResizeSlice(c, first, 1000)
				require.ErrorIs(t, err, errInjected)
				require.Equal(t, first, got)
				require.Equal(t, "0", first[0])
			}
			got, err := bump.ResizeSlice[string](c, nil, 4)
			require.ErrorIs(t, err, errInjected)
			require.Nil(t, got)
			empty := []string{}
			got, err = bump.ResizeSlice(c, empty, 4)
			require.ErrorIs(t, err, errInjected)
			require.NotNil(t, got, "s is returned unchanged")
			require.Zero(t, cap(got))
			for i, s := range slices {
				require.Equal(t, fmt.Sprint(i), s[0])
			}
		})
	}
}
