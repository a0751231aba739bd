package hashmap

import (
	"fmt"
	"hash/maphash"
	"sync/atomic"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A Map is a hash map from K to V whose storage comes from a
// [bump.Allocator]. The zero value is an empty map using the Go heap; a
// nil *Map reads like a nil Go map (see the package documentation).
// A Map must not be copied after first use; use [Map.Clone].
type Map[K comparable, V any] struct {
	// h tracks the lifetimes of the Map itself and of its table in the
	// checked build (-tags bumpdebug), and the Map's own address, so that
	// a write through a copy, which would corrupt the table both share,
	// panics instead.
	h header.Header
	// In the checked build, the count of operations; empty otherwise
	// (and early: a zero-size last field would pad the struct).
	debug debugState

	groups []group[K, V] // len is a power of two, or 0 before the first Set

	used       int // full slots
	growthLeft int // empty slots that may still be filled before a rehash

	seed     maphash.Seed
	wordSeed uint64   // the seed of hashWord
	seeded   bool     // seed, wordSeed and kind are set
	kind     hashKind // how keys are hashed
	hasher   Hasher[K]
	alloc    bump.Allocator

	// Counts of the table's replacements and of Clears, which let an
	// iteration notice either with one compare (see iter.go). Only
	// writers change it.
	gen generation

	// iterations counts the iterations in progress, so that growth
	// knows when no iteration can still walk the table it replaces
	// (see growth.go). It is the one field iterations write, atomically,
	// so that concurrent readers stay race-free.
	iterations atomic.Int32

	// retired is a table replaced while an iteration was in progress,
	// which may still walk it; it is given back to the allocator by the
	// next writer that finds no iteration in progress.
	retired []group[K, V]
}

// New returns an empty map whose storage, and the Map itself, come from a
// (the Go heap if a is nil). It allocates no table until the first Set.
// It panics with the allocator's error if a cannot provide the Map.
func New[K comparable, V any](a bump.Allocator) *Map[K, V] {
	return newMap[K, V](a, "New")
}

// newMap is New for the constructors that call it, which name themselves
// in its panic.
func newMap[K comparable, V any](a bump.Allocator, fn string) *Map[K, V] {
	m, err := header.New[Map[K, V]](a)
	if err != nil {
		panic(mapName.Wrap(fn, err))
	}
	m.init(a)
	return m
}

// init prepares m, a header just allocated from a, for use.
func (m *Map[K, V]) init(a bump.Allocator) {
	m.h.Init(a)
	m.alloc = a
	m.initHash()
}

// WithCapacity returns a map, allocated like [New], with room for at least
// n entries before it needs to grow, like make(map[K]V, n). It panics if n
// is negative ("hashmap: WithCapacity: negative capacity -1"), and with the
// allocator's error (wrapping [bump.ErrAllocationLimit], say) or an error
// wrapping [bump.ErrInvalidSize] if the storage cannot be provided, as make
// panics for a hint it cannot honour.
func WithCapacity[K comparable, V any](a bump.Allocator, n int) *Map[K, V] {
	if n < 0 {
		panic(fmt.Sprintf("hashmap: WithCapacity: negative capacity %d", n))
	}
	m := newMap[K, V](a, "WithCapacity")
	if err := m.tryGrow(n); err != nil {
		panic(fmt.Errorf("hashmap: WithCapacity: %w", err))
	}
	return m
}

// NewWithHasher is like [New] but hashes keys with h instead of
// hash/maphash.Comparable. It panics if h is nil.
func NewWithHasher[K comparable, V any](a bump.Allocator, h Hasher[K]) *Map[K, V] {
	if h == nil {
		panic("hashmap: NewWithHasher: nil Hasher")
	}
	m := newMap[K, V](a, "NewWithHasher")
	m.hasher = h
	m.kind = hashCustom
	return m
}

// mapName names Map in panics and errors.
var mapName = header.Name{Pkg: "hashmap", Type: "Map"}

// check panics, in the checked build, if the Map whose header is h or its
// table was released by a reset of its arena. It compiles to nothing
// otherwise, even where Map is instantiated (see header.Checked).
func check(h *header.Header) {
	if header.Checked {
		h.Check(mapName)
	}
}

// own panics if m is a copy of the Map that owns its table: every write
// through a copy would corrupt the table both share (the copy's count
// and the original's would disagree with it).
func (m *Map[K, V]) own(fn string) {
	ownMap(&m.h, fn)
}

// ownMap is own's test, in a non-generic function so that it inlines
// where Map is instantiated (see header.Header.Own).
func ownMap(h *header.Header, fn string) {
	if h.Self != h {
		h.Own(mapName, fn)
	}
}

// Allocator returns the allocator m takes its storage from: nil for the
// Go heap, and for a nil m.
func (m *Map[K, V]) Allocator() bump.Allocator {
	if m == nil {
		return nil
	}
	check(&m.h)
	return m.alloc
}

// Len returns the number of entries in m; 0 for a nil m.
func (m *Map[K, V]) Len() int {
	if m == nil {
		return 0
	}
	check(&m.h)
	return m.used
}

// lookup returns the slot holding k, or nil. It is find for callers that
// need only the slot: a single result keeps them small enough to inline.
func (m *Map[K, V]) lookup(k K) *slot[K, V] {
	if m == nil {
		return nil
	}
	check(&m.h)
	if m.used == 0 {
		// Go maps hash the key even when empty so that an unhashable
		// interface key panics whatever the map holds.
		if m.kind == hashComparable {
			m.hashSlow(k)
		}
		return nil
	}
	var h uintptr
	switch m.kind {
	case hash64:
		// hash's most common cases, inlined.
		// Sound: K is an integer kind of 8 bytes (see kindOf).
		h = uintptr(hashWord(*(*uint64)(unsafe.Pointer(&k)), m.wordSeed))
	case hashString:
		// Sound: K is a string kind.
		h = uintptr(maphash.String(m.seed, *(*string)(unsafe.Pointer(&k))))
	default:
		h = m.hash(k)
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
		// As in lookup.
		if m.kind == hashComparable {
			m.hashSlow(k)
		}
		return nil, nil, 0
	}
	h := m.hash(k)
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
// if k is not in m (or m is nil).
func (m *Map[K, V]) Get(k K) (v V, ok bool) {
	if s := m.lookup(k); s != nil {
		return s.value, true
	}
	return
}

// Has reports whether k is in m; false for a nil m.
func (m *Map[K, V]) Has(k K) bool {
	return m.lookup(k) != nil
}

// Ptr returns a pointer to the value stored for k, or nil if k is not in m
// (or m is nil). The pointer allows updating the value in place. It stays
// valid until the table grows, which moves every entry to new storage:
// any insertion of a new key may grow it (Set, TrySet, Entry, Insert), and
// so may Grow, unless room was made beforehand with [Map.Grow]. It is
// also invalidated by deleting k and by Clear, and with a Bump by its
// Reset. Updating existing keys and deleting other keys never move
// entries.
func (m *Map[K, V]) Ptr(k K) *V {
	if s := m.lookup(k); s != nil {
		return &s.value
	}
	return nil
}

// Set stores v for k, replacing any value k had. As with a Go map, a key
// already present is replaced by k too, which shows only for keys that
// are == but distinguishable, such as +0 and -0. It panics with an error
// wrapping the allocator's ("hashmap: Set: bump: ...: allocation limit
// exceeded ...") if m must grow and the allocator cannot provide the
// storage, leaving m unchanged; see [Map.TrySet]. Like assigning to a nil
// Go map, Set on a nil *Map panics.
func (m *Map[K, V]) Set(k K, v V) {
	s, _, err := m.insert(k, "Set")
	if err != nil {
		panic(err)
	}
	s.value = v
	m.checkInvariants()
}

// TrySet is like [Map.Set] but returns the error, leaving m unchanged,
// instead of panicking.
func (m *Map[K, V]) TrySet(k K, v V) error {
	s, _, err := m.insert(k, "TrySet")
	if err != nil {
		return err
	}
	s.value = v
	m.checkInvariants()
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
	s, found, err := m.insert(k, "Entry")
	if err != nil {
		panic(err)
	}
	m.checkInvariants()
	return &s.value, found
}

// insert returns the slot holding k, claiming one for it (with a zero
// value) if k is absent, and reports whether k was present; a present
// key is replaced by k. If the table must grow and cannot, it returns the
// error, wrapped for the method fn, and leaves m unchanged.
func (m *Map[K, V]) insert(k K, fn string) (*slot[K, V], bool, error) {
	if m == nil {
		panic("hashmap: " + fn + ": assignment to entry in nil Map")
	}
	check(&m.h)
	m.own(fn)
	if m.groups == nil {
		if err := m.rehash(1); err != nil {
			return nil, false, fmt.Errorf("hashmap: %s: %w", fn, err)
		}
	}
	h := m.hash(k)
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
			// Filling an empty slot would pass the load factor: clear
			// tombstones or grow, then place k, which is known absent.
			if err := m.makeRoom(1); err != nil {
				return nil, false, fmt.Errorf("hashmap: %s: %w", fn, err)
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

// insertNew places k, which must not be in m, in the first empty slot of
// its probe sequence, and returns its slot. m must have growth left. The
// first empty slot is where lookups stop, so k is found there even if
// tombstones that pruning kept come earlier.
func (m *Map[K, V]) insertNew(h uintptr, k K) *slot[K, V] {
	s := claimEmpty(m.groups, h)
	m.growthLeft--
	m.used++
	*s = slot[K, V]{key: k}
	return s
}

// Delete removes k from m. Deleting a key that is not present, or from a
// nil m, does nothing, as with delete on a Go map. Delete may be called
// during iteration; see [Map.All].
func (m *Map[K, V]) Delete(k K) {
	if m == nil {
		return
	}
	check(&m.h)
	m.own("Delete")
	s, g, i := m.find(k)
	if s == nil {
		return
	}
	m.deleteSlot(s, g, i)
	m.checkInvariants()
}

// deleteSlot removes the entry in slot s, slot i of group g.
func (m *Map[K, V]) deleteSlot(s *slot[K, V], g *group[K, V], i uintptr) {
	// If this group has an empty slot, no probe sequence ever went on past
	// it (they stop at the first group with an empty slot, and groups
	// regain empty slots only where pruning finds that no probe sequence
	// needs them full), so the slot can be empty again; otherwise it must
	// stay a tombstone to keep them intact.
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
// built-in clear. An iteration in progress ends at its next step. Clear
// on a nil m does nothing.
func (m *Map[K, V]) Clear() {
	if m == nil {
		return
	}
	check(&m.h)
	m.own("Clear")
	m.releaseRetired()
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
	m.gen += clearStep
	m.checkInvariants()
}

// capacity returns how many entries the current table holds at most.
func (m *Map[K, V]) capacity() int {
	return capacityOf(len(m.groups))
}
