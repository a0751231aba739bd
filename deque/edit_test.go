package deque_test

import (
	"slices"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/stretchr/testify/require"
)

// ring returns a deque of capacity 8 holding 0..n-1 with its front at slot
// start, so that the elements wrap around the end of the storage when
// start+n > 8.
func ring(a bump.Allocator, start, n int) *deque.Deque[int] {
	d := deque.WithCapacity[int](a, 8)
	for range start {
		d.PushBack(-1)
		d.PopFront()
	}
	for i := range n {
		d.PushBack(i)
	}
	return d
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestInsert(t *testing.T) {
	for _, alloc := range alloctest.Allocators {
		for _, start := range []int{0, 3, 7} {
			for n := range 9 { // 8 makes the insert grow a full ring
				for at := 0; at <= n; at++ {
					d := ring(alloc.New(), start, n)
					d.Insert(at, 100)
					want := slices.Insert(seq(n), at, 100)
					require.Equal(t, want, contents(d), "%s: start %d, n %d, Insert(%d)", alloc.Name, start, n, at)
				}
			}
		}
	}
	d := ring(nil, 0, 3)
	for _, at := range []int{-1, 4, 100} {
		require.PanicsWithValue(t, "deque: Insert: index "+itoa(at)+" out of range [0:4]", func() { d.Insert(at, 0) })
	}
	require.Equal(t, seq(3), contents(d))
}

func TestRemove(t *testing.T) {
	for _, alloc := range alloctest.Allocators {
		for _, start := range []int{0, 3, 7} {
			for n := 1; n <= 8; n++ {
				for at := range n {
					d := ring(alloc.New(), start, n)
					require.Equal(t, at, d.Remove(at))
					want := slices.Delete(seq(n), at, at+1)
					require.Equal(t, want, contents(d), "%s: start %d, n %d, Remove(%d)", alloc.Name, start, n, at)
				}
			}
		}
	}
}

func TestSwap(t *testing.T) {
	d := ring(nil, 6, 5)
	d.Swap(0, 4)
	d.Swap(1, 1)
	require.Equal(t, []int{4, 1, 2, 3, 0}, contents(d))
}

func TestIndex(t *testing.T) {
	d := ring(nil, 5, 6) // wraps
	d.Set(4, 1)
	tests := []struct {
		f           func(int) bool
		index, last int
	}{
		{func(v int) bool { return v == 1 }, 1, 4},
		{func(v int) bool { return v == 0 }, 0, 0},
		{func(v int) bool { return v == 5 }, 5, 5},
		{func(v int) bool { return v > 9 }, -1, -1},
	}
	for i, tt := range tests {
		require.Equal(t, tt.index, d.Index(tt.f), "case %d", i)
		require.Equal(t, tt.last, d.RIndex(tt.f), "case %d", i)
	}
	require.Equal(t, -1, deque.New[int](nil).Index(func(int) bool { return true }))
}

func TestClone(t *testing.T) {
	for _, alloc := range alloctest.Allocators {
		t.Run(alloc.Name, func(t *testing.T) {
			a := alloc.New()
			for _, n := range []int{0, 1, 5, 8} {
				d := ring(a, 5, n)
				c := d.Clone()
				require.Equal(t, seq(n), contents(c))
				if n > 0 {
					require.Equal(t, 1<<(bitsLen(n-1)), c.Cap(), "a clone has the capacity its elements need")
					c.Set(0, 99)
					require.Equal(t, 0, d.At(0), "a clone shares no storage")
				}
				c.PushFront(7)
				require.Equal(t, seq(n), contents(d))
			}
		})
	}
	var nilDeque *deque.Deque[int]
	require.Nil(t, nilDeque.Clone())
}

func bitsLen(x int) int {
	n := 0
	for ; x > 0; x >>= 1 {
		n++
	}
	return n
}

// TestTryPush checks that the Try pushes report a failed growth instead
// of panicking, and leave the deque and its arena as they were.
func TestTryPush(t *testing.T) {
	b := bump.WithCapacity(64)
	d := deque.New[int](b)
	d.PushBack(0)
	b.SetAllocationLimit(b.AllocatedBytes())
	var err error
	for i := 0; err == nil; i++ {
		require.Less(t, i, 1<<20, "the limit never refused")
		if i%2 == 0 {
			err = d.TryPushBack(i)
		} else {
			err = d.TryPushFront(i)
		}
	}
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	before, used := d.String(), b.AllocatedBytes()
	require.ErrorContains(t, d.TryPushBack(1), "deque: TryPushBack: bump: ")
	require.ErrorContains(t, d.TryPushFront(1), "deque: TryPushFront: bump: ")
	require.Equal(t, before, d.String())
	require.Equal(t, used, b.AllocatedBytes())
}
