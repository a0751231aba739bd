package hashmap

import "github.com/bumpkit/bumpkit/bump"

// rehash moves the entries of m into a table of groups groups (a power
// of two with room for them). On error m is unchanged.
//
// The table it replaces is given back to the allocator, unless an
// iteration in progress may still walk it (see iter.go): iterations
// count themselves in m.iterations, the only field they write, and
// atomically, so that concurrent readers stay race-free. With no
// iteration in progress, rehash first asks the allocator to grow the
// table in place (a Bump can when the table is its newest allocation)
// and then moves the entries within it; otherwise it fills a new table
// and frees the old one, which a Bump takes back at once if it has a
// dedicated chunk (tables over 256 KiB) and at Reset otherwise. So a map
// grown from empty ends up holding about what a presized one holds.
//
// During an iteration the old table stays allocated and keeps its keys,
// which the iteration looks up in the new table, but not its values; it
// is freed by the next writer that finds no iteration in progress (see
// releaseRetired).
func (m *Map[K, V]) rehash(groups int) error {
	m.initHash()
	old := m.groups
	walked := m.iterations.Load() != 0
	if !walked {
		if table, ok := bump.ResizeInPlace(m.alloc, old, groups); ok {
			m.groups = table[:groups]
			m.rehashInPlace(len(old))
			m.afterRehash()
			return nil
		}
	}
	table, err := bump.AllocateSlice[group[K, V]](m.alloc, groups)
	if err != nil {
		return err
	}
	dropValues := walked && bump.LayoutOf[V]().HasPointers()
	for gi := range old {
		og := &old[gi]
		for full := og.ctrl.matchFull(); full != 0; full = full.removeFirst() {
			s := &og.slots[full.first()]
			*claimEmpty(table, m.hash(s.key)) = *s
			if dropValues && s.key == s.key {
				// Iterations still walking the old table look values
				// up in the new one (except for NaN keys, whose values
				// never change), so the old table need not keep their
				// referents alive.
				var zero V
				s.value = zero
			}
		}
	}
	m.groups = table
	m.afterRehash()
	if walked {
		m.retire(old)
	} else {
		m.releaseRetired()
		bump.FreeSlice(m.alloc, old)
	}
	return nil
}

// afterRehash updates the bookkeeping of a table just rehashed.
func (m *Map[K, V]) afterRehash() {
	m.growthLeft = m.capacity() - m.used
	m.gen += tableStep
	m.h.Store(m.alloc)
}

// retire keeps old, a table that an iteration in progress may walk, to be
// freed once none is. Only the largest such table is kept: a smaller one
// retired before it stays allocated until the allocator reclaims it (the
// garbage collector on the Go heap, Reset in a Bump). Tables double, so
// those are together smaller than the one kept.
func (m *Map[K, V]) retire(old []group[K, V]) {
	if len(old) > len(m.retired) {
		m.retired = old
	}
}

// releaseRetired frees the retired table, if no iteration is in progress.
// Writers call it when they are about to allocate or have just replaced
// the table.
func (m *Map[K, V]) releaseRetired() {
	if m.retired == nil || m.iterations.Load() != 0 {
		return
	}
	bump.FreeSlice(m.alloc, m.retired)
	m.retired = nil
}

// rehashInPlace moves the entries of the first oldGroups groups of m's
// table, which was just grown in place (the others are empty), to where
// they belong in the whole table, clearing every tombstone. It is
// Abseil's DropDeletesWithoutResize for aligned groups: every full slot
// is first marked as waiting (a deleted control byte) and tombstones
// become empty; then each waiting entry goes to the first group of its
// probe sequence with a slot that is empty or waiting: it stays if that
// is its own group, moves if the slot is empty, or swaps with the waiting
// entry there, which is then placed in turn. The groups an entry's probe
// sequence passes before its own are full of placed entries, which never
// move again, so every entry is found. No iteration may be in progress:
// entries move.
func (m *Map[K, V]) rehashInPlace(oldGroups int) {
	groups := m.groups
	for gi := range groups[:oldGroups] {
		g := &groups[gi]
		// 0x7f (ctrlDeleted) in each full byte, 0 (ctrlEmpty) elsewhere.
		g.ctrl = ctrlWord(uint64(g.ctrl.matchFull()) >> 7 * ctrlDeleted)
	}
	clearMoved := slotsHavePointers[K, V]()
	mask := uintptr(len(groups) - 1)
	for gi := range groups[:oldGroups] {
		g := &groups[gi]
		for i := uintptr(0); i < groupSize; {
			if byte(g.ctrl>>(i*8)) != ctrlDeleted {
				i++
				continue
			}
			s := &g.slots[i]
			h := m.hash(s.key)
			seq := makeProbeSeq(h1(h), mask)
			var free bitset
			for free = groups[seq.offset].ctrl.matchEmptyOrDeleted(); free == 0; free = groups[seq.offset].ctrl.matchEmptyOrDeleted() {
				seq = seq.next()
			}
			if seq.offset == uintptr(gi) {
				g.ctrl = g.ctrl.set(i, h2(h))
				i++
				continue
			}
			tg := &groups[seq.offset]
			ti := free.first()
			if byte(tg.ctrl>>(ti*8)) == ctrlEmpty {
				tg.slots[ti] = *s
				tg.ctrl = tg.ctrl.set(ti, h2(h))
				g.ctrl = g.ctrl.set(i, ctrlEmpty)
				if clearMoved {
					*s = slot[K, V]{}
				}
				i++
				continue
			}
			// The slot holds a waiting entry: swap, and place that one
			// next (i stays).
			tg.slots[ti], *s = *s, tg.slots[ti]
			tg.ctrl = tg.ctrl.set(ti, h2(h))
		}
	}
}
