package pqueue

import (
	"cmp"
	"fmt"
	"reflect"
	"sync"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A Queue is a priority queue of T: a binary heap in a slice whose
// storage comes from a [bump.Allocator]. Make one with [New], [NewFunc]
// or [NewIndexed]; a nil *Queue, and a zero Queue, read as an empty
// queue, and pushing to them panics. A Queue must not be copied after
// first use; use [Queue.Clone].
type Queue[T any] struct {
	h header.Header // the lifetimes and the copy check (internal/header)

	s []T // the heap: s[i] comes out no later than s[2i+1] and s[2i+2]
	a bump.Allocator

	// less orders the elements; up and down, set by New for types
	// ordered by <, restore the heap with inlined comparisons instead.
	less     func(a, b T) bool
	up       func(s []T, i int)
	down     func(s []T, i int) bool
	setIndex func(x T, i int)

	// mods counts changes, which the iterators over the unordered
	// contents check after each yield.
	mods uint
}

// queueName names Queue in panics and errors.
var queueName = header.Name{Pkg: "pqueue", Type: "Queue"}

// New returns an empty min-queue: Pop returns the smallest element, in
// the order of cmp.Less (NaNs first for floating-point types). Its
// storage, and the Queue itself, come from a (the Go heap if a is nil);
// it allocates no storage until the first Push. It panics with the
// allocator's error if a cannot provide the Queue. For a max-queue, use
// [NewFunc] with func(a, b T) bool { return a > b }.
func New[T cmp.Ordered](a bump.Allocator) *Queue[T] {
	q := newQueue[T](a, "New")
	o := orderingOf[T]()
	q.less, q.up, q.down = o.less, o.up, o.down
	return q
}

// An ordering is what New gives a Queue.
type ordering[T any] struct {
	less func(a, b T) bool
	up   func(s []T, i int)
	down func(s []T, i int) bool
}

// orderings caches an *ordering[T] per element type: a func value of a
// generic function, taken in generic code, is a closure over the
// instantiation's dictionary, which would cost every New Go-heap
// allocations.
var orderings sync.Map // reflect.Type of ordering[T] -> *ordering[T]

func orderingOf[T cmp.Ordered]() *ordering[T] {
	t := reflect.TypeFor[ordering[T]]()
	if o, ok := orderings.Load(t); ok {
		return o.(*ordering[T])
	}
	o := &ordering[T]{less: cmp.Less[T]}
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Float32, reflect.Float64:
		// < does not order NaNs: keep the calls to cmp.Less.
	default:
		o.up, o.down = upOrdered[T], downOrdered[T]
	}
	v, _ := orderings.LoadOrStore(t, o)
	return v.(*ordering[T])
}

// NewFunc returns an empty queue, allocated like [New], whose Pop returns
// first the element that less orders first: less(a, b) reports whether a
// must come out before b, as container/heap's Less does. less must be a
// strict weak order; if it is not, or changes, the order in which
// elements come out is unspecified (but nothing is lost). It panics if
// less is nil.
func NewFunc[T any](a bump.Allocator, less func(a, b T) bool) *Queue[T] {
	if less == nil {
		panic("pqueue: NewFunc: nil less function")
	}
	q := newQueue[T](a, "NewFunc")
	q.less = less
	return q
}

// NewIndexed is like [NewFunc], and calls setIndex(x, i) whenever element
// x moves to index i of the queue (including when it is pushed), and
// setIndex(x, -1) when it leaves the queue (by Pop, Remove or Clear). It
// is for elements that carry their own index, so that [Queue.Fix] and
// [Queue.Remove] can find them, as container/heap's Swap keeps
// item.index in the PriorityQueue example of its documentation. It
// panics if less or setIndex is nil.
func NewIndexed[T any](a bump.Allocator, less func(a, b T) bool, setIndex func(x T, i int)) *Queue[T] {
	if less == nil || setIndex == nil {
		panic("pqueue: NewIndexed: nil function")
	}
	q := newQueue[T](a, "NewIndexed")
	q.less = less
	q.setIndex = setIndex
	return q
}

// newQueue places an empty Queue in a, naming fn in its panic.
func newQueue[T any](a bump.Allocator, fn string) *Queue[T] {
	q, err := header.New[Queue[T]](a)
	if err != nil {
		panic(queueName.Wrap(fn, err))
	}
	q.h.Init(a)
	q.a = a
	return q
}

// check panics, in the checked build, if the Queue whose header is h or
// its storage was released by a reset of its arena. It compiles to
// nothing otherwise, even where Queue is instantiated (see
// header.Checked).
func check(h *header.Header) {
	if header.Checked {
		h.Check(queueName)
	}
}

func (q *Queue[T]) check() { check(&q.h) }

// mutable panics if q cannot be written: nil, not made by a constructor,
// or a copy of the Queue that owns the storage (every write moves
// elements in the storage the copies share).
func (q *Queue[T]) mutable(method string) {
	if q == nil {
		queueName.PanicNil(method)
	}
	q.check()
	if q.less == nil {
		panic("pqueue: " + method + ": Queue not made by New, NewFunc or NewIndexed")
	}
	q.h.Own(queueName, method)
}

// Allocator returns the allocator q's storage comes from (nil for the Go
// heap, as given to New).
func (q *Queue[T]) Allocator() bump.Allocator {
	if q == nil {
		return nil
	}
	return q.a
}

// Len returns the number of elements in q; 0 for a nil q.
func (q *Queue[T]) Len() int {
	if q == nil {
		return 0
	}
	q.check()
	return len(q.s)
}

// Cap returns the number of elements q can hold before its storage must
// grow; 0 for a nil q.
func (q *Queue[T]) Cap() int {
	if q == nil {
		return 0
	}
	q.check()
	return cap(q.s)
}

// Push adds x to q. It grows the storage when q is full, panicking with
// an error wrapping the allocator's if it cannot provide it, leaving q
// unchanged; see [Queue.TryGrow]. Push on a nil *Queue panics ("pqueue:
// Push: write to nil Queue").
func (q *Queue[T]) Push(x T) {
	q.mutable("Push")
	if len(q.s) == cap(q.s) {
		if err := q.reserve(1, "Push"); err != nil {
			panic(err)
		}
	}
	q.s = append(q.s, x)
	q.mods++
	i := len(q.s) - 1
	if q.up != nil {
		q.up(q.s, i)
		return
	}
	q.moved(i)
	q.siftUp(i)
}

// Peek returns the element Pop would return, without removing it, and
// true; or the zero value and false if q is empty or nil.
func (q *Queue[T]) Peek() (T, bool) {
	if q != nil {
		q.check()
	}
	if q == nil || len(q.s) == 0 {
		var zero T
		return zero, false
	}
	return q.s[0], true
}

// Pop removes and returns the first element of q (the smallest, for
// [New]) and true, or the zero value and false if q is empty or nil. The
// slot it frees is zeroed, so that q does not keep alive what the
// element referred to.
func (q *Queue[T]) Pop() (T, bool) {
	if q != nil {
		q.check()
	}
	if q == nil || len(q.s) == 0 {
		var zero T
		return zero, false
	}
	q.mutable("Pop")
	return q.removeAt(0), true
}

// removeAt removes and returns the element at i, moving the last element
// in its place.
func (q *Queue[T]) removeAt(i int) T {
	s := q.s
	n := len(s) - 1
	x := s[i]
	s[i] = s[n]
	var zero T
	s[n] = zero
	q.s = s[:n]
	q.mods++
	if q.setIndex != nil {
		q.setIndex(x, -1)
	}
	if i < n {
		q.fix(i)
	}
	return x
}

// fix restores the heap after the element at i changed.
func (q *Queue[T]) fix(i int) {
	if q.down != nil {
		if !q.down(q.s, i) {
			q.up(q.s, i)
		}
		return
	}
	q.moved(i)
	if !q.siftDown(i) {
		q.siftUp(i)
	}
}

// Fix restores the order of q after the element at index i changed its
// priority, as container/heap's Fix does: the cheaper way to change a
// priority than Remove followed by Push. Indexes are those of [Queue.All]
// and of the setIndex function of [NewIndexed]. It panics if i is out of
// range.
func (q *Queue[T]) Fix(i int) {
	q.mutable("Fix")
	if uint(i) >= uint(len(q.s)) {
		panic(indexError("Fix", i, len(q.s)))
	}
	q.mods++
	q.fix(i)
}

// Set replaces the element at index i with x and restores the order of
// q: what container/heap users write as h[i] = x followed by Fix. It
// panics if i is out of range.
func (q *Queue[T]) Set(i int, x T) {
	q.mutable("Set")
	if uint(i) >= uint(len(q.s)) {
		panic(indexError("Set", i, len(q.s)))
	}
	if q.setIndex != nil {
		q.setIndex(q.s[i], -1)
	}
	q.s[i] = x
	q.mods++
	q.fix(i)
}

// Remove removes and returns the element at index i, as container/heap's
// Remove does. It panics if i is out of range.
func (q *Queue[T]) Remove(i int) T {
	q.mutable("Remove")
	if uint(i) >= uint(len(q.s)) {
		panic(indexError("Remove", i, len(q.s)))
	}
	return q.removeAt(i)
}

// At returns the element at index i, in the unspecified order of
// [Queue.All]; At(0) is the element Pop would return. It panics if i is
// out of range.
func (q *Queue[T]) At(i int) T {
	if uint(i) >= uint(q.Len()) {
		panic(indexError("At", i, q.Len()))
	}
	return q.s[i]
}

// indexError is the panic message for an index i out of [0:n).
func indexError(method string, i, n int) string {
	return fmt.Sprintf("pqueue: %s: index %d out of range [0:%d]", method, i, n)
}

// Clear removes all elements from q, zeroing their slots, and keeps the
// storage for reuse. On a nil q it does nothing.
func (q *Queue[T]) Clear() {
	if q != nil {
		q.check()
	}
	if q == nil || len(q.s) == 0 {
		return
	}
	q.mutable("Clear")
	if q.setIndex != nil {
		for _, x := range q.s {
			q.setIndex(x, -1)
		}
	}
	clear(q.s)
	q.s = q.s[:0]
	q.mods++
}
