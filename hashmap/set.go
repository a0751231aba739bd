package hashmap

import (
	"fmt"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A Set is a set of values of type K whose storage comes from a
// [bump.Allocator], the arena-backed replacement for a map[K]struct{}. It
// is the Swiss table of [Map] with no room for values. The zero value is an
// empty set using the Go heap; a nil *Set reads like a nil map: Len is 0,
// Has reports false, ranging produces nothing, Delete and Clear do
// nothing, Clone returns nil, and Add panics. A Set must not be copied
// after first use; use [Set.Clone].
//
// Keys follow the rules of [Map]: compared with ==, hashed like Go maps
// hash them, so every NaN is distinct from every other and +0 and -0 are
// one key. Like a Go map, a Set may be read by any number of goroutines
// at once while none writes.
type Set[K comparable] struct {
	m Map[K, struct{}] // first: its header is the Set's
}

// setName names Set in panics and errors.
var setName = header.Name{Pkg: "hashmap", Type: "Set"}

// checkSet is check for a Set: the Set's methods check its header first,
// with the Set's name, before the Map underneath checks it again.
func checkSet(h *header.Header) {
	if header.Checked {
		h.Check(setName)
	}
}

// own is Map.own for a Set.
func (s *Set[K]) own(fn string) {
	if s.m.h.Self != &s.m.h { // inline where Set is instantiated: see header.Header.Own
		s.m.h.Own(setName, fn)
	}
}

// NewSet returns an empty set whose storage, and the Set itself, come
// from a (the Go heap if a is nil). It allocates no table until the first
// Add. It panics with the allocator's error if a cannot provide the Set.
func NewSet[K comparable](a bump.Allocator) *Set[K] {
	return newSet[K](a, "NewSet")
}

// newSet is NewSet for the constructors that call it, which name
// themselves in its panic.
func newSet[K comparable](a bump.Allocator, fn string) *Set[K] {
	s, err := header.New[Set[K]](a)
	if err != nil {
		panic(setName.Wrap(fn, err))
	}
	s.m.init(a)
	return s
}

// NewSetWithCapacity returns a set, allocated like [NewSet], with room for
// at least n values before it needs to grow, like make(map[K]struct{}, n).
// It panics like [WithCapacity].
func NewSetWithCapacity[K comparable](a bump.Allocator, n int) *Set[K] {
	if n < 0 {
		panic(fmt.Sprintf("hashmap: NewSetWithCapacity: negative capacity %d", n))
	}
	s := newSet[K](a, "NewSetWithCapacity")
	if err := s.m.tryGrow(n); err != nil {
		panic(fmt.Errorf("hashmap: NewSetWithCapacity: %w", err))
	}
	return s
}

// NewSetWithHasher is like [NewSet] but hashes values with h instead of
// hash/maphash.Comparable. It panics if h is nil.
func NewSetWithHasher[K comparable](a bump.Allocator, h Hasher[K]) *Set[K] {
	if h == nil {
		panic("hashmap: NewSetWithHasher: nil Hasher")
	}
	s := newSet[K](a, "NewSetWithHasher")
	s.m.hasher = h
	s.m.kind = hashCustom
	return s
}

// CollectSet returns a new set, allocated like [NewSet], holding the
// values of seq. It panics like [Set.Add].
func CollectSet[K comparable](a bump.Allocator, seq iter.Seq[K]) *Set[K] {
	s := newSet[K](a, "CollectSet")
	for k := range seq {
		s.mustAdd(k, "CollectSet")
	}
	return s
}

// Allocator returns the allocator s takes its storage from: nil for the
// Go heap, and for a nil s.
func (s *Set[K]) Allocator() bump.Allocator {
	if s == nil {
		return nil
	}
	checkSet(&s.m.h)
	return s.m.alloc
}

// Len returns the number of values in s; 0 for a nil s.
func (s *Set[K]) Len() int {
	if s == nil {
		return 0
	}
	checkSet(&s.m.h)
	return s.m.used
}

// Has reports whether k is in s; false for a nil s.
func (s *Set[K]) Has(k K) bool {
	if s == nil {
		return false
	}
	checkSet(&s.m.h)
	return s.m.lookup(k) != nil
}

// Add adds k to s and reports whether it was new (false if s already held
// it), so that the common "first time seen" test is one lookup:
//
//	if seen.Add(k) { ... }
//
// As with a Go map, a value already present is replaced by k, which shows
// only for values that are == but distinguishable, such as +0 and -0. It
// panics with an error wrapping the allocator's if s must grow and the
// allocator cannot provide the storage, leaving s unchanged; see
// [Set.TryAdd]. Like assigning to a nil map, Add on a nil *Set panics
// ("hashmap: Add: write to nil Set").
func (s *Set[K]) Add(k K) bool {
	added, err := s.add(k, "Add")
	if err != nil {
		panic(err)
	}
	return added
}

// TryAdd is like [Set.Add] but returns the error, leaving s unchanged,
// instead of panicking.
func (s *Set[K]) TryAdd(k K) (bool, error) {
	return s.add(k, "TryAdd")
}

func (s *Set[K]) add(k K, fn string) (bool, error) {
	if s == nil {
		setName.PanicNil(fn)
	}
	checkSet(&s.m.h)
	s.own(fn)
	_, found, err := s.m.insert(k, fn)
	if err != nil {
		return false, err
	}
	s.m.checkInvariants()
	return !found, nil
}

// Delete removes k from s. Deleting a value that is not present, or from
// a nil s, does nothing. Delete may be called during iteration; see
// [Set.All].
func (s *Set[K]) Delete(k K) {
	if s != nil {
		checkSet(&s.m.h)
		s.own("Delete")
		s.m.Delete(k)
	}
}

// Clear removes all values from s, keeping its storage for reuse like the
// built-in clear. An iteration in progress ends at its next step. Clear
// on a nil s does nothing.
func (s *Set[K]) Clear() {
	if s != nil {
		checkSet(&s.m.h)
		s.own("Clear")
		s.m.Clear()
	}
}

// All returns an iterator over the values of s, in an unspecified order
// that varies between iterations, with the semantics of ranging over a Go
// map (see [Map.All]): s may be modified during the iteration, a value
// deleted before it is reached is not produced, and each value is
// produced at most once. Ranging over a nil s produces nothing.
func (s *Set[K]) All() iter.Seq[K] {
	return func(yield func(K) bool) {
		if s == nil {
			return
		}
		checkSet(&s.m.h)
		it := s.m.iter()
		defer it.stop()
		for sl := it.next(); sl != nil; sl = it.next() {
			if !yield(sl.key) {
				return
			}
		}
	}
}

// Insert adds the values of seq to s, like [Set.Add] for each (the
// in-place union: s.Insert(t.All())). It panics like [Set.Add], keeping
// the values added before the failure.
func (s *Set[K]) Insert(seq iter.Seq[K]) {
	for k := range seq {
		s.mustAdd(k, "Insert")
	}
}

// DeleteFunc deletes the values of s for which del returns true, NaN
// values included (the in-place intersection with t is
// s.DeleteFunc(func(k K) bool { return !t.Has(k) })). It does nothing on a
// nil s. del may modify s with the semantics of [Set.All].
func (s *Set[K]) DeleteFunc(del func(K) bool) {
	if s != nil {
		checkSet(&s.m.h)
		s.own("DeleteFunc")
		s.m.DeleteFunc(func(k K, _ struct{}) bool { return del(k) })
	}
}

// Grow makes room for at least n more values, so that the next n
// additions of new values neither allocate nor fail, like [Map.Grow]. It
// panics if n is negative or, leaving s unchanged, with an error wrapping
// the allocator's if the storage cannot be provided; see [Set.TryGrow].
// Grow on a nil s panics like Add.
func (s *Set[K]) Grow(n int) {
	if s == nil {
		setName.PanicNil("Grow")
	}
	checkSet(&s.m.h)
	s.own("Grow")
	s.m.Grow(n)
}

// TryGrow is like [Set.Grow] but returns the error instead of panicking.
func (s *Set[K]) TryGrow(n int) error {
	if s == nil {
		setName.PanicNil("TryGrow")
	}
	checkSet(&s.m.h)
	s.own("TryGrow")
	return s.m.TryGrow(n)
}

// Clone returns a copy of s whose storage, and the Set itself, come from
// s's allocator, like [Map.Clone]. Clone of a nil s is nil. It panics
// like [Set.Add] if the allocator cannot provide the storage.
func (s *Set[K]) Clone() *Set[K] {
	if s == nil {
		return nil
	}
	checkSet(&s.m.h)
	c := newSet[K](s.m.alloc, "Clone")
	if err := s.m.cloneInto(&c.m); err != nil {
		header.Free(c.m.alloc, c, &c.m.h) // so that the panic leaves the allocator as it was
		panic(setName.Wrap("Clone", err))
	}
	return c
}
