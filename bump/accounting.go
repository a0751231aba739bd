package bump

import (
	"fmt"
	"unsafe"
)

// reserve accounts for a new chunk of want bytes, or of at least need
// bytes if want would exceed the allocation limit, and returns its size.
//
// Beyond the allocation limit, a chunk is also refused when it is more than
// the memory the system can provide (see checkSystem).
func (b *Bump) reserve(want, need uintptr) (uintptr, error) {
	if want >= checkedSize && checkSystem(want) != nil {
		if err := checkSystem(need); err != nil {
			return 0, err
		}
		want = need
	}
	if !b.limited || b.allocated+want <= b.limit {
		b.allocated += want
		return want, nil
	}
	need = (need + 15) &^ 15
	if b.allocated+need <= b.limit {
		b.allocated += need
		return need, nil
	}
	return 0, fmt.Errorf("%w: %d bytes needed, %d of %d in use", ErrAllocationLimit, need, b.allocated, b.limit)
}

// AllocatedBytes returns the number of bytes b holds in chunks, whether in
// use or not. This is the quantity the allocation limit bounds.
func (b *Bump) AllocatedBytes() int { return int(b.allocated) }

// AllocatedBytesIncludingMetadata returns AllocatedBytes plus the memory
// b uses to keep track of its chunks, slabs, checkpoints and cleanups: the
// backing arrays of its lists, and each slab's own header and chunk list.
// Like bumpalo's, it is 0 for a Bump that never allocated. It does not
// count the Bump struct itself, which its owner holds, nor the hash-table
// overhead of the map from types to slabs, whose entries only are counted:
// that part is an underestimate by a few words per pointer-holding type.
func (b *Bump) AllocatedBytesIncludingMetadata() int {
	n := uintptr(cap(b.chunks))*unsafe.Sizeof(byteChunk{}) +
		uintptr(cap(b.large))*unsafe.Sizeof(largeChunk{}) +
		uintptr(cap(b.slabOrder))*unsafe.Sizeof(slab(nil)) +
		uintptr(cap(b.frames))*unsafe.Sizeof(frame{}) +
		uintptr(cap(b.marks))*unsafe.Sizeof(slabMark{}) +
		uintptr(cap(b.cleanups))*unsafe.Sizeof(cleanupEntry{}) +
		uintptr(len(b.slabs))*(unsafe.Sizeof(unsafe.Pointer(nil))+unsafe.Sizeof(slab(nil)))
	for _, s := range b.slabOrder {
		n += s.metadata()
	}
	return int(b.allocated + n)
}
