package bump_test

import (
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
