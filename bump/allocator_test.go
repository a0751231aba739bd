package bump_test

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// allocatorCase exercises the Allocator interface for one element type.
type allocatorCase struct {
	name string
	n    int // elements per allocation
	test func(t *testing.T, n int)
}

func allocatorCaseOf[T any](n int, set func(*T, int), get func(*T) int) allocatorCase {
	return allocatorCase{
		name: fmt.Sprintf("%v/%d", reflect.TypeFor[T](), n),
		n:    n,
		test: func(t *testing.T, n int) { testAllocator(t, n, set, get) },
	}
}

var allocatorCases = []allocatorCase{
	allocatorCaseOf(4, func(p *int64, v int) { *p = int64(v) }, func(p *int64) int { return int(*p) }),
	allocatorCaseOf(100, func(p *int64, v int) { *p = int64(v) }, func(p *int64) int { return int(*p) }),
	allocatorCaseOf(3, func(p *[3]byte, v int) { p[1], p[2] = byte(v), byte(v>>8) }, func(p *[3]byte) int { return int(p[1]) | int(p[2])<<8 }),
	allocatorCaseOf(4, func(p *string, v int) { *p = fmt.Sprint(v) }, atoi),
	allocatorCaseOf(100, func(p *string, v int) { *p = fmt.Sprint(v) }, atoi),
	allocatorCaseOf(5, func(p **int, v int) { *p = &v }, func(p **int) int {
		if *p == nil {
			return 0
		}
		return **p
	}),
	// Large allocations get chunks of their own.
	allocatorCaseOf(40000, func(p *int64, v int) { *p = int64(v) }, func(p *int64) int { return int(*p) }),
	allocatorCaseOf(40000, func(p *string, v int) { *p = fmt.Sprint(v) }, atoi),
}

func atoi(p *string) int {
	v, _ := strconv.Atoi(*p)
	return v
}

func TestBumpAllocator(t *testing.T) {
	for _, c := range allocatorCases {
		t.Run(c.name, func(t *testing.T) { c.test(t, c.n) })
	}
}

// testAllocator checks the Allocator contract of *Bump for T: Resize and
// Free work in place on the newest allocation only, and never on one
// older than the newest checkpoint.
func testAllocator[T any](t *testing.T, n int, set func(*T, int), get func(*T) int) {
	l := bump.LayoutOf[T]()
	var b bump.Bump
	fill := func(s []T, from int) {
		for i := range s {
			set(&s[i], from+i)
		}
	}
	check := func(s []T, from int) {
		t.Helper()
		for i := range s {
			if get(&s[i]) != from+i {
				require.Equal(t, from+i, get(&s[i]), "value %d", i)
			}
		}
	}
	requireZero := func(s []T, msg string) {
		t.Helper()
		for i := range s {
			if get(&s[i]) != 0 {
				require.Zero(t, get(&s[i]), "%s: value %d", msg, i)
			}
		}
	}
	alloc := func(n int) []T {
		p, err := b.Allocate(l, n)
		require.NoError(t, err)
		require.Zero(t, uintptr(p)%l.Align())
		s := unsafe.Slice((*T)(p), n)
		requireZero(s, "Allocate returns zeroed memory")
		return s
	}
	ptr := func(s []T) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(s)) }
	// A large allocation has a chunk of its own, just big enough: it can
	// shrink in place and grow back, but not grow beyond its size.
	large := uintptr(n)*l.Size() > 256<<10
	// Leave room in the current chunks so that in-place growth can succeed.
	// (Reset keeps the largest chunk even if it was a large one, so the
	// large case must not warm up: its allocations would fit the kept chunk.)
	if !large {
		for range 2 {
			alloc(8 * n)
			b.Reset()
		}
	}

	keep := alloc(n) // never resized or freed
	fill(keep, 1000)
	a := alloc(n)
	fill(a, 1)

	t.Run("grow newest in place", func(t *testing.T) {
		if large {
			require.False(t, b.Resize(l, ptr(a), n, n+1))
			check(a, 1)
			return
		}
		require.True(t, b.Resize(l, ptr(a), n, 2*n))
		g := unsafe.Slice(&a[0], 2*n)
		check(g[:n], 1)
		requireZero(g[n:], "growth is zeroed")
		fill(g, 1)
		require.True(t, b.Resize(l, ptr(a), 2*n, n))
	})
	t.Run("shrink newest in place and grow back", func(t *testing.T) {
		h := n/2 + 1
		if large && uintptr(h)*l.Size() <= 256<<10 {
			// Shrinking to what a regular chunk holds moves instead, so
			// that the large chunk is released.
			require.False(t, b.Resize(l, ptr(a), n, h))
			h = int(256<<10/l.Size()) + 1
		}
		require.True(t, b.Resize(l, ptr(a), n, h))
		check(a[:h], 1)
		require.True(t, b.Resize(l, ptr(a), h, n), "regrow to the original size")
		check(a[:h], 1)
		requireZero(a[h:], "shrinking clears the dropped values")
		fill(a, 1)
	})
	t.Run("free newest rewinds", func(t *testing.T) {
		held := b.AllocatedBytes()
		c := alloc(n)
		fill(c, 7)
		b.Free(l, ptr(c), n)
		require.Equal(t, held, b.AllocatedBytes())
		d := alloc(n)
		if !large { // a large chunk is released, and a new one made
			require.Equal(t, ptr(c), ptr(d), "the next allocation reuses freed memory")
		}
		b.Free(l, ptr(d), n)
	})
	older := a
	newer := alloc(n)
	fill(newer, 100)
	t.Run("older allocation stays put", func(t *testing.T) {
		require.False(t, b.Resize(l, ptr(older), n, n+1), "only the newest can grow in place")
		if !large { // a large one has its own chunk: it may shrink
			require.False(t, b.Resize(l, ptr(older), n, n-1), "only the newest can shrink in place")
		}
		check(older, 1)
		check(newer, 100)
	})
	t.Run("free older does not rewind", func(t *testing.T) {
		b.Free(l, ptr(older), n)
		c := alloc(n)
		require.NotEqual(t, ptr(older), ptr(c))
		check(newer, 100)
		fill(c, 200)
		newer = c
	})
	t.Run("checkpoint protects older allocations", func(t *testing.T) {
		cp := b.Checkpoint()
		require.False(t, b.Resize(l, ptr(newer), n, n+1), "allocated before the checkpoint")
		require.False(t, b.Resize(l, ptr(newer), n, n-1), "allocated before the checkpoint")
		check(newer, 200)
		b.Free(l, ptr(newer), n)
		c := alloc(n)
		require.NotEqual(t, ptr(newer), ptr(c), "Free did not rewind below the checkpoint")
		require.True(t, b.Resize(l, ptr(c), n, n-1), "allocated after the checkpoint")
		require.NoError(t, b.ResetTo(cp))
	})
	check(keep, 1000)
	requireChunksAccounted(t, &b)
}

// TestBumpFreeClearsPointers checks that freeing an allocation that stays
// allocated (it is not the newest) still drops its references, as Free
// documents.
func TestBumpFreeClearsPointers(t *testing.T) {
	for _, n := range []int{1, 100, 40000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b bump.Bump
			s, err := bump.AllocateSlice[*int](&b, n)
			require.NoError(t, err)
			x := 5
			for i := range s {
				s[i] = &x
			}
			// Push s out of the newest position, also into other chunks.
			for range 5000 {
				bump.New[*int](&b)
			}
			bump.MakeSlice[*int](&b, 40000, 40000)
			held := b.AllocatedBytes()
			bump.FreeSlice(&b, s)
			if size := n * int(unsafe.Sizeof(s[0])); size > 256<<10 {
				// A large allocation has a chunk of its own: Free releases
				// the chunk, so the arena refers to none of it.
				require.Equal(t, held-size, b.AllocatedBytes())
				return
			}
			for i := range s {
				require.Nil(t, s[i])
			}
		})
	}
}

func TestHeapAllocator(t *testing.T) {
	var h bump.Heap
	l := bump.LayoutOf[*int]()
	p, err := h.Allocate(l, 3)
	require.NoError(t, err)
	s := unsafe.Slice((**int)(p), 3)
	require.Equal(t, []*int{nil, nil, nil}, s)
	require.False(t, h.Resize(l, p, 3, 4))
	require.False(t, h.Resize(l, p, 3, 2))
	x := 1
	s[0] = &x
	h.Free(l, p, 3)
	require.Same(t, &x, s[0], "Free leaves the memory to the garbage collector")

	require.Equal(t, bump.Allocator(bump.Heap{}), bump.Or(nil))
	var b bump.Bump
	require.Same(t, &b, bump.Or(&b))
}

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

func TestLayout(t *testing.T) {
	const ptr = unsafe.Sizeof(uintptr(0))
	tests := []struct {
		l           bump.Layout
		name        string
		size, align uintptr
		pointers    bool
	}{
		{bump.LayoutOf[byte](), "uint8", 1, 1, false},
		{bump.LayoutOf[int64](), "int64", unsafe.Sizeof(int64(0)), unsafe.Alignof(int64(0)), false},
		{bump.LayoutOf[paddedStruct](), "bump_test.paddedStruct", unsafe.Sizeof(paddedStruct{}), unsafe.Alignof(paddedStruct{}), false},
		{bump.LayoutOf[[0]*int](), "[0]*int", 0, ptr, false},
		{bump.LayoutOf[struct{}](), "struct {}", 0, 1, false},
		{bump.LayoutOf[string](), "string", 2 * ptr, ptr, true},
		{bump.LayoutOf[*int](), "*int", ptr, ptr, true},
		{bump.LayoutOf[unsafe.Pointer](), "unsafe.Pointer", ptr, ptr, true},
		{bump.LayoutOf[[2]any](), "[2]interface {}", 4 * ptr, ptr, true},
		{bump.LayoutOf[ptrStruct](), "bump_test.ptrStruct", unsafe.Sizeof(ptrStruct{}), ptr, true},
		{bump.LayoutOf[func()](), "func()", ptr, ptr, true},
		{bump.LayoutOf[chan int](), "chan int", ptr, ptr, true},
		{bump.LayoutOf[map[int]int](), "map[int]int", ptr, ptr, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.name, tt.l.String())
			require.Equal(t, tt.name, tt.l.Type().String())
			require.Equal(t, tt.size, tt.l.Size())
			require.Equal(t, tt.align, tt.l.Align())
			require.Equal(t, tt.pointers, tt.l.HasPointers())
		})
	}
	require.Equal(t, bump.LayoutOf[string](), bump.LayoutOf[string](), "layouts are comparable")
	require.NotEqual(t, bump.LayoutOf[int](), bump.LayoutOf[int64]())
	require.Equal(t, "bump.Layout{}", bump.Layout{}.String())
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
