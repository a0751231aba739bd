package hashmap

import (
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// Clone returns a copy of m whose storage, and the Map itself, come from
// m's allocator. The copy shares m's seed and Hasher, so it copies the
// table as it is instead of rehashing. Values are copied with assignment
// (a shallow clone, like maps.Clone). It panics like [Map.Set] if the
// allocator cannot provide the storage. Clone of a nil m is nil, like
// maps.Clone of a nil map. It writes nothing to m, so concurrent readers
// may call it if the allocator is safe for concurrent use (the Go heap
// is, a Bump is not).
func (m *Map[K, V]) Clone() *Map[K, V] {
	if m == nil {
		return nil
	}
	check(&m.h)
	c := newMap[K, V](m.alloc, "Clone")
	if err := m.cloneInto(c); err != nil {
		header.Free(c.alloc, c, &c.h) // so that the panic leaves the allocator as it was
		panic(mapName.Wrap("Clone", err))
	}
	return c
}

// cloneInto makes c, a new empty map on m's allocator, a copy of m.
func (m *Map[K, V]) cloneInto(c *Map[K, V]) error {
	c.hasher = m.hasher
	c.seed, c.wordSeed, c.seeded, c.kind = m.seed, m.wordSeed, m.seeded, m.kind
	if m.used == 0 {
		return nil
	}
	groups, err := bump.AllocateSlice[group[K, V]](c.alloc, len(m.groups))
	if err != nil {
		return err
	}
	copy(groups, m.groups)
	c.groups = groups
	c.h.Store(c.alloc)
	c.used, c.growthLeft = m.used, m.growthLeft
	return nil
}
