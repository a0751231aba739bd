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
	groups, err := bump.AllocateSlice[group[K, V]](c.alloc, len(m.groups))
	if err != nil {
		panic(fmt.Errorf("hashmap: clone: %w", err))
	}
	copy(groups, m.groups)
	c.groups = groups
	c.used, c.growthLeft = m.used, m.growthLeft
	return c
}
