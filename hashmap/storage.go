package hashmap

import (
	"fmt"
	"math/bits"

	"github.com/bumpkit/bumpkit/bump"
)

// capacityOf returns how many entries a table of groups groups holds
// before it must grow: maxLoadNum/maxLoadDen of its slots, which leaves
// every full group-sized table at least one empty slot to end probes.
func capacityOf(groups int) int {
	return groups * (groupSize * maxLoadNum / maxLoadDen)
}

// groupsFor returns the number of groups, a power of two, of the smallest
// table that holds n entries, or false if there is none.
func groupsFor(n int) (int, bool) {
	const perGroup = groupSize * maxLoadNum / maxLoadDen
	g := n / perGroup
	if n%perGroup != 0 {
		g++
	}
	if g <= 1 {
		return 1, true
	}
	shift := bits.Len(uint(g - 1))
	if shift >= bits.UintSize-5 { // groups*groupSize would overflow int
		return 0, false
	}
	return 1 << shift, true
}

// Grow makes room for at least n more entries, so that the next n
// insertions of new keys neither allocate nor fail, and do not move
// entries (pointers from [Map.Ptr] and [Map.Entry] stay valid), like
// slices.Grow for a slice. It panics if n is negative ("hashmap: Grow:
// negative count -1") or, leaving m unchanged, with an error wrapping the
// allocator's if the storage cannot be provided; see [Map.TryGrow].
func (m *Map[K, V]) Grow(n int) {
	if m == nil {
		mapName.PanicNil("Grow")
	}
	if n < 0 {
		panic(fmt.Sprintf("hashmap: Grow: negative count %d", n))
	}
	if err := m.tryGrow(n); err != nil {
		panic(fmt.Errorf("hashmap: Grow: %w", err))
	}
}

// TryGrow is like [Map.Grow] but returns an error wrapping the
// allocator's error (such as [bump.ErrAllocationLimit]), or
// [bump.ErrInvalidSize] if the table would not fit in memory, instead of
// panicking. On error m is unchanged. It panics if n is negative.
func (m *Map[K, V]) TryGrow(n int) error {
	if m == nil {
		mapName.PanicNil("TryGrow")
	}
	if n < 0 {
		panic(fmt.Sprintf("hashmap: TryGrow: negative count %d", n))
	}
	if err := m.tryGrow(n); err != nil {
		return fmt.Errorf("hashmap: TryGrow: %w", err)
	}
	return nil
}

// tryGrow makes room for n more entries; its error is unwrapped.
func (m *Map[K, V]) tryGrow(n int) error {
	check(&m.h)
	defer m.checkInvariants()
	if n <= m.growthLeft {
		return nil
	}
	m.own("Grow")
	need := m.used + n
	groups, ok := groupsFor(need)
	if need < m.used || !ok {
		return fmt.Errorf("cannot hold %d more entries: %w", n, bump.ErrInvalidSize)
	}
	if groups <= len(m.groups) {
		// Large enough but short of room because of tombstones: prune
		// them, or else grow as makeRoom does.
		if m.pruneTombstones(n); m.growthLeft >= n {
			return nil
		}
		groups = len(m.groups) * 2
	}
	return m.rehash(groups)
}

// makeRoom makes room for n more entries when m has none left, as Go's
// maps do: first by turning tombstones back into empty slots in place
// (which neither allocates nor moves entries), and if too few can be,
// by rehashing into a table at least twice as large.
func (m *Map[K, V]) makeRoom(n int) error {
	if m.pruneTombstones(n); m.growthLeft >= n {
		return nil
	}
	groups := len(m.groups)
	g, ok := groupsFor(m.used + n)
	if !ok || groups*2 <= 0 {
		return fmt.Errorf("cannot grow past %d entries: %w", m.used, bump.ErrInvalidSize)
	}
	return m.rehash(max(g, groups*2))
}

// claimEmpty marks the first empty slot of h's probe sequence in table as
// full, with h's H2, and returns it. Lookups of the key stop at that
// group at the latest, so if the table does not hold the key, as in one
// being filled by a rehash, that slot is where they will find it; the
// table must have an empty slot.
func claimEmpty[K comparable, V any](table []group[K, V], h uintptr) *slot[K, V] {
	seq := makeProbeSeq(h1(h), uintptr(len(table)-1))
	for {
		g := &table[seq.offset]
		if e := g.ctrl.matchEmpty(); e != 0 {
			i := e.first()
			g.ctrl = g.ctrl.set(i, h2(h))
			return &g.slots[i]
		}
		seq = seq.next()
	}
}

// slotsHavePointers reports whether slots hold pointers the garbage
// collector traces, which freed or cleared slots must then drop.
func slotsHavePointers[K comparable, V any]() bool {
	return bump.LayoutOf[slot[K, V]]().HasPointers()
}
