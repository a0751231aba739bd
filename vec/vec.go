package vec

import (
	"fmt"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
)

// A Vec is a growable sequence of values of type T whose storage comes
// from an allocator. The zero value is an empty Vec using the Go heap.
// A Vec must not be copied after first use.
type Vec[T any] struct {
	_ noCopy
	a bump.Allocator
	// s holds the elements; cap(s) is the whole allocation, which is what
	// bump.ResizeSlice and bump.FreeSlice must be given back.
	s []T
}

// noCopy lets go vet's copylocks check report Vecs copied by value.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// New returns an empty Vec that will allocate from a (the Go heap if a is
// nil). It allocates no element storage until the first value is added.
func New[T any](a bump.Allocator) *Vec[T] {
	return &Vec[T]{a: a}
}

// WithCapacity returns an empty Vec with room for exactly n values,
// allocated from a. It panics if n is negative or if a cannot provide the
// storage (for example with an error wrapping [bump.ErrAllocationLimit]).
func WithCapacity[T any](a bump.Allocator, n int) *Vec[T] {
	if n < 0 {
		panic(fmt.Sprintf("vec: negative capacity %d", n))
	}
	v := &Vec[T]{a: a}
	if err := v.resize(n); err != nil {
		panic(err)
	}
	return v
}

// From returns a Vec allocated from a holding a copy of the elements of
// s, with capacity len(s). It panics like [WithCapacity].
func From[T any](a bump.Allocator, s []T) *Vec[T] {
	v := WithCapacity[T](a, len(s))
	v.s = append(v.s, s...)
	return v
}

// Collect returns a Vec allocated from a holding the values of seq in
// order. It panics like [WithCapacity].
func Collect[T any](a bump.Allocator, seq iter.Seq[T]) *Vec[T] {
	v := New[T](a)
	v.Extend(seq)
	return v
}

// Allocator returns the allocator v takes its storage from: nil for the
// Go heap.
func (v *Vec[T]) Allocator() bump.Allocator { return v.a }

// Len returns the number of elements in v.
func (v *Vec[T]) Len() int { return len(v.s) }

// Cap returns the number of elements v can hold without allocating.
func (v *Vec[T]) Cap() int { return cap(v.s) }

// Slice returns the elements of v as a slice sharing v's storage, with
// capacity equal to its length so that appending to it never writes into
// v. It stays valid until the next call that changes v's length or
// capacity; setting its elements sets v's.
func (v *Vec[T]) Slice() []T { return v.s[:len(v.s):len(v.s)] }

// At returns the element at index i. It panics if i is out of range.
func (v *Vec[T]) At(i int) T {
	if uint(i) >= uint(len(v.s)) {
		panicIndex(i, len(v.s))
	}
	return v.s[i]
}

// Set sets the element at index i to x. It panics if i is out of range.
func (v *Vec[T]) Set(i int, x T) {
	if uint(i) >= uint(len(v.s)) {
		panicIndex(i, len(v.s))
	}
	v.s[i] = x
}

// IntoSlice returns v's elements as a slice that owns v's storage (its
// capacity is the whole allocation) and leaves v empty, with no storage,
// still using the same allocator. It is the analogue of bumpalo's
// into_bump_slice: the result lives as long as the arena does, and v no
// longer frees or resizes it.
func (v *Vec[T]) IntoSlice() []T {
	s := v.s
	v.s = nil
	return s
}

// Clone returns a new Vec with the same allocator and a copy of v's
// elements, with capacity v.Len(). It panics like [WithCapacity].
func (v *Vec[T]) Clone() *Vec[T] {
	return From(v.a, v.s)
}

// String formats v like a slice: [1 2 3].
func (v *Vec[T]) String() string {
	return fmt.Sprint(v.s)
}

func panicIndex(i, n int) {
	panic(fmt.Sprintf("vec: index %d out of range [0:%d]", i, n))
}
