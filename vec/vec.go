package vec

import (
	"fmt"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// A Vec is a growable sequence of values of type T whose storage comes
// from an allocator. The zero value is an empty Vec using the Go heap.
// A Vec must not be copied after first use.
type Vec[T any] struct {
	// The zero-size fields come first: a zero-size last field would pad
	// the struct.
	_ noCopy
	// life tracks the arena memory holding the header (from New and the
	// other constructors), store the current storage; both are empty
	// outside the checked build (-tags bumpdebug).
	life, store lifecheck.Tag

	// s holds the elements; cap(s) is the whole allocation, which is what
	// bump.ResizeSlice and bump.FreeSlice must be given back.
	s []T
	a bump.Allocator
	// self is v's own address once v has storage it may free, so that a
	// copy that would free or move storage it shares panics instead (as
	// strings.Builder's copyCheck does).
	self *Vec[T]
}

// noCopy lets go vet's copylocks check report Vecs copied by value.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// New returns an empty Vec that will allocate from a (the Go heap if a is
// nil). The Vec's header is itself allocated from a, so that a warm arena
// makes no Go-heap allocation per Vec. New allocates no element storage;
// it panics if a cannot provide the header.
func New[T any](a bump.Allocator) *Vec[T] {
	return newVec[T](a, "New")
}

// newVec allocates an empty Vec's header from a, naming fn in a panic.
func newVec[T any](a bump.Allocator, fn string) *Vec[T] {
	var v *Vec[T]
	if a == nil {
		v = new(Vec[T])
	} else {
		h, err := bump.AllocateSlice[Vec[T]](a, 1)
		if err != nil {
			panic(fmt.Errorf("vec: %s: %w", fn, err))
		}
		v = &h[0]
		v.life = lifecheck.Track(a)
	}
	v.a = a
	v.self = v
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
		panic(fmt.Errorf("vec: WithCapacity: %w", err))
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
		panic(fmt.Errorf("vec: %s: %w", fn, err))
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
// Go heap.
func (v *Vec[T]) Allocator() bump.Allocator {
	v.check()
	return v.a
}

// Len returns the number of elements in v. A nil *Vec has length 0.
func (v *Vec[T]) Len() int {
	if v == nil {
		return 0
	}
	v.check()
	return len(v.s)
}

// Cap returns the number of elements v can hold without allocating. A
// nil *Vec has capacity 0.
func (v *Vec[T]) Cap() int {
	if v == nil {
		return 0
	}
	v.check()
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
	v.check()
	return v.s[:len(v.s):len(v.s)]
}

// At returns the element at index i. It panics if i is out of range.
func (v *Vec[T]) At(i int) T {
	v.check()
	if uint(i) >= uint(len(v.s)) {
		panicIndex("At", i, len(v.s))
	}
	return v.s[i]
}

// Set sets the element at index i to x. It panics if i is out of range.
func (v *Vec[T]) Set(i int, x T) {
	v.check()
	if uint(i) >= uint(len(v.s)) {
		panicIndex("Set", i, len(v.s))
	}
	v.s[i] = x
}

// IntoSlice returns v's elements as a slice that owns v's storage (its
// capacity is the whole allocation) and leaves v empty, with no storage,
// still using the same allocator. It is the analogue of bumpalo's
// into_bump_slice: the result lives as long as the arena does, and v no
// longer frees or resizes it.
func (v *Vec[T]) IntoSlice() []T {
	v.check()
	s := v.s
	v.s = nil
	v.store.Stop()
	return s
}

// Clone returns a new Vec, allocated like [New] from v's allocator,
// holding a copy of v's elements, with capacity v.Len(). It panics like
// [WithCapacity].
func (v *Vec[T]) Clone() *Vec[T] {
	v.check()
	return from(v.a, v.s, "Clone")
}

func panicIndex(fn string, i, n int) {
	panic(fmt.Sprintf("vec: %s: index %d out of range [0:%d]", fn, i, n))
}
