package hashmap

import (
	"iter"
	"math/bits"
	"math/rand/v2"

	"github.com/bumpkit/bumpkit/bump"
)

// All returns an iterator over the entries of m, in an unspecified order
// that varies between iterations, like ranging over a Go map: each
// iteration starts at a random group and a random slot within each group,
// so even a map of a few entries is not produced in insertion order.
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
		defer it.stop()
		for s := it.next(); s != nil; s = it.next() {
			if !yield(s.key, s.value) {
				return
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
// While that table is current, the iterator reads each group's control
// word afresh at every step, so entries deleted meanwhile are skipped.
// Once the table has been replaced by a rehash (which leaves it
// allocated, see rehash) its control words are frozen, so each key found
// there is looked up in the current table instead. A NaN key cannot be
// looked up, but neither can it be deleted except by Clear, which ends
// the iteration, and its value never changes.
type iterator[K comparable, V any] struct {
	m        *Map[K, V]
	groups   []group[K, V]
	g        *group[K, V] // the group being walked, or nil before the first
	i        uintptr      // index in g of the slot next returned last
	left     bitset       // slots of g not visited yet, rotated by rot
	rot      int          // bits each control word is rotated by: 8 times the first slot
	start    uintptr      // the first group
	pos      uintptr      // groups started so far
	tableGen uint32
	clearGen uint32
}

// iter returns an iterator over m, which may be nil or empty.
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
		m:        m,
		groups:   m.groups,
		rot:      int(r>>61) * 8,
		start:    uintptr(r),
		tableGen: m.tableGen,
		clearGen: m.clearGen,
	}
}

// stop ends the iteration, so that growth may free the table it walked.
func (it *iterator[K, V]) stop() {
	if it.m != nil {
		it.m.iterations.Add(-1)
	}
}

// next returns the next entry's slot, or nil at the end.
func (it *iterator[K, V]) next() *slot[K, V] {
	m := it.m
	if m == nil || m.clearGen != it.clearGen {
		return nil
	}
	for {
		if it.g != nil {
			// Slot i of the group is at byte (i - rot/8) mod 8 of left.
			left := it.left & bitset(bits.RotateLeft64(uint64(it.g.ctrl.matchFull()), -it.rot))
			if left != 0 {
				it.left = left.removeFirst()
				it.i = (left.first() + uintptr(it.rot>>3)) & (groupSize - 1)
				s := &it.g.slots[it.i]
				if m.tableGen != it.tableGen && s.key == s.key {
					if s = m.lookup(s.key); s == nil {
						continue // deleted since the table was replaced
					}
				}
				return s
			}
		}
		if it.pos == uintptr(len(it.groups)) {
			return nil
		}
		it.g = &it.groups[(it.start+it.pos)&uintptr(len(it.groups)-1)]
		it.pos++
		it.left = msb
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
