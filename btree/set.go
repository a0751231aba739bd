package btree

import (
	"cmp"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A Set is an ordered set of K: a [Map] from K to struct{}, which takes
// no room in the nodes. Make one with [NewSet] or [NewSetFunc]; a nil
// *Set reads as an empty set, and adding to it panics. It follows the
// Map's rules for memory, failure, iteration during changes and
// concurrency. A Set marshals to JSON, and prints with fmt, as the slice
// of its elements in order ([1 2 3]), the way sets are usually written
// in JSON, rather than as the map[K]struct{} it replaces.
type Set[K any] struct {
	m Map[K, struct{}]
}

// NewSet returns an empty set ordered by cmp.Compare, allocated like
// [New].
func NewSet[K cmp.Ordered](a bump.Allocator) *Set[K] {
	s := newSet[K](a, "NewSet")
	initOrdered(&s.m)
	return s
}

// NewSetFunc returns an empty set ordered by cmp, allocated like [New];
// see [NewFunc]. It panics if cmp is nil.
func NewSetFunc[K any](a bump.Allocator, cmp func(K, K) int) *Set[K] {
	if cmp == nil {
		panic("btree: NewSetFunc: nil comparison function")
	}
	s := newSet[K](a, "NewSetFunc")
	s.m.initFunc(cmp)
	return s
}

// setName names Set in the panics of writes to a nil *Set.
var setName = header.Name{Pkg: "btree", Type: "Set"}

func newSet[K any](a bump.Allocator, fn string) *Set[K] {
	s, err := header.New[Set[K]](a)
	if err != nil {
		panic(header.Name{Pkg: "btree"}.Wrap(fn, err))
	}
	s.m.init(a)
	return s
}

// Allocator returns the allocator s's nodes come from.
func (s *Set[K]) Allocator() bump.Allocator { return s.mp().Allocator() }

// mp returns s's map, nil for a nil s.
func (s *Set[K]) mp() *Map[K, struct{}] {
	if s == nil {
		return nil
	}
	return &s.m
}

// Len returns the number of elements of s; 0 for a nil s.
func (s *Set[K]) Len() int { return s.mp().Len() }

// Has reports whether k is in s; false for a nil s.
func (s *Set[K]) Has(k K) bool { return s.mp().Has(k) }

// Add adds k to s and reports whether it was new. It panics like
// [Map.Set]; see [Set.TryAdd].
func (s *Set[K]) Add(k K) bool {
	if s == nil {
		setName.PanicNil("Add")
	}
	_, found, err := s.m.insert(k, "Add")
	if err != nil {
		panic(err)
	}
	return !found
}

// TryAdd is like [Set.Add] but returns the error instead of panicking,
// leaving s unchanged.
func (s *Set[K]) TryAdd(k K) (bool, error) {
	if s == nil {
		setName.PanicNil("TryAdd")
	}
	_, found, err := s.m.insert(k, "TryAdd")
	return !found && err == nil, err
}

// Delete removes k from s and reports whether it was there. On a nil s it
// does nothing.
func (s *Set[K]) Delete(k K) bool {
	_, ok := s.mp().Delete(k)
	return ok
}

// Clear removes all elements, keeping the nodes for reuse.
func (s *Set[K]) Clear() { s.mp().Clear() }

// Grow makes room for n more elements, as [Map.Grow] does.
func (s *Set[K]) Grow(n int) { s.mp().Grow(n) }

// TryGrow is like [Set.Grow] but returns the error, as [Map.TryGrow].
func (s *Set[K]) TryGrow(n int) error { return s.mp().TryGrow(n) }

// Min returns the smallest element and true, or the zero value and false
// if s is empty.
func (s *Set[K]) Min() (K, bool) {
	k, _, ok := s.mp().Min()
	return k, ok
}

// Max returns the largest element and true, or the zero value and false
// if s is empty.
func (s *Set[K]) Max() (K, bool) {
	k, _, ok := s.mp().Max()
	return k, ok
}

// PopMin removes and returns the smallest element and true, or the zero
// value and false if s is empty.
func (s *Set[K]) PopMin() (K, bool) {
	k, _, ok := s.mp().PopMin()
	return k, ok
}

// PopMax removes and returns the largest element and true, or the zero
// value and false if s is empty.
func (s *Set[K]) PopMax() (K, bool) {
	k, _, ok := s.mp().PopMax()
	return k, ok
}

// All returns an iterator over the elements of s in ascending order, with
// the semantics of [Map.All].
func (s *Set[K]) All() iter.Seq[K] { return s.mp().Keys() }

// Backward returns an iterator over the elements of s in descending
// order, with the semantics of [Map.Backward].
func (s *Set[K]) Backward() iter.Seq[K] { return keys(s.mp().Backward()) }

// Ascend returns an iterator over the elements of s greater than or equal
// to from, in ascending order; see [Map.Ascend].
func (s *Set[K]) Ascend(from K) iter.Seq[K] { return keys(s.mp().Ascend(from)) }

// Descend returns an iterator over the elements of s less than or equal
// to from, in descending order; see [Map.Descend].
func (s *Set[K]) Descend(from K) iter.Seq[K] { return keys(s.mp().Descend(from)) }

func keys[K any](seq iter.Seq2[K, struct{}]) iter.Seq[K] {
	return func(yield func(K) bool) {
		for k := range seq {
			if !yield(k) {
				return
			}
		}
	}
}

// Insert adds the values of seq to s. It panics like [Set.Add].
func (s *Set[K]) Insert(seq iter.Seq[K]) {
	for k := range seq {
		s.Add(k)
	}
}

// Clone returns a copy of s, allocated like [Map.Clone]. Clone of a nil s
// is nil.
func (s *Set[K]) Clone() *Set[K] {
	if s == nil {
		return nil
	}
	c, err := header.New[Set[K]](s.m.a)
	if err != nil {
		panic(setName.Wrap("Clone", err))
	}
	if err := s.m.cloneInto(&c.m); err != nil {
		header.Free(s.m.a, c, &c.m.h) // so that the panic leaves the allocator as it was
		panic(setName.Wrap("Clone", err))
	}
	return c
}

// MarshalJSON encodes s as a JSON array of its elements in order; a nil
// s is null.
func (s *Set[K]) MarshalJSON() ([]byte, error) {
	if s == nil {
		return []byte("null"), nil
	}
	return json.Marshal(s.elements())
}

// elements returns the elements of s in a new slice.
func (s *Set[K]) elements() []K {
	if s == nil {
		return nil
	}
	e := make([]K, 0, s.Len())
	for k := range s.All() {
		e = append(e, k)
	}
	return e
}

// UnmarshalJSON decodes a JSON array into s, replacing its elements, as
// every bumpkit container does; null does nothing. s must have been made
// by NewSet or NewSetFunc. On error s is unchanged.
func (s *Set[K]) UnmarshalJSON(data []byte) error {
	if s != nil {
		s.m.check()
	}
	if s == nil || s.m.search == nil {
		return fmt.Errorf("btree: UnmarshalJSON: Set not made by NewSet or NewSetFunc")
	}
	s.m.mutable("UnmarshalJSON")
	var e []K
	if err := json.Unmarshal(data, &e); err != nil {
		return fmt.Errorf("btree: UnmarshalJSON: %w", err)
	}
	if e == nil {
		return nil // null
	}
	if err := s.m.reserve(len(e)); err != nil {
		return fmt.Errorf("btree: UnmarshalJSON: %w", err)
	}
	s.m.Clear()
	for _, k := range e {
		s.Add(k)
	}
	return nil
}

// Format prints s as fmt prints the slice of its elements in order, for
// every verb and flag: [1 2 3]. A nil s prints as a nil slice.
func (s *Set[K]) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), s.elements())
}

// String returns s formatted like a slice with %v: [1 2 3].
func (s *Set[K]) String() string { return fmt.Sprint(s) }
