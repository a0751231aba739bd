package hashmap

import (
	"fmt"

	"github.com/bumpkit/bumpkit/internal/header"
)

// checkInvariants panics, in the checked build (-tags bumpdebug), if the
// table's bookkeeping is wrong after an operation, as cockroachdb/swiss's
// invariants tag and internal/runtime/maps' table_debug.go do. The normal
// build compiles it to nothing. Large tables are verified on a fraction
// of the operations (see verifyNow), so that checked test suites stay
// linear.
func (m *Map[K, V]) checkInvariants() {
	if header.Checked && m.verifyNow() {
		mapName.CheckInvariants(m.verify)
	}
}

// verify checks the table's bookkeeping: every control byte is empty,
// deleted or full; used counts the full slots; growthLeft is the capacity
// less the full and deleted slots; no group with an empty slot holds a
// tombstone (Delete empties the slot there); and there is an empty slot,
// which is what ends every probe sequence.
func (m *Map[K, V]) verify() error {
	var full, deleted, empty int
	for gi := range m.groups {
		var e, d int
		for i := range groupSize {
			switch c := byte(m.groups[gi].ctrl >> (i * 8)); {
			case c == ctrlEmpty:
				e++
			case c == ctrlDeleted:
				d++
			case c&ctrlFull != 0:
				full++
			default:
				return fmt.Errorf("control byte %#x in group %d slot %d", c, gi, i)
			}
		}
		if e > 0 && d > 0 {
			return fmt.Errorf("group %d holds %d tombstones and %d empty slots", gi, d, e)
		}
		empty += e
		deleted += d
	}
	if m.used != full {
		return fmt.Errorf("used is %d, but %d slots are full", m.used, full)
	}
	if want := m.capacity() - m.used - deleted; m.growthLeft != want {
		return fmt.Errorf("growthLeft is %d, want %d (capacity %d, %d used, %d tombstones)", m.growthLeft, want, m.capacity(), m.used, deleted)
	}
	if len(m.groups) > 0 && empty == 0 {
		return fmt.Errorf("no empty slot left to end a probe sequence")
	}
	return nil
}
