package bump

import (
	"fmt"
	"iter"
	"reflect"
	"unsafe"
)

// Chunk sizes follow bumpalo: a small first chunk, then each new chunk
// twice the previous one, so that the number of chunks stays logarithmic in
// the bytes allocated. Doubling stops at maxChunkSize; a request larger
// than largeRequest gets a dedicated chunk of its own size instead.
const (
	firstChunkSize = 512
	maxChunkSize   = 1 << 20
	largeRequest   = maxChunkSize / 4
)

// nextChunkSize returns the size in bytes of the regular chunk to allocate
// after a chunk of prev bytes, for a request that needs need bytes. hint
// is the size of the last round if it did not fit in the chunk Reset kept
// (see Bump.roundHint), or 0: a chunk that holds a whole round is what
// makes the next Reset keep enough. Without a hint, need is at most
// largeRequest (bigger requests get a dedicated chunk), so the doubling
// stays within maxChunkSize.
func nextChunkSize(prev, need, hint uintptr) uintptr {
	if hint >= need {
		return hint
	}
	size := min(max(2*prev, firstChunkSize), maxChunkSize)
	for size < need {
		size *= 2
	}
	return size
}

// A byteChunk is pointer-free memory: only types without pointers are
// placed in it, so the garbage collector need not scan it.
type byteChunk struct {
	mem  []byte
	used uintptr // bytes in use; for the current chunk, Bump.off is authoritative
}

// The bump offset is always a multiple of wordSize, and chunks start
// wordSize-aligned, so the fast path needs no rounding for the alignments
// of ordinary Go types; only larger alignments pay for padding.
const wordSize = 8

func roundWord(n uintptr) uintptr { return (n + wordSize - 1) &^ (wordSize - 1) }

// bumpBytes is the allocation fast path: it carves size bytes aligned to
// align out of the current byte chunk, or returns nil if they do not fit.
// Memory past the bump offset is always zero, so the result is zeroed.
// size must be greater than zero and at most maxAlloc, align a power of
// two.
func (b *Bump) bumpBytes(size, align uintptr) unsafe.Pointer {
	start := b.off
	if align > wordSize {
		start += -(uintptr(b.base) + start) & (align - 1)
	}
	end := start + roundWord(size)
	if end > b.cap {
		return nil
	}
	b.off = end
	if debugBuild {
		b.checkBump(start)
	}
	return unsafe.Add(b.base, start)
}

// allocBytes returns zeroed pointer-free memory for size bytes aligned to
// align, taking a new chunk if the current one is full.
func (b *Bump) allocBytes(size, align uintptr) (unsafe.Pointer, error) {
	if p := b.bumpBytes(size, align); p != nil {
		return p, nil
	}
	return b.allocBytesSlow(size, align)
}

//go:noinline
func (b *Bump) allocBytesSlow(size, align uintptr) (unsafe.Pointer, error) {
	if size > maxAlloc || align > maxAlloc || align&(align-1) != 0 {
		return nil, fmt.Errorf("bump: allocating %d bytes aligned to %d: %w", size, align, ErrInvalidSize)
	}
	need := roundWord(size) + align - 1
	if need > largeRequest && b.roundHint < need {
		return b.allocLarge(size, align)
	}
	// Spare chunks left after a rewind come first; skip those too small.
	// Look before entering one, so that a request that then fails leaves
	// the current chunk (its room, and the newest allocation's in-place
	// growth) as it was.
	for i := b.cur + 1; i < len(b.chunks); i++ {
		if c := &b.chunks[i]; fitsEmpty(c.mem, size, align) {
			b.chunks[b.cur].used = b.off
			b.enterChunk(i)
			return b.bumpBytes(size, align), nil
		}
	}
	prev := uintptr(0)
	if n := len(b.chunks); n > 0 {
		prev = uintptr(len(b.chunks[n-1].mem))
	}
	want := nextChunkSize(prev, need, b.roundHint)
	csize, err := b.reserve(want, need)
	if err != nil {
		return nil, fmt.Errorf("bump: allocating %d bytes: %w", size, err)
	}
	b.roundHint = 0
	if b.base != nil {
		b.chunks[b.cur].used = b.off
	}
	b.chunks = append(b.chunks, byteChunk{mem: newByteChunk(csize)})
	b.enterChunk(len(b.chunks) - 1)
	return b.bumpBytes(size, align), nil
}

// fitsEmpty reports whether size bytes aligned to align fit in the empty
// chunk mem, as bumpBytes would place them.
func fitsEmpty(mem []byte, size, align uintptr) bool {
	start := uintptr(0)
	if align > wordSize {
		start = -uintptr(unsafe.Pointer(unsafe.SliceData(mem))) & (align - 1)
	}
	return start+roundWord(size) <= uintptr(len(mem))
}

// enterChunk makes chunks[i] the current chunk.
func (b *Bump) enterChunk(i int) {
	c := &b.chunks[i]
	b.cur = i
	b.base = unsafe.Pointer(unsafe.SliceData(c.mem))
	b.off = c.used
	b.cap = uintptr(len(c.mem))
	b.floor = 0
	if f := b.topFrame(); f != nil && f.chunk == i {
		b.floor = f.off
	}
}

// A largeChunk holds one request too big for a regular chunk.
type largeChunk struct {
	mem []byte
}

func (b *Bump) allocLarge(size, align uintptr) (unsafe.Pointer, error) {
	need := roundWord(size) + align - 1
	if _, err := b.reserve(need, need); err != nil {
		return nil, fmt.Errorf("bump: allocating %d bytes: %w", size, err)
	}
	mem := newByteChunk(need)
	b.large = append(b.large, largeChunk{mem})
	base := unsafe.Pointer(unsafe.SliceData(mem))
	return unsafe.Add(base, -uintptr(base)&(align-1)), nil
}

// findLarge returns the index of the large chunk that holds the size bytes
// at p, if it was allocated after the newest checkpoint, so that it may be
// resized or freed; or -1. Only a request of more than largeRequest bytes
// gets a large chunk (Allocator layouts align to at most wordSize), so
// smaller ones skip the search. The search runs from the newest chunk
// back, which finds at once the old storage that ResizeSlice frees after
// moving it.
func (b *Bump) findLarge(p unsafe.Pointer, size uintptr) int {
	if roundWord(size)+wordSize <= largeRequest {
		return -1
	}
	for i := len(b.large) - 1; i >= b.largeFloor(); i-- {
		base := uintptr(unsafe.Pointer(unsafe.SliceData(b.large[i].mem)))
		if uintptr(p) >= base && uintptr(p)-base < uintptr(len(b.large[i].mem)) {
			return i
		}
	}
	return -1
}

// resizeBytes grows or shrinks in place the allocation of oldSize bytes at
// p, if it is the newest in the current chunk (or has a large chunk of its
// own) and not older than the newest checkpoint.
func (b *Bump) resizeBytes(p unsafe.Pointer, oldSize, newSize uintptr) bool {
	if newSize > maxAlloc {
		return false
	}
	if i := b.findLarge(p, oldSize); i >= 0 {
		c := &b.large[i]
		end := uintptr(unsafe.Pointer(unsafe.SliceData(c.mem))) + uintptr(len(c.mem))
		// Shrinking to what a regular chunk would hold moves instead, which
		// releases the large chunk and keeps findLarge's size test valid.
		if uintptr(p)+newSize > end || roundWord(newSize)+wordSize <= largeRequest {
			return false
		}
		if newSize < oldSize {
			clear(unsafe.Slice((*byte)(unsafe.Add(p, newSize)), oldSize-newSize))
		}
		return true
	}
	start, ok := b.ownsLast(p, oldSize)
	if !ok || start+roundWord(newSize) > b.cap {
		return false
	}
	if newSize < oldSize {
		clear(unsafe.Slice((*byte)(unsafe.Add(p, newSize)), oldSize-newSize))
	}
	b.off = start + roundWord(newSize)
	return true
}

// freeBytes rewinds the bump offset if the size bytes at p are the newest
// allocation of the current chunk, or releases p's large chunk, wherever
// it is in the list. Anything else stays allocated until the next Reset.
//
// Removing a large chunk from the middle of the list keeps every
// checkpoint's count of large chunks right: the chunk was allocated after
// the newest checkpoint, so every open checkpoint counts fewer chunks than
// its index.
func (b *Bump) freeBytes(p unsafe.Pointer, size uintptr) {
	if i := b.findLarge(p, size); i >= 0 {
		b.allocated -= uintptr(len(b.large[i].mem))
		releaseByteChunk(b.large[i].mem)
		last := len(b.large) - 1
		copy(b.large[i:], b.large[i+1:])
		b.large[last] = largeChunk{}
		b.large = b.large[:last]
		return
	}
	if start, ok := b.ownsLast(p, size); ok {
		clear(unsafe.Slice((*byte)(p), size))
		b.off = start
	}
}

// ownsLast reports whether the size bytes at p end at the bump offset of
// the current chunk and start at or after the floor, returning their
// offset.
func (b *Bump) ownsLast(p unsafe.Pointer, size uintptr) (uintptr, bool) {
	if b.base == nil {
		return 0, false
	}
	start := uintptr(p) - uintptr(b.base)
	return start, uintptr(p) >= uintptr(b.base) && start+roundWord(size) == b.off && start >= b.floor
}

// ChunkCapacity returns the number of bytes left in the current byte
// chunk: pointer-free allocations up to this size (less alignment padding)
// will not need a new chunk.
func (b *Bump) ChunkCapacity() int { return int(b.cap - b.off) }

// ChunkInfo describes one chunk of a Bump, as reported by [Bump.Chunks].
type ChunkInfo struct {
	// Elem is the element type of a typed chunk (one that holds
	// pointer-holding values), or nil for an untyped byte chunk.
	Elem reflect.Type
	// Capacity is the chunk's size in bytes.
	Capacity int
	// Used is the number of bytes in use, alignment padding included.
	Used int
	// Large reports whether the chunk was allocated for one large request.
	Large bool
}

// Chunks returns an iterator over the chunks b holds: byte chunks first,
// then each pointer-holding type's chunks. b must not be used for
// allocation during the iteration.
func (b *Bump) Chunks() iter.Seq[ChunkInfo] {
	return func(yield func(ChunkInfo) bool) {
		if len(b.chunks) > 0 {
			b.chunks[b.cur].used = b.off
		}
		for _, c := range b.chunks {
			if !yield(ChunkInfo{Capacity: len(c.mem), Used: int(c.used)}) {
				return
			}
		}
		for _, c := range b.large {
			if !yield(ChunkInfo{Capacity: len(c.mem), Used: len(c.mem), Large: true}) {
				return
			}
		}
		for _, s := range b.slabOrder {
			if !s.chunkInfo(yield) {
				return
			}
		}
	}
}
