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
		b.checkInvariants()
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
		return nil, fmt.Errorf("bump: cannot allocate %d bytes aligned to %d: %w", size, align, ErrInvalidSize)
	}
	need := roundWord(size) + align - 1
	if need > largeRequest && b.roundHint < need {
		return b.allocLarge(size, align)
	}
	if b.base != nil {
		b.chunks[b.cur].used = b.off
	}
	// Spare chunks left after a rewind come first; skip those too small.
	for b.cur+1 < len(b.chunks) {
		b.enterChunk(b.cur + 1)
		if p := b.bumpBytes(size, align); p != nil {
			return p, nil
		}
	}
	prev := uintptr(0)
	if n := len(b.chunks); n > 0 {
		prev = uintptr(len(b.chunks[n-1].mem))
	}
	want := nextChunkSize(prev, need, b.roundHint)
	b.roundHint = 0
	csize, err := b.reserve(want, need)
	if err != nil {
		return nil, fmt.Errorf("bump: allocating %d bytes: %w", size, err)
	}
	b.chunks = append(b.chunks, byteChunk{mem: newByteChunk(csize)})
	b.enterChunk(len(b.chunks) - 1)
	return b.bumpBytes(size, align), nil
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

// lastLarge returns the newest large chunk if it starts at p and was
// allocated after the newest checkpoint, so it may be resized or freed.
func (b *Bump) lastLarge(p unsafe.Pointer) *largeChunk {
	n := len(b.large)
	if n == 0 || n <= b.largeFloor() {
		return nil
	}
	c := &b.large[n-1]
	base := uintptr(unsafe.Pointer(unsafe.SliceData(c.mem)))
	if uintptr(p) < base || uintptr(p) >= base+uintptr(len(c.mem)) {
		return nil
	}
	return c
}

// resizeBytes grows or shrinks in place the allocation of oldSize bytes at
// p, if it is the newest in the current chunk (or the newest large chunk)
// and not older than the newest checkpoint.
func (b *Bump) resizeBytes(p unsafe.Pointer, oldSize, newSize uintptr) bool {
	if newSize > maxAlloc {
		return false
	}
	if c := b.lastLarge(p); c != nil {
		end := uintptr(unsafe.Pointer(unsafe.SliceData(c.mem))) + uintptr(len(c.mem))
		if uintptr(p)+newSize > end {
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
// allocation of the current chunk, or drops the newest large chunk if it
// is p's. Anything else stays allocated until the next Reset.
func (b *Bump) freeBytes(p unsafe.Pointer, size uintptr) {
	if c := b.lastLarge(p); c != nil {
		b.allocated -= uintptr(len(c.mem))
		releaseByteChunk(c.mem)
		*c = largeChunk{}
		b.large = b.large[:len(b.large)-1]
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
