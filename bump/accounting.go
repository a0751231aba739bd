package bump

import (
	"fmt"
	"iter"
	"reflect"
	"unsafe"
)

// reserve accounts for a new chunk of want bytes, or of at least need
// bytes if want would exceed the allocation limit, and returns its size.
// When even need would exceed the limit, the arena releases as many of its
// spare chunks (see retain.go), which the limit counts, as make room; if
// releasing them all would not, it releases none.
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
	mu := b.locker()
	if mu != nil {
		mu.Lock()
		defer mu.Unlock()
	}
	r := b.root()
	// In a family of forked arenas, the root's limit bounds all of it, and
	// a child's own limit, if set, what it holds.
	fits := func(n uintptr) bool {
		return (!r.limited || r.allocated+n <= r.limit) && (b == r || !b.limited || b.allocated+n <= b.limit)
	}
	if fits(want) {
		b.hold(want)
		return want, nil
	}
	need = (need + 15) &^ 15
	if mu == nil && b.allocated+need > b.limit && b.allocated-b.spare+need <= b.limit {
		b.trimSpares(b.limit - need)
	}
	if fits(need) {
		b.hold(need)
		return need, nil
	}
	if !b.limited || b != r && r.allocated+need > r.limit {
		return 0, fmt.Errorf("%w: %d bytes needed, %d of %d in use by the family of forked arenas", ErrAllocationLimit, need, r.allocated, r.limit)
	}
	return 0, fmt.Errorf("%w: %d bytes needed, %d of %d in use", ErrAllocationLimit, need, b.allocated, b.limit)
}

// trimSpares releases spare chunks, largest first within each kind of
// storage, until b holds at most limit bytes or has no spares left.
func (b *Bump) trimSpares(limit uintptr) {
	b.bytes.trimSpares(b, limit)
	for _, s := range b.slabList {
		if b.allocated <= limit {
			return
		}
		s.list().trimSpares(b, limit)
	}
}

// AllocatedBytes returns the number of bytes b holds in chunks, whether in
// use or not, spare chunks kept for reuse included. This is the quantity
// the allocation limit bounds.
//
// In a family of forked arenas (see [Bump.Fork]), the root's figure covers
// the whole family, and a child's what the child holds.
func (b *Bump) AllocatedBytes() int {
	if mu := b.locker(); mu != nil {
		mu.Lock()
		defer mu.Unlock()
	}
	return int(b.allocated)
}

// AllocatedBytesIncludingMetadata returns AllocatedBytes plus the memory
// b uses to keep track of its chunks, slabs, checkpoints and cleanups: the
// backing arrays of its lists, and each slab's own header and chunk lists
// (for the root of forked arenas, also those kept from joined children).
// Like bumpalo's, it is 0 for a Bump that never allocated. It does not
// count the Bump struct itself, which its owner holds, nor the hash-table
// overhead of the maps from types to slabs and handles, whose entries only
// are counted: that part is an underestimate by a few words per
// pointer-holding type.
func (b *Bump) AllocatedBytesIncludingMetadata() int {
	n := b.bytes.metadata() +
		uintptr(cap(b.slabList))*unsafe.Sizeof(slab(nil)) +
		uintptr(cap(b.active))*unsafe.Sizeof(resetter(nil)) +
		uintptr(cap(b.frames))*unsafe.Sizeof(frame{}) +
		uintptr(cap(b.marks))*unsafe.Sizeof(listMark{}) +
		uintptr(cap(b.cleanups))*unsafe.Sizeof(cleanupEntry{}) +
		uintptr(len(b.slabs))*(unsafe.Sizeof(unsafe.Pointer(nil))+unsafe.Sizeof(slab(nil)))
	for _, s := range b.slabList {
		n += s.list().metadata()
	}
	n += b.handles.metadata()
	if f := b.fam; f != nil && f.root == b {
		// The bookkeeping of joined children, kept for the next forks.
		f.mu.Lock()
		for i := range f.kits {
			n += f.kits[i].metadata()
		}
		f.mu.Unlock()
	}
	return int(b.allocated + n)
}

// ChunkInfo describes one chunk of a Bump, as reported by [Bump.Chunks].
type ChunkInfo struct {
	// Elem is the element type of a typed chunk (one that holds
	// pointer-holding values), or nil for an untyped byte chunk.
	Elem reflect.Type
	// Capacity is the chunk's size in bytes.
	Capacity int
	// Used is the number of bytes in use, alignment padding included.
	Used int
	// Large reports whether the chunk was taken for one large request.
	Large bool
	// Spare reports whether the chunk is empty and kept for reuse (see
	// "Reset" in the package documentation).
	Spare bool
}

// Chunks returns an iterator over the chunks b holds: byte chunks first,
// then each pointer-holding type's chunks; for each kind, the chunks in
// use, the large ones, then the spares. b must not be used for allocation
// during the iteration.
func (b *Bump) Chunks() iter.Seq[ChunkInfo] {
	return func(yield func(ChunkInfo) bool) {
		b.syncBytes()
		if !b.bytes.chunkInfo(ChunkInfo{}, yield) {
			return
		}
		slabs := b.slabList
		if mu := b.locker(); mu != nil {
			// Children may add slabs to the root's list meanwhile.
			mu.Lock()
			slabs = slabs[:len(slabs):len(slabs)]
			mu.Unlock()
		}
		for _, s := range slabs {
			if !s.list().chunkInfo(ChunkInfo{}, yield) {
				return
			}
		}
	}
}
