package hashmap

import (
	"iter"
	"math/bits"
	"math/rand/v2"

	"github.com/bumpkit/bumpkit/bump"
)

// All returns an iterator over the entries of m, in an unspecified order
// that varies between iterations, like ranging over a Go map: each
// iteration starts at a random slot of a random group, so even a map of a
// few entries is not produced in insertion order.
// Ranging over a nil m produces nothing.
//
// The map may be modified during the iteration with Go map semantics: an
// entry deleted before it is reached is not produced; an entry inserted
// may or may not be produced; each entry is produced at most once; after
// [Map.Clear] nothing more is produced. If an insertion grows the table,
// the iteration goes on over the old table, which stays allocated until
// the iteration ends (the next growth or Clear gives it back), and looks
// each of its keys up in the new one to see whether it was deleted and to
// produce its current value.
//
// An iteration writes nothing to m but an atomic count of the iterations
// in progress, so any number of goroutines may range over m at once while
// no goroutine modifies it. An iteration that is never finished (an
// iter.Pull whose stop is never called) keeps m from giving back the
// tables it outgrows until its allocator reclaims them.
func (m *Map[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		it := m.iter()
		if it.m == nil {
			return
		}
		defer it.stop()
		// iterator.next, written out so that an entry costs the few
		// instructions of this loop and the yield, with the iterator's
		// state in registers. The caller inlines All, so this literal is
		// compiled in the caller's package, where the table's small
		// helpers do not inline: the loop uses none.
		gen := it.gen
		for g, left := it.nextGroup(); g != nil; g, left = it.nextGroup() {
			for {
				// left holds only the top bit of each slot's byte: no
				// need for matchFull.
				full := left & bitset(g.ctrl)
				if full == 0 {
					break
				}
				left = full & (full - 1)
				s := &g.slots[uint(bits.TrailingZeros64(uint64(full))>>3)&(groupSize-1)]
				if m.gen != gen {
					// Replaced (go on over the old table) or cleared
					// (stop).
					if m.gen.clear() != gen.clear() {
						return
					}
					if s = m.current(s); s == nil {
						continue
					}
				}
				if !yield(s.key, s.value) {
					return
				}
			}
		}
	}
}

// Keys returns an iterator over the keys of m, with the order and
// semantics of [Map.All].
func (m *Map[K, V]) Keys() iter.Seq[K] {
	return func(yield func(K) bool) {
		it := m.iter()
		defer it.stop()
		for s := it.next(); s != nil; s = it.next() {
			if !yield(s.key) {
				return
			}
		}
	}
}

// Values returns an iterator over the values of m, with the order and
// semantics of [Map.All].
func (m *Map[K, V]) Values() iter.Seq[V] {
	return func(yield func(V) bool) {
		it := m.iter()
		defer it.stop()
		for s := it.next(); s != nil; s = it.next() {
			if !yield(s.value) {
				return
			}
		}
	}
}

// An iterator walks the table a Map had when the iteration started, and
// holds all the iteration's state: the Map itself is only read.
//
// It visits the slots of the table in order, as one array, from a random
// slot of a random group, wrapping around: the first group's slots from
// that slot on are visited first, its slots before it last. So the order
// varies from one iteration to the next even for a map of one group,
// without the per-entry cost of rotating each group.
//
// While that table is current, the iterator reads each group's control
// word afresh at every step, so entries deleted meanwhile are skipped.
// Once the table has been replaced by a rehash (which leaves it
// allocated, see rehash) its control words are frozen, so each key found
// there is looked up in the current table instead.
type iterator[K comparable, V any] struct {
	m      *Map[K, V]
	groups []group[K, V]
	g      *group[K, V] // the group being walked, or nil before the first
	i      uintptr      // index in g of the slot next returned last
	left   bitset       // slots of g not visited yet
	first  uintptr      // the first slot visited
	start  uintptr      // the first group
	pos    uintptr      // group visits started so far: len(groups)+1 in all
	gen    generation   // m.gen when the iteration started
}

// A generation counts a Map's table replacements (the high 32 bits) and
// Clears (the low 32 bits), which an iteration must notice, so that
// noticing that neither happened takes one compare.
type generation uint64

const (
	clearStep generation = 1
	tableStep generation = 1 << 32
)

func (g generation) table() uint32 { return uint32(g >> 32) }
func (g generation) clear() uint32 { return uint32(g) }

// iter returns an iterator over m, which may be nil or empty; its m is
// nil if there is nothing to iterate over. A caller whose iterator has an
// m must call stop when done.
func (m *Map[K, V]) iter() iterator[K, V] {
	if m == nil {
		return iterator[K, V]{}
	}
	check(&m.h)
	if m.used == 0 {
		return iterator[K, V]{}
	}
	// math/rand/v2's top-level functions draw from the runtime's per-thread
	// generator: no shared state to race on, and cheap.
	m.iterations.Add(1)
	r := rand.Uint64()
	return iterator[K, V]{
		m:      m,
		groups: m.groups,
		first:  uintptr(r >> 61),
		start:  uintptr(r),
		gen:    m.gen,
	}
}

// stop ends the iteration, so that growth may free the table it walked.
func (it *iterator[K, V]) stop() {
	if it.m != nil {
		it.m.iterations.Add(-1)
	}
}

// nextGroup returns the next group to walk and the slots of it to visit
// (as a bitset), or nil at the end or once the map was cleared.
func (it *iterator[K, V]) nextGroup() (*group[K, V], bitset) {
	n := uintptr(len(it.groups))
	if it.pos > n || it.m.gen.clear() != it.gen.clear() {
		return nil, 0
	}
	g := &it.groups[(it.start+it.pos)&(n-1)]
	slots := bitset(msb)
	switch it.pos {
	case 0: // the first group, from slot first on
		slots = msb << ((it.first & (groupSize - 1)) * 8)
	case n: // the first group again, its slots before first
		slots = msb &^ (msb << ((it.first & (groupSize - 1)) * 8))
	}
	it.pos++
	return g, slots
}

// current returns the slot that holds the entry of s, a slot of a table
// replaced since the iteration started, in the current table, or nil if
// the entry was deleted since. A NaN key cannot be looked up, but neither
// can it be deleted except by Clear, which ends the iteration, and its
// value never changes: its old slot is current. It is kept out of line,
// so that the loops that call it in their rare case stay small.
//
//go:noinline
func (m *Map[K, V]) current(s *slot[K, V]) *slot[K, V] {
	if s.key != s.key {
		return s
	}
	return m.lookup(s.key)
}

// next returns the next entry's slot, or nil at the end. It is the loop
// of Map.all, for the iterators that need their state between entries.
func (it *iterator[K, V]) next() *slot[K, V] {
	m := it.m
	if m == nil || m.gen.clear() != it.gen.clear() {
		return nil
	}
	for {
		if it.g != nil {
			if full := it.left & bitset(it.g.ctrl); full != 0 {
				it.left = full.removeFirst()
				it.i = full.first()
				s := &it.g.slots[it.i]
				if m.gen != it.gen {
					if s = m.current(s); s == nil {
						continue // deleted since the table was replaced
					}
				}
				return s
			}
		}
		if it.g, it.left = it.nextGroup(); it.g == nil {
			return nil
		}
	}
}

// Insert sets the entries of seq in m, later ones replacing earlier ones
// with the same key, like maps.Insert. It panics like [Map.Set].
func (m *Map[K, V]) Insert(seq iter.Seq2[K, V]) {
	for k, v := range seq {
		s, _, err := m.insert(k, "Insert")
		if err != nil {
			panic(err)
		}
		s.value = v
		m.checkInvariants()
	}
}

// Collect returns a new map, allocated like [New], holding the entries of
// seq, later ones replacing earlier ones with the same key, like
// maps.Collect. It panics like [Map.Set].
func Collect[K comparable, V any](a bump.Allocator, seq iter.Seq2[K, V]) *Map[K, V] {
	m := New[K, V](a)
	m.Insert(seq)
	return m
}
