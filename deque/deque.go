package deque

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A Deque is a double-ended queue of T. The zero value is an empty deque
// that allocates from the Go heap.
type Deque[T any] struct {
	// h tracks the lifetimes of the header and of buf in the checked
	// build, and d's own address once d has storage it may move or free,
	// so that a copy doing so panics instead of leaving the original on
	// memory the allocator may hand out again.
	h header.Header

	a    bump.Allocator
	buf  []T // len(buf) == cap(buf) is zero or a power of two
	head int // slot of the front element
	n    int // number of elements
	// mods counts the changes that move elements between indexes; the
	// iterators compare it before and after each yield. Only mutators
	// write it, so concurrent readers stay race-free.
	mods uint
	// minCap is the capacity below which a heap deque does not shrink;
	// keep is set for allocators other than the Go heap, where the storage
	// never shrinks (see the package doc).
	minCap int
	keep   bool
}

// name names Deque in panics and errors.
var name = header.Name{Pkg: "deque", Type: "Deque"}

// The panics of the pushes on a nil *Deque, as name.PanicNil words them.
const (
	nilPushBack  = "deque: PushBack: write to nil Deque"
	nilPushFront = "deque: PushFront: write to nil Deque"
)

// check is [header.Header.Check] for d's methods, compiled away outside
// the checked build even where Deque is instantiated (see
// header.Checked).
func check(h *header.Header) {
	if header.Checked {
		h.Check(name)
	}
}

// New returns an empty deque whose storage, and the Deque itself, come from
// a (the Go heap if a is nil). It allocates no storage until the first
// push. It panics with the allocator's error if a cannot provide the
// Deque.
func New[T any](a bump.Allocator) *Deque[T] {
	d, err := newHeader[T](a)
	if err != nil {
		panic(name.Wrap("New", err))
	}
	return d
}

// newHeader places an empty Deque in a.
func newHeader[T any](a bump.Allocator) (*Deque[T], error) {
	d, err := header.New[Deque[T]](a)
	if err != nil {
		return nil, err
	}
	d.h.Init(a)
	d.a = a
	d.keep = !onHeap(a)
	return d, nil
}

// onHeap reports whether a is the Go heap, where shrinking gives memory
// back to the garbage collector.
func onHeap(a bump.Allocator) bool {
	if a == nil {
		return true
	}
	_, ok := a.(bump.Heap)
	return ok
}

// WithCapacity returns an empty deque, allocated like [New], with room for
// at least n elements (rounded up to a power of two), as make([]T, 0, n)
// does for a slice. On the Go heap the deque never shrinks below that
// capacity. It panics if n is negative, and with the allocator's error,
// wrapping [bump.ErrAllocationLimit] or [bump.ErrInvalidSize], if a cannot
// provide the storage.
func WithCapacity[T any](a bump.Allocator, n int) *Deque[T] {
	if n < 0 {
		panic(fmt.Sprintf("deque: WithCapacity: negative capacity %d", n))
	}
	d, err := newHeader[T](a)
	if err != nil {
		panic(name.Wrap("WithCapacity", err))
	}
	if err := d.reserve(n, "WithCapacity"); err != nil {
		header.Free(a, d, &d.h) // so that the panic leaves a as it was
		panic(err)
	}
	d.minCap = len(d.buf)
	return d
}

// Allocator returns the allocator d takes its storage from: nil for the
// Go heap, and for a nil *Deque.
func (d *Deque[T]) Allocator() bump.Allocator {
	if d == nil {
		return nil
	}
	check(&d.h)
	return d.a
}

// Len returns the number of elements in d; zero if d is nil.
func (d *Deque[T]) Len() int {
	if d == nil {
		return 0
	}
	check(&d.h)
	return d.n
}

// Cap returns the number of elements d can hold before it must grow its
// storage: zero or a power of two, and zero if d is nil.
func (d *Deque[T]) Cap() int {
	if d == nil {
		return 0
	}
	check(&d.h)
	return len(d.buf)
}

// slot returns the index in d.buf of the element at logical index i, which
// may be anywhere in [0, len(d.buf)].
func (d *Deque[T]) slot(i int) int { return (d.head + i) & (len(d.buf) - 1) }

// PushBack adds v at the back of d. It grows the storage when d is full,
// panicking with the allocator's error if it cannot provide it; see
// [Deque.TryGrow].
func (d *Deque[T]) PushBack(v T) {
	if d == nil {
		// A panic the compiler knows does not return, so that v is
		// saved only on the way to grow.
		panic(nilPushBack)
	}
	check(&d.h)
	if d.n == len(d.buf) {
		d.grow("PushBack")
	}
	d.buf[(d.head+d.n)&(len(d.buf)-1)] = v
	d.n++
	d.mods++
	d.checkInvariants()
}

// PushFront adds v at the front of d. It grows the storage like
// [Deque.PushBack].
func (d *Deque[T]) PushFront(v T) {
	if d == nil {
		// A panic the compiler knows does not return, so that v is
		// saved only on the way to grow.
		panic(nilPushFront)
	}
	check(&d.h)
	if d.n == len(d.buf) {
		d.grow("PushFront")
	}
	d.head = (d.head - 1) & (len(d.buf) - 1)
	d.buf[d.head] = v
	d.n++
	d.mods++
	d.checkInvariants()
}

// TryPushBack is like [Deque.PushBack] but returns the allocator's error
// (wrapping [bump.ErrAllocationLimit], say) instead of panicking when d
// must grow and cannot; d is then unchanged.
func (d *Deque[T]) TryPushBack(v T) error {
	if err := d.tryRoom("TryPushBack"); err != nil {
		return err
	}
	d.PushBack(v)
	return nil
}

// TryPushFront is like [Deque.PushFront] but returns the allocator's
// error instead of panicking, like [Deque.TryPushBack].
func (d *Deque[T]) TryPushFront(v T) error {
	if err := d.tryRoom("TryPushFront"); err != nil {
		return err
	}
	d.PushFront(v)
	return nil
}

// tryRoom makes room for one more element, for the Try pushes.
func (d *Deque[T]) tryRoom(method string) error {
	if d == nil {
		name.PanicNil(method)
	}
	return d.reserve(1, method)
}

// PopFront removes and returns the front element of d. If d is empty (or
// nil) it returns the zero value and false (where gammazero/deque
// panics). The vacated slot is zeroed, so that d does not keep alive what
// the element referred to.
func (d *Deque[T]) PopFront() (T, bool) {
	var zero T
	if d == nil {
		return zero, false
	}
	check(&d.h)
	if d.n == 0 {
		return zero, false
	}
	v := d.buf[d.head]
	d.buf[d.head] = zero
	d.head = (d.head + 1) & (len(d.buf) - 1)
	d.n--
	d.mods++
	if d.n == len(d.buf)>>2 {
		d.shrink("PopFront")
	}
	d.checkInvariants()
	return v, true
}

// PopBack removes and returns the back element of d. If d is empty (or
// nil) it returns the zero value and false. The vacated slot is zeroed,
// like [Deque.PopFront].
func (d *Deque[T]) PopBack() (T, bool) {
	var zero T
	if d == nil {
		return zero, false
	}
	check(&d.h)
	if d.n == 0 {
		return zero, false
	}
	d.n--
	i := (d.head + d.n) & (len(d.buf) - 1)
	v := d.buf[i]
	d.buf[i] = zero
	d.mods++
	if d.n == len(d.buf)>>2 {
		d.shrink("PopBack")
	}
	d.checkInvariants()
	return v, true
}

// Front returns the front element of d without removing it. If d is empty
// or nil it returns the zero value and false.
func (d *Deque[T]) Front() (T, bool) {
	if d.Len() == 0 {
		var zero T
		return zero, false
	}
	return d.buf[d.head], true
}

// Back returns the back element of d without removing it. If d is empty or
// nil it returns the zero value and false.
func (d *Deque[T]) Back() (T, bool) {
	if d.Len() == 0 {
		var zero T
		return zero, false
	}
	return d.buf[d.slot(d.n-1)], true
}

// At returns the element at index i, counting from the front (index 0) to
// the back (index Len()-1). It panics if i is out of range.
func (d *Deque[T]) At(i int) T {
	if uint(i) >= uint(d.Len()) {
		panic(indexError("At", i, d.Len()))
	}
	return d.buf[(d.head+i)&(len(d.buf)-1)]
}

// Set replaces the element at index i, counting from the front, with v.
// It panics if i is out of range (always, for a nil *Deque). Set is
// allowed during a range over d.
func (d *Deque[T]) Set(i int, v T) {
	if n := d.Len(); uint(i) >= uint(n) {
		panic(indexError("Set", i, n))
	}
	d.buf[d.slot(i)] = v
}

// indexError is the panic message for an index i out of [0:n).
func indexError(method string, i, n int) string {
	return fmt.Sprintf("deque: %s: index %d out of range [0:%d]", method, i, n)
}

// Clear removes all elements from d, zeroing their slots, and keeps the
// storage for reuse. Clearing an empty or nil deque does nothing.
func (d *Deque[T]) Clear() {
	if d.Len() == 0 {
		return
	}
	front, back := d.Slices()
	clear(front)
	clear(back)
	d.head = 0
	d.n = 0
	d.mods++
	d.checkInvariants()
}

// Rotate moves the front n elements to the back of d, one at a time, as if
// by PushBack(PopFront()) n times; a negative n moves -n elements from the
// back to the front. n is taken modulo Len(), and Rotate moves at most
// Len()/2 elements (none when d is full). Rotating an empty or nil deque
// does nothing, as in gammazero/deque.
func (d *Deque[T]) Rotate(n int) {
	if d.Len() <= 1 {
		return
	}
	n %= d.n
	if n < 0 {
		n += d.n
	}
	if n == 0 {
		return
	}
	d.mods++
	mask := len(d.buf) - 1
	var zero T
	switch {
	case d.n == len(d.buf):
		// Every slot is in use: the ring only needs a new starting point.
		d.head = (d.head + n) & mask
	case n <= d.n/2:
		for range n {
			d.buf[(d.head+d.n)&mask] = d.buf[d.head]
			d.buf[d.head] = zero
			d.head = (d.head + 1) & mask
		}
	default:
		for range d.n - n {
			d.head = (d.head - 1) & mask
			last := (d.head + d.n) & mask
			d.buf[d.head] = d.buf[last]
			d.buf[last] = zero
		}
	}
	d.checkInvariants()
}
