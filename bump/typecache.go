package bump

import "unsafe"

// typeCacheSize is the number of types a Bump remembers where to place
// without a map lookup: the types of a typical request or parse.
const typeCacheSize = 8

// A typeSlot remembers where values of one type go: slab is nil for a
// pointer-free type (byte chunks), or the type's slab.
type typeSlot struct {
	key  unsafe.Pointer
	slab slab
}

// zeroSizeSlab marks zero-size types in the type cache so that the fast
// paths, which need a size greater than zero, leave them to the slow path.
type zeroSizeSlab struct{ slab }

// slotIndex returns the type cache slot of a type key.
func slotIndex(key unsafe.Pointer) uintptr {
	return keyHash(key) % typeCacheSize
}

// slabFor returns where values of the type go: nil for byte chunks, or its
// slab (a zeroSizeSlab for zero-size types). It fills the type cache.
func (b *Bump) slabFor(l Layout) slab {
	key := l.t.key
	e := &b.types[slotIndex(key)]
	if e.key == key {
		return e.slab
	}
	var s slab
	switch {
	case l.t.size == 0:
		s = zeroSizeSlab{}
	case l.t.pointers:
		s = b.slabs[key]
		if s == nil {
			s = l.t.newSlab()
			if b.slabs == nil {
				b.slabs = make(map[unsafe.Pointer]slab)
			}
			b.slabs[key] = s
			b.slabList = append(b.slabList, s)
		}
	}
	e.key, e.slab = key, s
	return s
}

// isBytes reports whether the slot caches key as a pointer-free type.
func (e *typeSlot) isBytes(key unsafe.Pointer) bool {
	return e.key == key && e.slab == nil
}
