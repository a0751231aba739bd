// Package hashmap provides Map, a hash map whose storage comes from a
// [bump.Allocator], with the semantics of Go's built-in map.
//
// # Design
//
// Map is a Swiss table, the design of Go's own maps since Go 1.24
// (internal/runtime/maps) and of Abseil's flat_hash_map: open addressing
// over groups of eight slots, each group described by a 64-bit control word
// holding one control byte per slot. A key's hash is split into H1, which
// picks the first group of its probe sequence, and H2, seven bits stored in
// the control byte of a full slot. A lookup compares H2 against all eight
// control bytes of a group at once with a few integer instructions, and
// compares keys only on the (rare false positive or true) matches; it stops
// at the first group that has an empty slot. Deleted slots become
// tombstones unless their group has an empty slot. At most 7/8 of the slots
// are used; a table that fills up is rehashed into a new one, twice as
// large unless most of the used slots were tombstones.
//
// The table is one array of groups, each a control word followed by its
// eight slots (so that a hit usually costs one cache miss), allocated with
// [bump.AllocateSlice] with its real element type: keys and values holding
// pointers live in memory the garbage collector scans. When the map
// grows it rehashes into new storage and frees the old with
// [bump.FreeSlice]. With a [bump.Bump] the map's storage (and, with [New],
// the Map itself) lives in the arena and is released by its Reset: a map
// built and dropped every request costs no Go-heap allocation once the
// arena is warm.
//
// # Semantics
//
// Keys are compared with == and hashed with hash/maphash.Comparable and a
// random seed per map, exactly as Go maps hash them, so chosen keys cannot
// flood a bucket and the edge cases are those of Go maps: every NaN key is
// distinct from every other (Set with a NaN key always inserts, Get never
// finds one; [Map.Clear] removes them), +0.0 and -0.0 are the same key, and
// a key of interface type holding an unhashable dynamic type (a slice, map
// or func) panics with the runtime's error ("runtime error: hash of
// unhashable type []int"). [NewWithHasher] replaces the hash function.
//
// A Map is not safe for concurrent use. Memory from a Bump is valid until
// its Reset: a Map allocated in (or storing into) a Bump must not be used
// after the Bump is reset.
package hashmap

import (
	"fmt"
	"hash/maphash"

	"github.com/bumpkit/bumpkit/bump"
)

// A Map is a hash map from K to V whose storage comes from a
// [bump.Allocator]. The zero value is an empty map using the Go heap.
// A Map must not be copied after first use; use [Map.Clone].
type Map[K comparable, V any] struct {
	groups []group[K, V] // len is a power of two, or 0 before the first Set

	used       int // full slots
	growthLeft int // empty slots that may still be filled before a rehash

	seed   maphash.Seed
	seeded bool
	hasher Hasher[K]
	alloc  bump.Allocator

	// Iterators in progress, and counters that let them notice that the
	// table they walk has been replaced or cleared (see iter.go).
	iterators int
	tableGen  uint32
	clearGen  uint32
}

// New returns an empty map whose storage, and the Map itself, come from a
// (the Go heap if a is nil). It allocates no table until the first Set.
// It panics if a cannot provide the Map.
func New[K comparable, V any](a bump.Allocator) *Map[K, V] {
	s, err := bump.AllocateSlice[Map[K, V]](a, 1)
	if err != nil {
		panic(fmt.Errorf("hashmap: %w", err))
	}
	m := &s[0]
	m.alloc = a
	m.initSeed()
	return m
}

// WithCapacity returns a map, allocated like [New], with room for at least
// n entries before it needs to grow. It panics if n is negative or if a
// cannot provide the storage; see [Map.TryReserve].
func WithCapacity[K comparable, V any](a bump.Allocator, n int) *Map[K, V] {
	m := New[K, V](a)
	m.Reserve(n)
	return m
}

// NewWithHasher is like [New] but hashes keys with h instead of
// hash/maphash.Comparable. It panics if h is nil.
func NewWithHasher[K comparable, V any](a bump.Allocator, h Hasher[K]) *Map[K, V] {
	if h == nil {
		panic("hashmap: nil Hasher")
	}
	m := New[K, V](a)
	m.hasher = h
	return m
}

// initSeed gives the map its random seed, once; the zero Map gets it when
// it allocates its first table.
func (m *Map[K, V]) initSeed() {
	if !m.seeded {
		m.seed = maphash.MakeSeed()
		m.seeded = true
	}
}

// Len returns the number of entries in m.
func (m *Map[K, V]) Len() int {
	return m.used
}

// lookup returns the slot holding k, or nil. It is find for callers that
// need only the slot: a single result keeps them small enough to inline.
func (m *Map[K, V]) lookup(k K) *slot[K, V] {
	if m.used == 0 {
		// Go maps hash the key even when empty so that an unhashable
		// interface key panics whatever the map holds.
		if m.hasher == nil {
			m.hash(k)
		}
		return nil
	}
	var h uintptr
	if m.hasher == nil {
		h = uintptr(maphash.Comparable(m.seed, k))
	} else {
		h = uintptr(m.hasher(m.seed, k))
	}
	c := h2(h)
	groups := m.groups
	seq := makeProbeSeq(h1(h), uintptr(len(groups)-1))
	for {
		g := &groups[seq.offset]
		w := g.ctrl
		for match := w.matchH2(c); match != 0; match = match.removeFirst() {
			if s := &g.slots[match.first()]; s.key == k {
				return s
			}
		}
		if w.matchEmpty() != 0 {
			return nil
		}
		seq = seq.next()
	}
}

// find returns the slot holding k, its group and its index in the group,
// or nils.
func (m *Map[K, V]) find(k K) (*slot[K, V], *group[K, V], uintptr) {
	if m.used == 0 {
		// Go maps hash the key even when empty so that an unhashable
		// interface key panics whatever the map holds.
		if m.hasher == nil {
			m.hash(k)
		}
		return nil, nil, 0
	}
	var h uintptr
	if m.hasher == nil {
		h = uintptr(maphash.Comparable(m.seed, k))
	} else {
		h = uintptr(m.hasher(m.seed, k))
	}
	c := h2(h)
	groups := m.groups
	seq := makeProbeSeq(h1(h), uintptr(len(groups)-1))
	for {
		g := &groups[seq.offset]
		w := g.ctrl
		for match := w.matchH2(c); match != 0; match = match.removeFirst() {
			i := match.first()
			if s := &g.slots[i]; s.key == k {
				return s, g, i
			}
		}
		if w.matchEmpty() != 0 {
			return nil, nil, 0
		}
		seq = seq.next()
	}
}

// Get returns the value stored for k and true, or the zero value and false
// if k is not in m.
func (m *Map[K, V]) Get(k K) (v V, ok bool) {
	if s := m.lookup(k); s != nil {
		return s.value, true
	}
	return
}

// Has reports whether k is in m.
func (m *Map[K, V]) Has(k K) bool {
	return m.lookup(k) != nil
}

// Ptr returns a pointer to the value stored for k, or nil if k is not in m.
// The pointer allows updating the value in place. It stays valid until the
// table grows, which moves every entry to new storage and frees the old:
// any insertion of a new key may grow it (Set, TrySet, Entry, Insert), and
// so may Reserve, unless room was reserved beforehand. It is also
// invalidated by deleting k and by Clear, and with a Bump by its Reset.
// Updating existing keys and deleting other keys never move entries.
func (m *Map[K, V]) Ptr(k K) *V {
	if s := m.lookup(k); s != nil {
		return &s.value
	}
	return nil
}

// Set stores v for k, replacing any value k had. As with a Go map, a key
// already present is replaced by k too, which shows only for keys that
// are == but distinguishable, such as +0 and -0. It panics with an error
// wrapping [bump.ErrAllocationLimit] (or whatever error the allocator
// returns) if m must grow and the allocator cannot provide the storage;
// see [Map.TrySet].
func (m *Map[K, V]) Set(k K, v V) {
	s, _, _ := m.insert(k, false)
	s.value = v
}

// TrySet is like [Map.Set] but returns the allocator's error, leaving m
// unchanged, instead of panicking.
func (m *Map[K, V]) TrySet(k K, v V) error {
	s, _, err := m.insert(k, true)
	if err != nil {
		return err
	}
	s.value = v
	return nil
}

// Entry returns a pointer to the value stored for k, first inserting the
// zero value if k is not in m, and reports whether k was present. It is
// the single-lookup way to update a value in place:
//
//	p, _ := m.Entry(word)
//	*p++
//
// It stores k as the key like [Map.Set]. The pointer is valid as
// described for [Map.Ptr]. Entry panics like [Map.Set].
func (m *Map[K, V]) Entry(k K) (*V, bool) {
	s, found, _ := m.insert(k, false)
	return &s.value, found
}

// insert returns the slot holding k, claiming one for it (with a zero
// value) if k is absent, and reports whether k was present; a present
// key is replaced by k. If the table
// must grow and cannot, insert returns the error if try is set and panics
// with it otherwise (which keeps its callers small enough to inline).
func (m *Map[K, V]) insert(k K, try bool) (*slot[K, V], bool, error) {
	if m.groups == nil {
		if err := m.rehash(1); err != nil {
			return nil, false, mustNot(try, err)
		}
	}
	var h uintptr
	if m.hasher == nil {
		h = uintptr(maphash.Comparable(m.seed, k))
	} else {
		h = uintptr(m.hasher(m.seed, k))
	}
	c := h2(h)
	groups := m.groups
	seq := makeProbeSeq(h1(h), uintptr(len(groups)-1))
	var (
		free  *group[K, V] // group of the first deleted or empty slot seen
		freeI uintptr
	)
	for {
		g := &groups[seq.offset]
		w := g.ctrl
		for match := w.matchH2(c); match != 0; match = match.removeFirst() {
			i := match.first()
			if s := &g.slots[i]; s.key == k {
				// Store the new key, as assigning to a Go map does: an
				// == key may still differ (+0 and -0) or refer to other
				// memory (a string's bytes), which the map should not
				// keep alive.
				s.key = k
				return s, true, nil
			}
		}
		if free == nil {
			if e := w.matchEmptyOrDeleted(); e != 0 {
				free, freeI = g, e.first()
			}
		}
		if w.matchEmpty() != 0 {
			break
		}
		seq = seq.next()
	}
	if byte(free.ctrl>>(freeI*8)) == ctrlEmpty {
		if m.growthLeft == 0 {
			// Filling an empty slot would pass the load factor: rehash,
			// then place k in the new table, where it is known absent.
			if err := m.grow(1); err != nil {
				return nil, false, mustNot(try, err)
			}
			return m.insertNew(h, k), false, nil
		}
		m.growthLeft--
	}
	free.ctrl = free.ctrl.set(freeI, c)
	m.used++
	s := &free.slots[freeI]
	*s = slot[K, V]{key: k}
	return s, false, nil
}

// mustNot returns err if try is set, and panics with it otherwise.
func mustNot(try bool, err error) error {
	if !try {
		panic(err)
	}
	return err
}

// insertNew places k, which must not be in m, in a table just rehashed
// (so without tombstones) that has room for it, and returns its slot.
func (m *Map[K, V]) insertNew(h uintptr, k K) *slot[K, V] {
	s := claimEmpty(m.groups, h)
	m.growthLeft--
	m.used++
	*s = slot[K, V]{key: k}
	return s
}

// Delete removes k from m. Deleting a key that is not present does
// nothing. Delete may be called during iteration; see [Map.All].
func (m *Map[K, V]) Delete(k K) {
	s, g, i := m.find(k)
	if s == nil {
		return
	}
	// If this group has an empty slot, no probe sequence ever went on past
	// it (they stop at the first group with an empty slot, and groups do
	// not regain empty slots before a rehash), so the slot can be empty
	// again; otherwise it must stay a tombstone to keep them intact.
	if g.ctrl.matchEmpty() != 0 {
		g.ctrl = g.ctrl.set(i, ctrlEmpty)
		m.growthLeft++
	} else {
		g.ctrl = g.ctrl.set(i, ctrlDeleted)
	}
	m.used--
	// Drop the references the entry held, for the garbage collector.
	*s = slot[K, V]{}
}

// Clear removes all entries from m, keeping its storage for reuse like the
// built-in clear. An iteration in progress ends at its next step.
func (m *Map[K, V]) Clear() {
	if slotsHavePointers[K, V]() {
		// Drop the references the entries held, for the garbage
		// collector.
		clear(m.groups)
	} else {
		// Stale pointer-free entries behind empty control bytes are
		// harmless: insert zeroes a slot it claims.
		for i := range m.groups {
			m.groups[i].ctrl = 0
		}
	}
	m.used = 0
	m.growthLeft = m.capacity()
	m.clearGen++
}

// capacity returns how many entries the current table holds at most.
func (m *Map[K, V]) capacity() int {
	return capacityOf(len(m.groups))
}
