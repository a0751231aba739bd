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

// Reserve makes room for at least n more entries, so that the next n
// insertions of new keys do not grow the table (and do not invalidate
// pointers from [Map.Ptr] and [Map.Entry]). It panics if n is negative or
// if the allocator cannot provide the storage; see [Map.TryReserve].
func (m *Map[K, V]) Reserve(n int) {
	if err := m.TryReserve(n); err != nil {
		panic(err)
	}
}

// TryReserve is like [Map.Reserve] but returns an error wrapping the
// allocator's error (such as [bump.ErrAllocationLimit]), or
// [bump.ErrInvalidSize] if the table would not fit in memory, instead of
// panicking. On error m is unchanged. It panics if n is negative.
func (m *Map[K, V]) TryReserve(n int) error {
	if n < 0 {
		panic(fmt.Sprintf("hashmap: negative Reserve %d", n))
	}
	if n <= m.growthLeft {
		return nil
	}
	need := m.used + n
	if need < m.used {
		return fmt.Errorf("hashmap: cannot reserve %d more entries: %w", n, bump.ErrInvalidSize)
	}
	groups, ok := groupsFor(need)
	if !ok {
		return fmt.Errorf("hashmap: cannot reserve %d more entries: %w", n, bump.ErrInvalidSize)
	}
	// A table large enough but short of room because of tombstones is
	// rehashed at its size, which clears them.
	return m.rehash(max(groups, len(m.groups)))
}

// grow rehashes m so that it has room for n more entries: into a table of
// the same size if most used slots are tombstones, otherwise into one at
// least twice as large.
func (m *Map[K, V]) grow(n int) error {
	groups := len(m.groups)
	need := m.used + n
	if need <= capacityOf(groups)/2 {
		return m.rehash(groups)
	}
	g, ok := groupsFor(need)
	if !ok || groups*2 <= 0 {
		return fmt.Errorf("hashmap: cannot grow past %d entries: %w", m.used, bump.ErrInvalidSize)
	}
	return m.rehash(max(g, groups*2))
}

// rehash moves the entries of m into a new table of groups groups
// (a power of two with room for them) and frees the old table, unless an
// iteration in progress still walks it. On error m is unchanged.
func (m *Map[K, V]) rehash(groups int) error {
	m.initSeed()
	table, err := bump.AllocateSlice[group[K, V]](m.alloc, groups)
	if err != nil {
		return fmt.Errorf("hashmap: growing to %d entries: %w", capacityOf(groups), err)
	}
	old := m.groups
	for gi := range old {
		og := &old[gi]
		for full := og.ctrl.matchFull(); full != 0; full = full.removeFirst() {
			s := &og.slots[full.first()]
			*claimEmpty(table, m.hash(s.key)) = *s
		}
	}
	m.groups = table
	m.growthLeft = capacityOf(groups) - m.used
	m.tableGen++
	if m.iterators == 0 {
		bump.FreeSlice(m.alloc, old)
	}
	return nil
}

// claimEmpty marks the first empty slot of h's probe sequence in table as
// full, with h's H2, and returns it. In a table without tombstones that
// does not hold the key, such as one being filled by a rehash, that slot
// is where lookups of the key will look; the table must have an empty
// slot.
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
