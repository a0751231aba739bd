package bump

import (
	"unsafe"
)

var _ Allocator = (*Bump)(nil)

// zeroSizeBase is the address handed out for zero-size values, as the
// runtime does with its own zerobase.
var zeroSizeBase [0]uint64

// Allocate returns zeroed arena storage for n values of l, implementing
// [Allocator]. Pointer-free types are placed in byte chunks, others in a
// slab typed with l's type. It panics if l is the zero Layout.
func (b *Bump) Allocate(l Layout, n int) (unsafe.Pointer, error) {
	l.check("Allocate")
	size, ok := l.bytesFor(n)
	if !ok || n == 0 {
		return nil, sizeError(l, n)
	}
	if checkedBuild {
		defer b.checkInvariants()
	}
	switch s := b.slabFor(l).(type) {
	case nil:
		return b.allocBytes(size, l.t.align)
	case zeroSizeSlab:
		return unsafe.Pointer(&zeroSizeBase), nil
	default:
		return s.allocate(b, n)
	}
}

// Resize grows or shrinks in place the allocation at p, implementing
// [Allocator]. It succeeds when p is the newest allocation of its chunk,
// was made after the newest checkpoint, and the chunk has room. It panics
// if l is the zero Layout.
func (b *Bump) Resize(l Layout, p unsafe.Pointer, oldN, newN int) bool {
	l.check("Resize")
	newSize, ok := l.bytesFor(newN)
	if !ok || oldN < 0 || newN == 0 {
		return false
	}
	if checkedBuild {
		defer b.checkInvariants()
	}
	switch s := b.slabFor(l).(type) {
	case nil:
		return b.resizeBytes(p, uintptr(oldN)*l.t.size, newSize)
	case zeroSizeSlab:
		return true
	default:
		return s.resize(b, p, oldN, newN)
	}
}

// Free gives back the allocation at p, implementing [Allocator]. If it is
// the newest allocation of its chunk, made after the newest checkpoint,
// the memory is reused by the next allocation; otherwise it stays
// allocated until the next Reset (pointer-holding values are cleared so
// that the arena keeps nothing they refer to alive). An allocation that
// got a dedicated chunk of its own (more than 256 KiB) is released
// whatever its position, so that a container that grows large does not
// keep every storage it moved away from. Free panics if l is the zero
// Layout.
func (b *Bump) Free(l Layout, p unsafe.Pointer, n int) {
	l.check("Free")
	if _, ok := l.bytesFor(n); !ok || n == 0 {
		return
	}
	if checkedBuild {
		defer b.checkInvariants()
	}
	switch s := b.slabFor(l).(type) {
	case nil:
		b.freeBytes(p, uintptr(n)*l.t.size)
	case zeroSizeSlab:
	default:
		s.free(b, p, n)
	}
}
