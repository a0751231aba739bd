package btree

import (
	"cmp"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A Map is an ordered map from K to V: a B-tree whose nodes come from a
// [bump.Allocator]. Make one with [New] or [NewFunc]; a nil *Map, and a
// zero Map, read as an empty map, and writing to them panics. A Map must
// not be copied after first use; use [Map.Clone].
type Map[K, V any] struct {
	h     header.Header // the lifetimes and the copy check (internal/header)
	debug debugState

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
}

// mapName names Map in panics and errors.
var mapName = header.Name{Pkg: "btree", Type: "Map"}

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
	o := orderingOf[K, V]()
	m.search, m.cmp = o.search, o.cmp
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
	m, err := header.New[Map[K, V]](a)
	if err != nil {
		panic(mapName.Wrap(fn, err))
	}
	m.init(a)
	return m
}

// init makes the zero m a Map on a, without an order yet.
func (m *Map[K, V]) init(a bump.Allocator) {
	m.h.Init(a)
	m.a = a
}

// check panics, in the checked build, if the Map whose header is h or its
// nodes were released by a reset of their arena. It compiles to nothing
// otherwise, even where Map is instantiated (see header.Checked).
func check(h *header.Header) {
	if header.Checked {
		h.Check(mapName)
	}
}

func (m *Map[K, V]) check() { check(&m.h) }

// mutable panics if m cannot be written: nil, not made by a constructor,
// or a copy of the Map that owns the tree. Every write changes the tree
// the copies share, so every write checks.
func (m *Map[K, V]) mutable(method string) {
	if m == nil {
		mapName.PanicNil(method)
	}
	m.check()
	if m.search == nil {
		panic("btree: " + method + ": Map not made by New or NewFunc")
	}
	m.h.Own(mapName, method)
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
	// find's loop, written out: a call fewer on the hottest path.
	if m != nil {
		m.check()
		for n := m.root; n != nil; {
			i, found := m.search(n, k)
			if found {
				return n.vals[i], true
			}
			if n.children == nil {
				break
			}
			n = n.children[i]
		}
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
func (m *Map[K, V]) Min() (K, V, bool) { return m.edge(false) }

// Max returns the largest key of m, its value and true, or zero values
// and false if m is empty or nil.
func (m *Map[K, V]) Max() (K, V, bool) { return m.edge(true) }

// edge returns the first entry of m, or the last if last is set.
func (m *Map[K, V]) edge(last bool) (K, V, bool) {
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
		i := 0
		if last {
			i = n.n
		}
		n = n.children[i]
	}
	i := 0
	if last {
		i = n.n - 1
	}
	return n.keys[i], n.vals[i], true
}

// PopMin removes the smallest key of m and returns it with its value and
// true, or zero values and false if m is empty or nil.
func (m *Map[K, V]) PopMin() (K, V, bool) { return m.pop(false) }

// PopMax removes the largest key of m and returns it with its value and
// true, or zero values and false if m is empty or nil.
func (m *Map[K, V]) PopMax() (K, V, bool) { return m.pop(true) }

// pop removes and returns the first entry of m, or the last if last is
// set.
func (m *Map[K, V]) pop(last bool) (K, V, bool) {
	k, _, ok := m.edge(last)
	if !ok {
		var v V
		return k, v, false
	}
	v, _ := m.Delete(k)
	return k, v, true
}
