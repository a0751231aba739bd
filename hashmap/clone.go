package hashmap

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// Clone returns a copy of m whose storage, and the Map itself, come from
// m's allocator. The copy shares m's seed and Hasher, so it copies the
// table as it is instead of rehashing. Values are copied with assignment
// (a shallow clone, like maps.Clone). It panics like [Map.Set] if the
// allocator cannot provide the storage.
func (m *Map[K, V]) Clone() *Map[K, V] {
	c := New[K, V](m.alloc)
	c.hasher = m.hasher
	c.seed, c.seeded = m.seed, m.seeded
	if m.used == 0 {
		return c
	}
	ctrl, err := bump.AllocateSlice[ctrlWord](c.alloc, len(m.ctrl))
	if err != nil {
		panic(fmt.Errorf("hashmap: clone: %w", err))
	}
	slots, err := bump.AllocateSlice[slot[K, V]](c.alloc, len(m.slots))
	if err != nil {
		bump.FreeSlice(c.alloc, ctrl)
		panic(fmt.Errorf("hashmap: clone: %w", err))
	}
	copy(ctrl, m.ctrl)
	copy(slots, m.slots)
	c.ctrl, c.slots = ctrl, slots
	c.used, c.growthLeft = m.used, m.growthLeft
	return c
}
