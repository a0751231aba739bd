package hashmap

// pruneTombstones turns back into empty slots the tombstones that no probe
// sequence needs, in place, as Go's maps do (pruneTombstones in
// internal/runtime/maps): it allocates nothing and moves no entry, so
// pointers from Ptr and Entry and iterations in progress are unaffected.
// It does the O(table) work only if that is likely to restore a tenth of
// the capacity (or n slots, if more), and does nothing otherwise, leaving
// the caller to grow the table.
//
// A tombstone is needed if it is in a group that some entry's probe
// sequence passes through before reaching the entry's own group: making a
// slot of such a group empty would end the lookups of that entry early.
// (Groups holding an empty slot hold no tombstone: Delete empties the slot
// directly there.) pruneTombstones marks those groups by rewriting their
// tombstones as ctrlNeeded, a second deleted byte that every match treats
// as a tombstone, then empties the unmarked tombstones and unmarks the
// others. NaN keys are never looked up, so their probe sequences need
// nothing.
func (m *Map[K, V]) pruneTombstones(n int) {
	capacity := m.capacity()
	want := max(n, (capacity+9)/10)
	if capacity-m.used-m.growthLeft < want {
		return // too few tombstones to be worth the pass
	}
	groups := m.groups
	mask := uintptr(len(groups) - 1)
	for gi := range groups {
		g := &groups[gi]
		for full := g.ctrl.matchFull(); full != 0; full = full.removeFirst() {
			k := g.slots[full.first()].key
			if k != k {
				continue
			}
			h := m.hash(k)
			for seq := makeProbeSeq(h1(h), mask); seq.offset != uintptr(gi); seq = seq.next() {
				p := &groups[seq.offset]
				p.ctrl = p.ctrl.markNeeded()
			}
		}
	}
	prunable := 0
	for gi := range groups {
		prunable += groups[gi].ctrl.unneededTombstones().count()
	}
	if prunable < want {
		for gi := range groups {
			g := &groups[gi]
			g.ctrl = g.ctrl.unmarkNeeded()
		}
		return
	}
	for gi := range groups {
		g := &groups[gi]
		g.ctrl = g.ctrl.pruneUnneeded()
	}
	m.growthLeft += prunable
}
