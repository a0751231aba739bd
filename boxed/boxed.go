// Package boxed provides Box, a single value placed in allocator memory
// and owned by a handle that runs the value's cleanup exactly once.
//
// A Box is to bumpkit what Rust's Box<T, &Bump> is to bumpalo: it lets a
// value that holds a resource (a file, a connection, a pooled buffer) live
// in an arena without leaking the resource. The value is cleaned up either
// when its Box is dropped with [Box.Drop], or, for a Box never dropped,
// when the arena it lives in releases its memory: [bump.Bump.Reset], or
// [bump.Bump.ResetTo] a checkpoint taken before the Box was made. Whichever
// comes first wins; the other does nothing.
//
// # Cleanup
//
// A value is cleaned up by calling a method on it, looked up in this
// order of precedence:
//
//  1. a Drop() or Drop() error method of *T (which includes one declared
//     on T), such as [Dropper] or Box itself, so that boxes nest,
//  2. a Close() error method of *T (which includes one declared on T),
//     such as io.Closer,
//  3. when T is itself a pointer or interface type, a Drop and then a
//     Close method of the value it holds, unless it is nil.
//
// Values with none of these methods are simply released. An error from
// the cleanup is returned by [Box.Drop]; an arena reset has nowhere to
// report it and discards it, so call Drop on values whose Close error
// matters.
//
// With an allocator that does not implement [bump.Cleaner], such as the Go
// heap, a Box that is never dropped is never cleaned up: its value is
// garbage collected like any other, with no cleanup call. An allocator
// that wraps a *bump.Bump should implement Cleaner by forwarding to it:
// otherwise a Box does not learn of the arena's reset, and a Drop after
// it would clean up, and free, memory the arena has handed out again.
//
// # Cost
//
// Besides the value's storage, New makes one small Go-heap allocation for
// the drop state, which must outlive an arena reset, and with a Cleaner a
// second one for the function it registers.
package boxed

import (
	"fmt"
	"io"
	"reflect"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// A Dropper is a value with a cleanup method that cannot fail. A Box
// calls it, in preference to Close, when the Box is dropped.
type Dropper interface {
	Drop()
}

// errDropper is a Drop method that can fail, as [Box.Drop] is.
type errDropper interface {
	Drop() error
}

// A Box owns one value of T allocated from a [bump.Allocator].
//
// A Box is a handle the size of a pointer: copies of it refer to the same
// value, and dropping any copy drops the value for all of them. The zero
// Box holds no value. A Box is not safe for concurrent use.
type Box[T any] struct {
	s *state[T]
}

// state lives on the Go heap, not in the arena, because it must outlive a
// reset: a Box dropped after its arena was reset has to find out that its
// memory is gone (and may now belong to someone else) rather than free it
// a second time.
type state[T any] struct {
	p *T // nil once the value has been dropped
	a bump.Allocator
}

// New returns a Box owning a copy of v placed in storage from a (the Go
// heap if a is nil). If a implements [bump.Cleaner], as *bump.Bump does,
// the value is dropped when a releases its memory, unless the Box was
// dropped before. New panics with an error wrapping
// [bump.ErrAllocationLimit] if a cannot provide the storage; see TryNew.
func New[T any](a bump.Allocator, v T) Box[T] {
	b, err := TryNew(a, v)
	if err != nil {
		panic(err)
	}
	return b
}

// TryNew is like [New] but returns an error instead of panicking. On error
// v is not owned: it is the caller's to clean up.
func TryNew[T any](a bump.Allocator, v T) (Box[T], error) {
	s, err := bump.AllocateSlice[T](a, 1)
	if err != nil {
		return Box[T]{}, fmt.Errorf("boxed: cannot allocate %v: %w", reflect.TypeFor[T](), err)
	}
	s[0] = v
	st := &state[T]{p: &s[0], a: a}
	if c, ok := a.(bump.Cleaner); ok {
		c.Cleanup(st.release)
	}
	return Box[T]{st}, nil
}

// Ptr returns a pointer to b's value, valid until b is dropped (after
// which its storage may be reused). It panics if b is the zero Box or has
// been dropped.
func (b Box[T]) Ptr() *T {
	if b.s == nil || b.s.p == nil {
		b.usePanic()
	}
	return b.s.p
}

// Value returns a copy of b's value. It panics if b is the zero Box or has
// been dropped.
func (b Box[T]) Value() T {
	return *b.Ptr()
}

func (b Box[T]) usePanic() {
	if b.s == nil {
		panic("boxed: use of zero Box")
	}
	panic("boxed: use of dropped Box")
}

// Dropped reports whether b's value has been dropped, by [Box.Drop] or by
// a reset of its arena. It reports true for the zero Box, which holds no
// value.
func (b Box[T]) Dropped() bool {
	return b.s == nil || b.s.p == nil
}

// Drop cleans up b's value (see the package documentation for which method
// it calls) and gives its storage back to the allocator. It returns the
// error of the value's cleanup method, if that returns one.
//
// Drop runs the cleanup at most once: calling it again, on any copy of b,
// or after the arena reset b's value, does nothing and returns nil, as
// does dropping the zero Box. The Box counts as dropped before the cleanup
// runs, so a cleanup that panics is not run again by a later reset.
func (b Box[T]) Drop() error {
	if b.s == nil || b.s.p == nil {
		return nil
	}
	p := b.s.p
	b.s.p = nil
	// The storage is freed even if the cleanup panics: the value is
	// dropped either way. unsafe.Slice rebuilds exactly the one-element
	// slice AllocateSlice returned, which is what FreeSlice needs.
	defer bump.FreeSlice(b.s.a, unsafe.Slice(p, 1))
	return cleanup(p)
}

// release is registered with the arena. The arena is about to zero the
// memory itself, so release only cleans up.
func (s *state[T]) release() {
	p := s.p
	if p == nil {
		return
	}
	s.p = nil
	_ = cleanup(p) // a reset has nowhere to report the error; see the package doc
}

// cleanup calls the cleanup method of *p, if it has one.
func cleanup[T any](p *T) error {
	switch x := any(p).(type) {
	case Dropper:
		x.Drop()
		return nil
	case errDropper:
		return x.Drop()
	case io.Closer:
		return x.Close()
	}
	// For other kinds the method set of *T already includes T's, and
	// converting *p to an interface could allocate.
	if k := reflect.TypeFor[T]().Kind(); k != reflect.Pointer && k != reflect.Interface {
		return nil
	}
	v := any(*p)
	if v == nil || reflect.ValueOf(v).Kind() == reflect.Pointer && reflect.ValueOf(v).IsNil() {
		return nil
	}
	switch x := v.(type) {
	case Dropper:
		x.Drop()
	case errDropper:
		return x.Drop()
	case io.Closer:
		return x.Close()
	}
	return nil
}
