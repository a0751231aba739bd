package deque

import (
	"fmt"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// A Deque is a double-ended queue of T. The zero value is an empty deque
// that allocates from the Go heap.
type Deque[T any] struct {
	_ noCopy
	// life tracks the arena memory of the header, store that of buf; both
	// are empty outside the checked build (see internal/lifecheck).
	life, store lifecheck.Tag

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
	// self is d's own address once d has storage it may move or free, so
	// that a copy of d doing so panics instead of leaving the original
	// on memory the allocator may hand out again (as strings.Builder's
	// copyCheck does).
	self *Deque[T]
}

// noCopy lets go vet's copylocks check report copies of a Deque.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// New returns an empty deque whose storage, and the Deque itself, come from
// a (the Go heap if a is nil). It allocates no storage until the first
// push. It panics with the allocator's error if a cannot provide the
// Deque.
func New[T any](a bump.Allocator) *Deque[T] {
	d, err := newHeader[T](a)
	if err != nil {
		panic(fmt.Errorf("deque: New: %w", err))
	}
	return d
}

// newHeader places an empty Deque in a. The checked build keeps headers on
// the Go heap instead, so that a header's tags outlive the arena memory
// they watch and can report its release.
func newHeader[T any](a bump.Allocator) (*Deque[T], error) {
	var d *Deque[T]
	if lifecheck.Enabled {
		d = new(Deque[T])
	} else {
		s, err := bump.AllocateSlice[Deque[T]](a, 1)
		if err != nil {
			return nil, err
		}
		d = &s[0]
	}
	d.a = a
	d.self = d
	d.keep = !onHeap(a)
	d.life = lifecheck.Track(a)
	return d, nil
}

// freeHeader gives back the header newHeader made, for an operation that
// fails after making it. unsafe.Slice rebuilds the one-element slice
// newHeader allocated, which is what FreeSlice needs.
func freeHeader[T any](d *Deque[T]) {
	d.life.Stop()
	if !lifecheck.Enabled {
		bump.FreeSlice(d.a, unsafe.Slice(d, 1))
	}
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
		panic(fmt.Errorf("deque: WithCapacity: %w", err))
	}
	if err := d.reserve(n, "WithCapacity"); err != nil {
		freeHeader(d) // so that the panic leaves a as it was
		panic(err)
	}
	d.minCap = len(d.buf)
	return d
}

// own panics if d is a copy of the Deque that owns its storage, before
// method moves or frees that storage. It runs only on the paths that do
// (growth, shrinking, UnmarshalJSON), so the fast paths pay nothing: a
// copy that only writes into the shared ring behaves like two slices of
// one array.
func (d *Deque[T]) own(method string) {
	if d.self != d {
		if d.self != nil {
			panic("deque: " + method + ": Deque copied by value after first use")
		}
		d.self = d
	}
}

// check panics if d's arena released its header or storage; it compiles to
// nothing outside the checked build.
func (d *Deque[T]) check() {
	if lifecheck.Enabled {
		d.life.Check("deque: Deque")
		d.store.Check("deque: Deque")
	}
}

// Len returns the number of elements in d; zero if d is nil.
func (d *Deque[T]) Len() int {
	if d == nil {
		return 0
	}
	d.check()
	return d.n
}

// Cap returns the number of elements d can hold before it must grow its
// storage: zero or a power of two, and zero if d is nil.
func (d *Deque[T]) Cap() int {
	if d == nil {
		return 0
	}
	d.check()
	return len(d.buf)
}

// slot returns the index in d.buf of the element at logical index i, which
// may be anywhere in [0, len(d.buf)].
func (d *Deque[T]) slot(i int) int { return (d.head + i) & (len(d.buf) - 1) }

// PushBack adds v at the back of d. It grows the storage when d is full,
// panicking with the allocator's error if it cannot provide it; see
// [Deque.TryGrow].
func (d *Deque[T]) PushBack(v T) {
	d.check()
	if d.n == len(d.buf) {
		d.grow("PushBack")
	}
	d.buf[(d.head+d.n)&(len(d.buf)-1)] = v
	d.n++
	d.mods++
}

// PushFront adds v at the front of d. It grows the storage like
// [Deque.PushBack].
func (d *Deque[T]) PushFront(v T) {
	d.check()
	if d.n == len(d.buf) {
		d.grow("PushFront")
	}
	d.head = (d.head - 1) & (len(d.buf) - 1)
	d.buf[d.head] = v
	d.n++
	d.mods++
}

// PopFront removes and returns the front element of d. If d is empty it
// returns the zero value and false (where gammazero/deque panics). The
// vacated slot is zeroed, so that d does not keep alive what the element
// referred to.
func (d *Deque[T]) PopFront() (T, bool) {
	d.check()
	var zero T
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
	return v, true
}

// PopBack removes and returns the back element of d. If d is empty it
// returns the zero value and false. The vacated slot is zeroed, like
// [Deque.PopFront].
func (d *Deque[T]) PopBack() (T, bool) {
	d.check()
	var zero T
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
	return v, true
}

// Front returns the front element of d without removing it. If d is empty
// or nil it returns the zero value and false.
func (d *Deque[T]) Front() (T, bool) {
	if d == nil || d.n == 0 {
		var zero T
		return zero, false
	}
	d.check()
	return d.buf[d.head], true
}

// Back returns the back element of d without removing it. If d is empty or
// nil it returns the zero value and false.
func (d *Deque[T]) Back() (T, bool) {
	if d == nil || d.n == 0 {
		var zero T
		return zero, false
	}
	d.check()
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
// It panics if i is out of range. Set is allowed during a range over d.
func (d *Deque[T]) Set(i int, v T) {
	d.check()
	if uint(i) >= uint(d.n) {
		panic(indexError("Set", i, d.n))
	}
	d.buf[d.slot(i)] = v
}

// indexError is the panic message for an index i out of [0:n).
func indexError(method string, i, n int) string {
	return fmt.Sprintf("deque: %s: index %d out of range [0:%d]", method, i, n)
}

// Clear removes all elements from d, zeroing their slots, and keeps the
// storage for reuse.
func (d *Deque[T]) Clear() {
	d.check()
	if d.n == 0 {
		return
	}
	front, back := d.Slices()
	clear(front)
	clear(back)
	d.head = 0
	d.n = 0
	d.mods++
}

// Rotate moves the front n elements to the back of d, one at a time, as if
// by PushBack(PopFront()) n times; a negative n moves -n elements from the
// back to the front. n is taken modulo Len(), and Rotate moves at most
// Len()/2 elements (none when d is full). Rotating an empty deque does
// nothing.
func (d *Deque[T]) Rotate(n int) {
	d.check()
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
	d.mods++
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
