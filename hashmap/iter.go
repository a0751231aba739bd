package hashmap

import (
	"iter"
	"math/rand/v2"

	"github.com/bumpkit/bumpkit/bump"
)

// All returns an iterator over the entries of m, in an unspecified order
// that varies between iterations, like ranging over a Go map.
//
// The map may be modified during the iteration with Go map semantics: an
// entry deleted before it is reached is not produced; an entry inserted
// may or may not be produced; each entry is produced at most once; after
// [Map.Clear] nothing more is produced. If an insertion grows the table,
// the iteration goes on over the old table, which is then not freed (the
// allocator reclaims it on reset, the garbage collector on the heap), and
// looks each of its keys up in the new one to see whether it was deleted
// and to produce its current value.
func (m *Map[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		m.iterate(func(s *slot[K, V]) bool { return yield(s.key, s.value) })
	}
}

// Keys returns an iterator over the keys of m, with the order and
// semantics of [Map.All].
func (m *Map[K, V]) Keys() iter.Seq[K] {
	return func(yield func(K) bool) {
		m.iterate(func(s *slot[K, V]) bool { return yield(s.key) })
	}
}

// Values returns an iterator over the values of m, with the order and
// semantics of [Map.All].
func (m *Map[K, V]) Values() iter.Seq[V] {
	return func(yield func(V) bool) {
		m.iterate(func(s *slot[K, V]) bool { return yield(s.value) })
	}
}

// iterate calls yield with each entry of m until it returns false.
//
// While the table it started on is current it reads each group's control
// word afresh after every yield, so entries deleted meanwhile are skipped.
// Once the table has been replaced (by a rehash during the iteration,
// which then leaves the old one allocated: m.iterators > 0) its control
// words are frozen, so each key found there is looked up in the current
// table instead. A NaN key cannot be looked up, but neither can it be
// deleted except by Clear, which ends the iteration.
func (m *Map[K, V]) iterate(yield func(*slot[K, V]) bool) {
	if m.used == 0 {
		return
	}
	m.iterators++
	defer func() { m.iterators-- }()
	groups := m.groups
	tableGen, clearGen := m.tableGen, m.clearGen
	mask := uintptr(len(groups) - 1)
	start := uintptr(rand.Uint64())
	for n := range uintptr(len(groups)) {
		g := &groups[(start+n)&mask]
		full := g.ctrl.matchFull()
		for full != 0 {
			s := &g.slots[full.first()]
			full = full.removeFirst()
			if m.tableGen != tableGen && s.key == s.key {
				if s = m.lookup(s.key); s == nil {
					continue
				}
			}
			if !yield(s) || m.clearGen != clearGen {
				return
			}
			// Drop the slots of this group deleted by yield. Once the
			// table is replaced its control words no longer change.
			full &= g.ctrl.matchFull()
		}
	}
}

// Insert sets the entries of seq in m, later ones replacing earlier ones
// with the same key, like maps.Insert. It panics like [Map.Set].
func (m *Map[K, V]) Insert(seq iter.Seq2[K, V]) {
	for k, v := range seq {
		m.Set(k, v)
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
