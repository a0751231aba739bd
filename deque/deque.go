// Package deque provides Deque, a double-ended queue whose storage comes
// from a [bump.Allocator].
//
// A Deque is a ring buffer: its elements live in one allocation whose
// capacity is a power of two, so that a logical index maps to a slot with a
// mask instead of a division. Pushing or popping at either end is O(1);
// when the buffer is full it moves to one twice as large (in place when the
// allocator can resize it, as a [bump.Bump] can for its newest allocation).
// The storage never shrinks by itself.
//
// The zero value, and a Deque made with a nil allocator, use the Go heap.
// A Deque whose storage comes from a [bump.Bump] is valid until the arena is
// reset. Like the other bumpkit containers, a Deque is not safe for
// concurrent use, and must not be copied after first use: copies would share
// storage.
package deque

import (
	"strconv"

	"github.com/bumpkit/bumpkit/bump"
)

// A Deque is a double-ended queue of T. The zero value is an empty deque
// that allocates from the Go heap.
type Deque[T any] struct {
	a    bump.Allocator
	buf  []T // len(buf) == cap(buf) is zero or a power of two
	head int // slot of the front element
	n    int // number of elements
}

// New returns an empty deque whose storage will come from a (the Go heap if
// a is nil). It allocates no storage until the first push.
func New[T any](a bump.Allocator) *Deque[T] {
	return &Deque[T]{a: a}
}

// WithCapacity returns an empty deque whose storage comes from a, with room
// for at least n elements (rounded up to a power of two). It panics if n is
// negative, and with an error wrapping [bump.ErrAllocationLimit] if a
// cannot provide the storage.
func WithCapacity[T any](a bump.Allocator, n int) *Deque[T] {
	if n < 0 {
		panic("deque: negative capacity")
	}
	d := &Deque[T]{a: a}
	d.Reserve(n)
	return d
}

// Len returns the number of elements in d.
func (d *Deque[T]) Len() int { return d.n }

// Cap returns the number of elements d can hold before it must grow its
// storage. It is zero or a power of two.
func (d *Deque[T]) Cap() int { return len(d.buf) }

// slot returns the index in d.buf of the element at logical index i, which
// may be anywhere in [0, len(d.buf)].
func (d *Deque[T]) slot(i int) int { return (d.head + i) & (len(d.buf) - 1) }

// PushBack adds v at the back of d. It grows the storage when d is full,
// panicking with an error wrapping [bump.ErrAllocationLimit] if the
// allocator cannot provide it; see [Deque.TryReserve].
func (d *Deque[T]) PushBack(v T) {
	if d.n == len(d.buf) {
		d.grow()
	}
	d.buf[(d.head+d.n)&(len(d.buf)-1)] = v
	d.n++
}

// PushFront adds v at the front of d. It grows the storage like
// [Deque.PushBack].
func (d *Deque[T]) PushFront(v T) {
	if d.n == len(d.buf) {
		d.grow()
	}
	d.head = (d.head - 1) & (len(d.buf) - 1)
	d.buf[d.head] = v
	d.n++
}

// PopFront removes and returns the front element of d. If d is empty it
// returns the zero value and false. The vacated slot is zeroed, so that d
// does not keep alive what the element referred to.
func (d *Deque[T]) PopFront() (T, bool) {
	var zero T
	if d.n == 0 {
		return zero, false
	}
	v := d.buf[d.head]
	d.buf[d.head] = zero
	d.head = (d.head + 1) & (len(d.buf) - 1)
	d.n--
	return v, true
}

// PopBack removes and returns the back element of d. If d is empty it
// returns the zero value and false. The vacated slot is zeroed, like
// [Deque.PopFront].
func (d *Deque[T]) PopBack() (T, bool) {
	var zero T
	if d.n == 0 {
		return zero, false
	}
	d.n--
	i := d.slot(d.n)
	v := d.buf[i]
	d.buf[i] = zero
	return v, true
}

// Front returns the front element of d without removing it. If d is empty
// it returns the zero value and false.
func (d *Deque[T]) Front() (T, bool) {
	if d.n == 0 {
		var zero T
		return zero, false
	}
	return d.buf[d.head], true
}

// Back returns the back element of d without removing it. If d is empty it
// returns the zero value and false.
func (d *Deque[T]) Back() (T, bool) {
	if d.n == 0 {
		var zero T
		return zero, false
	}
	return d.buf[d.slot(d.n-1)], true
}

// At returns the element at index i, counting from the front (index 0) to
// the back (index Len()-1). It panics if i is out of range.
func (d *Deque[T]) At(i int) T {
	if uint(i) >= uint(d.n) {
		panic(indexError(i, d.n))
	}
	return d.buf[(d.head+i)&(len(d.buf)-1)]
}

// Set replaces the element at index i, counting from the front, with v.
// It panics if i is out of range.
func (d *Deque[T]) Set(i int, v T) {
	if uint(i) >= uint(d.n) {
		panic(indexError(i, d.n))
	}
	d.buf[d.slot(i)] = v
}

func indexError(i, n int) string {
	return "deque: index " + strconv.Itoa(i) + " out of range [0:" + strconv.Itoa(n) + "]"
}

// Clear removes all elements from d, zeroing their slots, and keeps the
// storage for reuse.
func (d *Deque[T]) Clear() {
	front, back := d.Slices()
	clear(front)
	clear(back)
	d.head = 0
	d.n = 0
}

// Rotate moves the front n elements to the back of d, one at a time, as if
// by PushBack(PopFront()) n times; a negative n moves -n elements from the
// back to the front. n is taken modulo Len(), and Rotate moves at most
// Len()/2 elements (none when d is full). Rotating an empty deque does
// nothing.
func (d *Deque[T]) Rotate(n int) {
	if d.n <= 1 {
		return
	}
	n %= d.n
	if n < 0 {
		n += d.n
	}
	if n == 0 {
		return
	}
	mask := len(d.buf) - 1
	if d.n == len(d.buf) {
		// Every slot is in use: the ring only needs a new starting point.
		d.head = (d.head + n) & mask
		return
	}
	var zero T
	if n <= d.n/2 {
		for range n {
			d.buf[(d.head+d.n)&mask] = d.buf[d.head]
			d.buf[d.head] = zero
			d.head = (d.head + 1) & mask
		}
		return
	}
	for range d.n - n {
		d.head = (d.head - 1) & mask
		last := (d.head + d.n) & mask
		d.buf[d.head] = d.buf[last]
		d.buf[last] = zero
	}
}
