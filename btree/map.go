package btree

import (
	"cmp"
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// A Map is an ordered map from K to V: a B-tree whose nodes come from a
// [bump.Allocator]. Make one with [New] or [NewFunc]; a nil *Map, and a
// zero Map, read as an empty map, and writing to them panics. A Map must
// not be copied after first use; use [Map.Clone].
type Map[K, V any] struct {
	_ noCopy
	// In the checked build (-tags bumpdebug), the lifetimes of the Map
	// itself and of its newest nodes (see allocNodes); empty otherwise.
	life, store lifecheck.Tag
	debug       debugState

	root   *node[K, V] // nil when empty
	len    int
	search searchFunc[K, V]
	cmp    func(K, K) int
	a      bump.Allocator

	// The free lists: nodes the tree no longer uses, kept for its next
	// splits, so that a Map under churn in an arena that is never reset
	// stays as large as it once had to be. leaves and inner count the
	// nodes of each kind m owns, in the tree or free.
	freeLeaves, freeInner   *node[K, V]
	nfreeLeaves, nfreeInner int
	leaves, inner           int

	// mods counts insertions and deletions, which move entries between
	// slots: an iteration compares it before and after each yield, and
	// finds its place again by key when it changed. Only writers change
	// it, so concurrent readers stay race-free.
	mods uint

	// self is m's own address, so that a copy of m that writes panics
	// instead of corrupting the tree it shares with m.
	self *Map[K, V]
}

// noCopy lets go vet's copylocks check report copies of a Map.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// New returns an empty map ordered by cmp.Compare: for floating-point
// keys NaN comes first and all NaNs are one key, and -0 and +0 are one
// key. Its nodes, and the Map itself, come from a (the Go heap if a is
// nil); it allocates no node until the first Set. It panics with the
// allocator's error if a cannot provide the Map.
func New[K cmp.Ordered, V any](a bump.Allocator) *Map[K, V] {
	m := newMap[K, V](a, "New")
	initOrdered(m)
	return m
}

// initOrdered sets m's order to cmp.Compare's, with the searches
// instantiated for K.
func initOrdered[K cmp.Ordered, V any](m *Map[K, V]) {
	m.cmp = cmp.Compare[K]
	m.search = searchOrdered[K, V]
	if isFloat[K]() {
		m.search = searchFloat[K, V]
	}
}

// initFunc sets m's order to cmp's.
func (m *Map[K, V]) initFunc(cmp func(K, K) int) {
	m.cmp = cmp
	m.search = searchWith[K, V](cmp)
}

// NewFunc returns an empty map, allocated like [New], whose keys are
// ordered by cmp, as slices.SortFunc orders: cmp(a, b) is negative when
// a comes before b, positive when after, zero when they are the same key.
// cmp must be a strict weak order and must not change while the map is in
// use; otherwise the map's contents are unspecified (but it does not
// crash). It panics if cmp is nil.
func NewFunc[K, V any](a bump.Allocator, cmp func(K, K) int) *Map[K, V] {
	if cmp == nil {
		panic("btree: NewFunc: nil comparison function")
	}
	m := newMap[K, V](a, "NewFunc")
	m.initFunc(cmp)
	return m
}

// newMap places an empty Map in a, naming fn in its panic. The checked
// build keeps it on the Go heap instead, so that its tags outlive the
// arena memory they watch.
func newMap[K, V any](a bump.Allocator, fn string) *Map[K, V] {
	s, err := newHeader[Map[K, V]](a)
	if err != nil {
		panic(fmt.Errorf("btree: %s: %w", fn, err))
	}
	m := &s[0]
	m.init(a)
	return m
}

// init makes the zero m a Map on a, without an order yet.
func (m *Map[K, V]) init(a bump.Allocator) {
	m.a = a
	m.self = m
	m.life = lifecheck.Track(a)
}

// newHeader returns a zeroed T from a, in a slice of one, or from the Go
// heap in the checked build.
func newHeader[T any](a bump.Allocator) ([]T, error) {
	if lifecheck.Enabled {
		return make([]T, 1), nil
	}
	return allocSlice[T](a, 1)
}

// check panics, in the checked build, if m or its nodes were released by
// a reset of their arena. It compiles to nothing otherwise.
func (m *Map[K, V]) check() {
	m.life.Check("btree: Map")
	m.store.Check("btree: Map")
}

// mutable panics if m cannot be written: nil, not made by a constructor,
// or a copy of the Map that owns the tree.
func (m *Map[K, V]) mutable(method string) {
	if m == nil {
		panic("btree: " + method + " on nil Map")
	}
	if m.self != m {
		if m.search == nil {
			panic("btree: " + method + " on Map not made by New or NewFunc")
		}
		panic("btree: " + method + ": Map copied by value after first use")
	}
	m.check()
}

// Allocator returns the allocator m's nodes come from (nil for the Go
// heap, as given to New).
func (m *Map[K, V]) Allocator() bump.Allocator {
	if m == nil {
		return nil
	}
	return m.a
}

// Len returns the number of entries in m; 0 for a nil m.
func (m *Map[K, V]) Len() int {
	if m == nil {
		return 0
	}
	m.check()
	return m.len
}

// find returns the node and index holding k, or nil.
func (m *Map[K, V]) find(k K) (*node[K, V], int) {
	if m == nil {
		return nil, 0
	}
	m.check()
	for n := m.root; n != nil; {
		i, found := m.search(n, k)
		if found {
			return n, i
		}
		if n.children == nil {
			break
		}
		n = n.children[i]
	}
	return nil, 0
}

// Get returns the value stored for k and true, or the zero value and
// false if k is not in m (or m is nil).
func (m *Map[K, V]) Get(k K) (V, bool) {
	if n, i := m.find(k); n != nil {
		return n.vals[i], true
	}
	var zero V
	return zero, false
}

// Has reports whether k is in m; false for a nil m.
func (m *Map[K, V]) Has(k K) bool {
	n, _ := m.find(k)
	return n != nil
}

// Ptr returns a pointer to the value stored for k, or nil if k is not in
// m (or m is nil), for updating the value in place. The pointer is valid
// until the next insertion of a new key or deletion, which may move
// entries between nodes.
func (m *Map[K, V]) Ptr(k K) *V {
	if n, i := m.find(k); n != nil {
		return &n.vals[i]
	}
	return nil
}

// Set stores v for k, replacing the value (and the key, for keys that
// compare equal but differ, such as -0 and +0) if k is present. It panics
// with an error wrapping the allocator's ("btree: Set: bump: ...:
// allocation limit exceeded") if m needs a node and the allocator cannot
// provide it, leaving m unchanged; see [Map.TrySet] and [Map.Grow]. Set on
// a nil *Map panics, like assigning to a nil Go map.
func (m *Map[K, V]) Set(k K, v V) {
	p, _, err := m.insert(k, "Set")
	if err != nil {
		panic(err)
	}
	*p = v
}

// TrySet is like [Map.Set] but returns the error, leaving m unchanged,
// instead of panicking.
func (m *Map[K, V]) TrySet(k K, v V) error {
	p, _, err := m.insert(k, "TrySet")
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Entry returns a pointer to the value stored for k, first inserting k
// with the zero value if it is not in m, and reports whether k was
// present: the one-search way to update a value, as in
//
//	p, _ := m.Entry(word)
//	*p++
//
// The pointer is valid as for [Map.Ptr]. Entry panics like [Map.Set].
func (m *Map[K, V]) Entry(k K) (*V, bool) {
	p, found, err := m.insert(k, "Entry")
	if err != nil {
		panic(err)
	}
	return p, found
}

// Delete removes k from m and returns the value it had and true, or the
// zero value and false if k was not in m. Delete never allocates; the
// nodes it empties are kept for later insertions. On a nil or empty m it
// does nothing, like delete on a nil Go map.
func (m *Map[K, V]) Delete(k K) (V, bool) {
	if m == nil {
		var zero V
		return zero, false
	}
	m.check()
	if m.root == nil {
		var zero V
		return zero, false
	}
	m.mutable("Delete")
	return m.delete(k)
}

// Clear removes all entries from m, keeping its nodes for reuse, as
// clear keeps a Go map's storage. On a nil m it does nothing.
func (m *Map[K, V]) Clear() {
	if m == nil {
		return
	}
	m.check()
	if m.root == nil {
		return
	}
	m.mutable("Clear")
	m.freeTree(m.root)
	m.root = nil
	m.len = 0
	m.mods++
	m.checkInvariants()
}

// Min returns the smallest key of m, its value and true, or zero values
// and false if m is empty or nil.
func (m *Map[K, V]) Min() (K, V, bool) {
	if m != nil {
		m.check()
	}
	if m == nil || m.root == nil {
		var k K
		var v V
		return k, v, false
	}
	n := m.root
	for n.children != nil {
		n = n.children[0]
	}
	return n.keys[0], n.vals[0], true
}

// Max returns the largest key of m, its value and true, or zero values
// and false if m is empty or nil.
func (m *Map[K, V]) Max() (K, V, bool) {
	if m != nil {
		m.check()
	}
	if m == nil || m.root == nil {
		var k K
		var v V
		return k, v, false
	}
	n := m.root
	for n.children != nil {
		n = n.children[n.n]
	}
	return n.keys[n.n-1], n.vals[n.n-1], true
}

// PopMin removes the smallest key of m and returns it with its value and
// true, or zero values and false if m is empty or nil.
func (m *Map[K, V]) PopMin() (K, V, bool) {
	k, _, ok := m.Min()
	if !ok {
		var v V
		return k, v, false
	}
	v, _ := m.Delete(k)
	return k, v, true
}

// PopMax removes the largest key of m and returns it with its value and
// true, or zero values and false if m is empty or nil.
func (m *Map[K, V]) PopMax() (K, V, bool) {
	k, _, ok := m.Max()
	if !ok {
		var v V
		return k, v, false
	}
	v, _ := m.Delete(k)
	return k, v, true
}
