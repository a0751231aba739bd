package deque

import (
	"fmt"
	"math/bits"

	"github.com/bumpkit/bumpkit/bump"
)

// minShrinkCap is the capacity below which a heap deque does not shrink:
// gammazero/deque's minimum, small enough not to matter and large enough
// that a deque hovering around a few elements does not move back and
// forth.
const minShrinkCap = 16

// minHeapCap is the storage a heap deque's first push allocates, as
// gammazero/deque's does: growing through 4 and 8 would cost two more
// allocations (and their garbage), for memory below what shrinking gives
// back anyway. WithCapacity and Grow still get what they ask for, and in
// an arena, where growth is in place, storage starts at 4.
const minHeapCap = minShrinkCap

// maxCap bounds the capacity so that doubling and the index arithmetic
// cannot overflow an int.
const maxCap = 1 << (bits.UintSize - 2)

// Grow makes sure d can hold at least n more elements without growing its
// storage again: after Grow(n), the next n pushes or inserts do not
// allocate. It panics if n is negative, and with the allocator's error if
// it cannot provide the storage; see [Deque.TryGrow].
func (d *Deque[T]) Grow(n int) {
	if d == nil {
		name.PanicNil("Grow")
	}
	if n < 0 {
		panic(fmt.Sprintf("deque: Grow: negative count %d", n))
	}
	if err := d.reserve(n, "Grow"); err != nil {
		panic(err)
	}
}

// TryGrow is like [Deque.Grow] but returns an error instead of panicking
// when the storage cannot be allocated: one wrapping
// [bump.ErrAllocationLimit] when the allocator's limit does not allow it,
// or [bump.ErrInvalidSize] when the capacity would overflow. On error d is
// unchanged; on success the next n pushes or inserts cannot fail. It
// still panics if n is negative.
func (d *Deque[T]) TryGrow(n int) error {
	if d == nil {
		name.PanicNil("TryGrow")
	}
	if n < 0 {
		panic(fmt.Sprintf("deque: TryGrow: negative count %d", n))
	}
	return d.reserve(n, "TryGrow")
}

// reserve makes room for n more elements, naming method in its error.
func (d *Deque[T]) reserve(n int, method string) error {
	check(&d.h)
	if n <= len(d.buf)-d.n {
		return nil
	}
	return d.resize(n, method)
}

// grow is the slow path of the pushes and Insert, kept out of line so that
// the pushes inline.
//
//go:noinline
func (d *Deque[T]) grow(method string) {
	if d == nil {
		name.PanicNil(method)
	}
	n := 1
	if len(d.buf) == 0 && !d.keep {
		n = minHeapCap // a heap deque's first storage: see minHeapCap
	}
	if err := d.resize(n, method); err != nil {
		panic(err)
	}
}

// resize moves d to power-of-two storage with room for n more elements.
func (d *Deque[T]) resize(n int, method string) error {
	oldCap := len(d.buf)
	needed := d.n + n
	if needed < 0 || needed > maxCap {
		return fmt.Errorf("deque: %s: %d more elements than the %d held: %w", method, n, d.n, bump.ErrInvalidSize)
	}
	newCap := 1 << bits.Len(uint(bump.GrowCap(oldCap, needed)-1))
	d.h.Own(name, method)
	buf, err := bump.ResizeSlice(d.a, d.buf, newCap)
	if err != nil {
		return name.Wrap(method, err)
	}
	buf = buf[:newCap]
	// ResizeSlice keeps the elements at their slots, so a ring that wrapped
	// around the old end now has a gap in the middle. Since newCap is at
	// least twice oldCap, either part fits beside the other; move the
	// shorter, as Rust's VecDeque does, and zero the slots it leaves.
	if d.head+d.n > oldCap {
		headLen := oldCap - d.head
		tailLen := d.n - headLen
		if tailLen <= headLen {
			copy(buf[oldCap:], buf[:tailLen])
			clear(buf[:tailLen])
		} else {
			newHead := newCap - headLen
			copy(buf[newHead:], buf[d.head:oldCap])
			clear(buf[d.head:oldCap])
			d.head = newHead
		}
	}
	d.buf = buf
	d.h.Store(d.a)
	d.checkInvariants()
	return nil
}

// shrink halves the storage of a heap deque that a pop left a quarter full,
// as gammazero/deque does, so that a drained deque gives memory back. The
// half it moves to is half full, so that pushes do not grow it straight
// back. In an arena it does nothing (see the package doc).
//
//go:noinline
func (d *Deque[T]) shrink(method string) {
	if d.keep || len(d.buf) <= max(minShrinkCap, d.minCap) {
		return
	}
	d.h.Own(name, method)
	buf, err := bump.AllocateSlice[T](d.a, len(d.buf)/2)
	if err != nil {
		return // a pop cannot fail: keep the larger storage
	}
	front, back := d.Slices()
	copy(buf[copy(buf, front):], back)
	bump.FreeSlice(d.a, d.buf)
	d.buf, d.head = buf, 0
	d.h.Store(d.a)
}

// Clone returns a copy of d, allocated like [New] from d's allocator, with
// the capacity its elements need (rounded up to a power of two). The
// elements are copied as by assignment. Clone of a nil *Deque returns nil.
// It panics with the allocator's error if it cannot provide the copy,
// leaving the allocator as it was.
func (d *Deque[T]) Clone() *Deque[T] {
	if d == nil {
		return nil
	}
	check(&d.h)
	var buf []T
	if d.n > 0 {
		var err error
		buf, err = bump.AllocateSlice[T](d.a, 1<<bits.Len(uint(d.n-1)))
		if err != nil {
			panic(name.Wrap("Clone", err))
		}
	}
	c, err := newHeader[T](d.a)
	if err != nil {
		bump.FreeSlice(d.a, buf)
		panic(name.Wrap("Clone", err))
	}
	if len(buf) > 0 {
		c.buf = buf
		c.h.Store(d.a)
	}
	front, back := d.Slices()
	c.n = copy(c.buf[copy(c.buf, front):], back) + len(front)
	c.minCap = d.minCap
	return c
}
