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
		if mu := b.locker(); mu != nil {
			mu.Lock()
			s = b.slabLocked(l)
			mu.Unlock()
		} else {
			s = b.slabLocked(l)
		}
	}
	e.key, e.slab = key, s
	return s
}

// isBytes reports whether the slot caches key as a pointer-free type.
func (e *typeSlot) isBytes(key unsafe.Pointer) bool {
	return e.key == key && e.slab == nil
}

// slabLocked returns b's slab for the pointer-holding type of l, making it
// if b has none. The caller holds the family's lock if b has one (see
// fork.go): in a family, a child's slab shares the spares of the root's
// slab for the type, and the root's slabs share them with the children.
func (b *Bump) slabLocked(l Layout) slab {
	key := l.t.key
	if s := b.slabs[key]; s != nil {
		return s
	}
	s := l.t.newSlab(l)
	if b.slabs == nil {
		b.slabs = make(map[unsafe.Pointer]slab)
	}
	b.slabs[key] = s
	b.slabList = append(b.slabList, s)
	switch {
	case b.parent != nil:
		s.share(b.root().slabLocked(l), &b.fam.mu)
	case len(b.children) > 0:
		s.share(nil, &b.fam.mu)
	}
	return s
}
