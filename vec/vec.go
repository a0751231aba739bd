package vec

import (
	"fmt"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A Vec is a growable sequence of values of type T whose storage comes
// from an allocator. The zero value is an empty Vec using the Go heap.
// A Vec must not be copied after first use.
type Vec[T any] struct {
	// h tracks the lifetimes of the header and the storage in the checked
	// build, and v's own address once v has storage it may free, so that
	// a copy that would free or move storage it shares panics instead.
	h header.Header
	// s holds the elements; cap(s) is the whole allocation, which is what
	// bump.ResizeSlice and bump.FreeSlice must be given back.
	s []T
	a bump.Allocator
}

// name names Vec in panics and errors.
var name = header.Name{Pkg: "vec", Type: "Vec"}

// New returns an empty Vec that will allocate from a (the Go heap if a is
// nil). The Vec's header is itself allocated from a, so that a warm arena
// makes no Go-heap allocation per Vec. New allocates no element storage;
// it panics if a cannot provide the header.
func New[T any](a bump.Allocator) *Vec[T] {
	return newVec[T](a, "New")
}

// newVec allocates an empty Vec's header from a, naming fn in a panic.
func newVec[T any](a bump.Allocator, fn string) *Vec[T] {
	v, err := header.New[Vec[T]](a)
	if err != nil {
		panic(name.Wrap(fn, err))
	}
	v.h.Init(a)
	v.a = a
	return v
}

// WithCapacity returns an empty Vec, allocated like [New], with room for
// exactly n values, as make([]T, 0, n) has. It panics if n is negative,
// and with the allocator's error (for example one wrapping
// [bump.ErrAllocationLimit]) if a cannot provide the storage, as make
// panics for a capacity the runtime cannot allocate.
func WithCapacity[T any](a bump.Allocator, n int) *Vec[T] {
	if n < 0 {
		panic(fmt.Sprintf("vec: WithCapacity: negative capacity %d", n))
	}
	v := newVec[T](a, "WithCapacity")
	if err := v.resize(n); err != nil {
		panic(name.Wrap("WithCapacity", err))
	}
	return v
}

// From returns a Vec, allocated like [New], holding a copy of the
// elements of s, with capacity len(s). It panics like [WithCapacity].
func From[T any](a bump.Allocator, s []T) *Vec[T] {
	return from(a, s, "From")
}

func from[T any](a bump.Allocator, s []T, fn string) *Vec[T] {
	v := newVec[T](a, fn)
	if err := v.resize(len(s)); err != nil {
		panic(name.Wrap(fn, err))
	}
	v.s = append(v.s, s...)
	return v
}

// Collect returns a Vec, allocated like [New], holding the values of seq
// in order, as [slices.Collect] does. It panics like [Vec.Push].
func Collect[T any](a bump.Allocator, seq iter.Seq[T]) *Vec[T] {
	v := newVec[T](a, "Collect")
	v.extend(seq, "Collect")
	return v
}

// Allocator returns the allocator v takes its storage from: nil for the
// Go heap, and for a nil *Vec.
func (v *Vec[T]) Allocator() bump.Allocator {
	if v == nil {
		return nil
	}
	check(&v.h)
	return v.a
}

// Len returns the number of elements in v. A nil *Vec has length 0.
func (v *Vec[T]) Len() int {
	if v == nil {
		return 0
	}
	check(&v.h)
	return len(v.s)
}

// Cap returns the number of elements v can hold without allocating. A
// nil *Vec has capacity 0.
func (v *Vec[T]) Cap() int {
	if v == nil {
		return 0
	}
	check(&v.h)
	return cap(v.s)
}

// Slice returns the elements of v as a slice sharing v's storage, with
// capacity equal to its length so that appending to it never writes into
// v. It stays valid until the next call that changes v's length or
// capacity; setting its elements sets v's. It is nil when v has no
// storage (the zero Vec, a nil *Vec, or after Clip of an empty Vec).
//
// The read-only algorithms of the slices package work on it:
// slices.Index(v.Slice(), x), slices.Sort(v.Slice()).
func (v *Vec[T]) Slice() []T {
	if v == nil {
		return nil
	}
	check(&v.h)
	return v.s[:len(v.s):len(v.s)]
}

// At returns the element at index i. It panics if i is out of range
// (always, for a nil *Vec).
func (v *Vec[T]) At(i int) T {
	if n := v.Len(); uint(i) >= uint(n) {
		panicIndex("At", i, n)
	}
	return v.s[i]
}

// Set sets the element at index i to x. It panics if i is out of range
// (always, for a nil *Vec).
func (v *Vec[T]) Set(i int, x T) {
	if n := v.Len(); uint(i) >= uint(n) {
		panicIndex("Set", i, n)
	}
	v.s[i] = x
}

// IntoSlice returns v's elements as a slice that owns v's storage (its
// capacity is the whole allocation) and leaves v empty, with no storage,
// still using the same allocator. It is the analogue of bumpalo's
// into_bump_slice: the result lives as long as the arena does, and v no
// longer frees or resizes it. A nil *Vec returns nil.
func (v *Vec[T]) IntoSlice() []T {
	if v == nil {
		return nil
	}
	check(&v.h)
	s := v.s
	v.s = nil
	v.h.Unstore()
	return s
}

// Clone returns a new Vec, allocated like [New] from v's allocator,
// holding a copy of v's elements, with capacity v.Len(). It panics like
// [WithCapacity]. Clone of a nil *Vec returns nil, as slices.Clone of a
// nil slice does.
func (v *Vec[T]) Clone() *Vec[T] {
	if v == nil {
		return nil
	}
	check(&v.h)
	return from(v.a, v.s, "Clone")
}

func panicIndex(fn string, i, n int) {
	panic(fmt.Sprintf("vec: %s: index %d out of range [0:%d]", fn, i, n))
}

// check is [header.Header.Check] for v's methods, compiled away outside
// the checked build even where Vec is instantiated (see header.Checked).
func check(h *header.Header) {
	if header.Checked {
		h.Check(name)
	}
}
