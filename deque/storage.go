package deque

import (
	"fmt"
	"math/bits"

	"github.com/bumpkit/bumpkit/bump"
)

// Reserve makes sure d can hold at least n more elements without growing
// its storage again. It panics if n is negative, and with an error wrapping
// [bump.ErrAllocationLimit] if the allocator cannot provide the storage;
// see [Deque.TryReserve].
func (d *Deque[T]) Reserve(n int) {
	if err := d.TryReserve(n); err != nil {
		panic(err)
	}
}

// TryReserve is like [Deque.Reserve] but returns an error instead of
// panicking when the storage cannot be allocated: one wrapping
// [bump.ErrAllocationLimit] when the allocator's limit does not allow it,
// or [bump.ErrInvalidSize] when the capacity would overflow. On error d is
// unchanged. It still panics if n is negative.
func (d *Deque[T]) TryReserve(n int) error {
	if n < 0 {
		panic("deque: negative Reserve count")
	}
	if n <= len(d.buf)-d.n {
		return nil
	}
	return d.resize(n)
}

// grow is the slow path of the pushes, kept out of line so that they
// inline.
//
//go:noinline
func (d *Deque[T]) grow() {
	if err := d.resize(1); err != nil {
		panic(err)
	}
}

// resize moves d to power-of-two storage with room for n more elements.
func (d *Deque[T]) resize(n int) error {
	oldCap := len(d.buf)
	needed := d.n + n
	if needed < 0 || needed > 1<<(bits.UintSize-2) {
		return fmt.Errorf("deque: cannot hold %d more than %d elements: %w", n, d.n, bump.ErrInvalidSize)
	}
	newCap := 1 << bits.Len(uint(bump.GrowCap(oldCap, needed)-1))
	buf, err := bump.ResizeSlice(d.a, d.buf, newCap)
	if err != nil {
		return fmt.Errorf("deque: cannot grow to %d elements: %w", newCap, err)
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
	return nil
}
