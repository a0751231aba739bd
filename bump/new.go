package bump

import (
	"unsafe"
)

// New returns a pointer to a new zero value of T allocated in b, like the
// builtin new. It panics with an error wrapping [ErrAllocationLimit] if
// b's allocation limit does not allow it; see [TryNew].
func New[T any](b *Bump) *T {
	var zero T
	key := typeKey[T]()
	if p := b.bumpLast(key, unsafe.Sizeof(zero)); p != nil {
		return (*T)(p)
	}
	if p := lastSlab[T](b, key).bump(); p != nil {
		return p
	}
	return newSlow[T](b)
}

//go:noinline
func newSlow[T any](b *Bump) *T {
	return must(tryNewSlow[T](b))
}

// TryNew is like [New] but returns an error instead of panicking.
func TryNew[T any](b *Bump) (*T, error) {
	var zero T
	key := typeKey[T]()
	if p := b.bumpLast(key, unsafe.Sizeof(zero)); p != nil {
		return (*T)(p), nil
	}
	if p := lastSlab[T](b, key).bump(); p != nil {
		return p, nil
	}
	return tryNewSlow[T](b)
}

// bumpLast is the fast path for pointer-free types: if key is the
// pointer-free type allocated last (whose alignment never needs padding,
// see tryNewSlow) and size bytes fit in the current chunk, it bumps them.
func (b *Bump) bumpLast(key unsafe.Pointer, size uintptr) unsafe.Pointer {
	if end := b.off + roundWord(size); key == b.lastKey && end <= b.cap {
		p := unsafe.Add(b.base, b.off)
		b.off = end
		if checkedBuild {
			b.checkBump(uintptr(p) - uintptr(b.base))
		}
		return p
	}
	return nil
}

// lastSlab is the fast path for pointer-holding types: it returns T's slab
// if T is the pointer-holding type allocated last, or nil.
func lastSlab[T any](b *Bump, key unsafe.Pointer) *typedSlab[T] {
	if key != b.slabKey {
		return nil
	}
	s, _ := b.slab.(*typedSlab[T])
	return s
}

// tryNewSlow allocates one T when the fast paths cannot: T is not the
// type allocated last, or its chunk is full. It makes T the type
// allocated last.
//
//go:noinline
func tryNewSlow[T any](b *Bump) (*T, error) {
	key := typeKey[T]()
	if e := &b.types[slotIndex(key)]; e.key == key {
		switch s := e.slab.(type) {
		case nil:
			var zero T
			if unsafe.Alignof(zero) <= wordSize {
				b.lastKey = key
			}
			if p := b.bumpBytes(unsafe.Sizeof(zero), unsafe.Alignof(zero)); p != nil {
				return (*T)(p), nil
			}
		case *typedSlab[T]:
			s.activate(b, s)
			b.slabKey, b.slab = key, s
			if p := s.bump(); p != nil {
				return p, nil
			}
		}
	}
	return tryMakeSlow[T](b, 1)
}

// Alloc returns a pointer to a copy of v allocated in b. It panics like
// [New]; see [TryAlloc].
func Alloc[T any](b *Bump, v T) *T {
	p := must(TryNew[T](b))
	*p = v
	return p
}

// TryAlloc is like [Alloc] but returns an error instead of panicking.
func TryAlloc[T any](b *Bump, v T) (*T, error) {
	p, err := TryNew[T](b)
	if err != nil {
		return nil, err
	}
	*p = v
	return p, nil
}

// must panics with err if it is not nil, and otherwise returns v.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
