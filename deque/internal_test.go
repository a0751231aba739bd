package deque

import (
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// checkInvariants fails t if d's ring is broken (see verify), in every
// build.
func checkInvariants[T any](t *testing.T, d *Deque[T]) {
	t.Helper()
	require.NoError(t, d.verify())
}

func TestGrowInPlace(t *testing.T) {
	var b bump.Bump
	d := New[int](&b)
	d.PushBack(1)
	p := unsafe.SliceData(d.buf)
	for i := range 7 {
		d.PushFront(i)
	}
	require.Equal(t, 8, d.Cap())
	require.Equal(t, p, unsafe.SliceData(d.buf), "the newest arena allocation should grow in place")
	checkInvariants(t, d)
}

func TestVacatedSlotsZeroed(t *testing.T) {
	x := new(int)
	for _, front := range []int{1, 3, 5, 7} {
		d := WithCapacity[*int](nil, 8)
		for range front {
			d.PushFront(x)
		}
		for d.Len() < 8 {
			d.PushBack(x)
		}
		d.PushBack(x) // grows, moving one part of the wrapped ring
		checkInvariants(t, d)
		d.Rotate(3)
		checkInvariants(t, d)
		d.Rotate(-7)
		checkInvariants(t, d)
		d.PopFront()
		d.PopBack()
		checkInvariants(t, d)
		d.Insert(2, x)
		checkInvariants(t, d)
		d.Insert(d.Len()-1, x)
		checkInvariants(t, d)
		d.Remove(1)
		checkInvariants(t, d)
		d.Remove(d.Len() - 2)
		checkInvariants(t, d)
		require.NoError(t, d.UnmarshalJSON([]byte("[null]")))
		checkInvariants(t, d)
		d.Clear()
		checkInvariants(t, d)
	}
}

// TestShrinkKeepsInvariants drains wrapped heap rings through every path
// that shrinks, checking the representation at each step.
func TestShrinkKeepsInvariants(t *testing.T) {
	x := new(int)
	pops := map[string]func(d *Deque[*int]){
		"PopFront": func(d *Deque[*int]) { d.PopFront() },
		"PopBack":  func(d *Deque[*int]) { d.PopBack() },
		"Remove":   func(d *Deque[*int]) { d.Remove(d.Len() / 3) },
	}
	for name, pop := range pops {
		for _, front := range []int{0, 5, 40} {
			d := New[*int](nil)
			for range front {
				d.PushFront(x)
			}
			for d.Len() < 64 {
				d.PushBack(x)
			}
			for d.Len() > 0 {
				pop(d)
				checkInvariants(t, d)
				require.GreaterOrEqual(t, d.Cap(), min(64, max(16, 2*d.Len())), "%s from %d", name, front)
			}
		}
	}
}
