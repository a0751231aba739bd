package bump

import (
	"fmt"
	"unsafe"
)

// Pointer-free values of every type share one chunk list of bytes,
// b.bytes, which the garbage collector need not scan. Its current chunk is
// mirrored in b.base, b.off and b.cap, the three words the allocation fast
// paths read and write; the list is brought up to date with syncBytes
// before any of its policies runs, and the mirror with loadBytes after.

// The bump offset is always a multiple of wordSize, and chunks start
// wordSize-aligned, so the fast path needs no rounding for the alignments
// of ordinary Go types; only larger alignments pay for padding.
const wordSize = 8

func roundWord(n uintptr) uintptr { return (n + wordSize - 1) &^ (wordSize - 1) }

// syncBytes writes the bump offset back into the byte list.
func (b *Bump) syncBytes() {
	b.bytes.cur = b.bytes.cur[:b.off]
}

// loadBytes makes the fast path's mirror of the byte list's current chunk
// up to date.
func (b *Bump) loadBytes() {
	c := b.bytes.cur
	b.base = unsafe.Pointer(unsafe.SliceData(c))
	b.off = uintptr(len(c))
	b.cap = uintptr(cap(c))
}

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
	if checkedBuild {
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

// allocBytesSlow allocates when the current chunk cannot: a request of
// more than largeRequest bytes (with its alignment) gets a dedicated
// chunk, anything else a new current chunk. On error nothing changed.
//
//go:noinline
func (b *Bump) allocBytesSlow(size, align uintptr) (unsafe.Pointer, error) {
	if size > maxAlloc || align > maxAlloc || align&(align-1) != 0 {
		return nil, fmt.Errorf("bump: allocating %d bytes aligned to %d: %w", size, align, ErrInvalidSize)
	}
	need := roundWord(size) + align - 1
	l := &b.bytes
	if need > largeRequest {
		c, err := l.allocLarge(b, int(need))
		if err != nil {
			return nil, fmt.Errorf("bump: allocating %d bytes: %w", size, err)
		}
		base := unsafe.Pointer(unsafe.SliceData(c))
		pad := -uintptr(base) & (align - 1)
		// The extent in use ends with the request, so that shrinking it
		// clears no more than was handed out.
		l.large[len(l.large)-1] = c[:pad+roundWord(size)]
		l.before -= int(need - pad - roundWord(size))
		return unsafe.Add(base, pad), nil
	}
	b.syncBytes()
	if err := l.grow(b, int(need), l.nextSize(int(need))); err != nil {
		return nil, fmt.Errorf("bump: allocating %d bytes: %w", size, err)
	}
	b.loadBytes()
	return b.bumpBytes(size, align), nil
}

// isLargeBytes reports whether an allocation of size bytes may have a
// dedicated chunk (Allocator layouts align to at most wordSize), so that
// only those are looked for among the dedicated chunks.
func isLargeBytes(size uintptr) bool { return roundWord(size)+wordSize > largeRequest }

// resizeBytes grows or shrinks in place the allocation of oldSize bytes at
// p, if it is the newest in the current chunk (or has a chunk of its own)
// and was made after the newest checkpoint.
func (b *Bump) resizeBytes(p unsafe.Pointer, oldSize, newSize uintptr) bool {
	if newSize > maxAlloc {
		return false
	}
	b.syncBytes()
	defer b.loadBytes()
	l := &b.bytes
	if isLargeBytes(oldSize) {
		if i := l.findLarge(p); i >= 0 {
			// Shrinking to what a regular chunk would hold moves instead,
			// which releases the dedicated chunk and keeps isLargeBytes's
			// test valid.
			if !isLargeBytes(newSize) {
				return false
			}
			if newSize < oldSize {
				b.notePeak()
				clear(unsafe.Slice((*byte)(unsafe.Add(p, newSize)), oldSize-newSize))
			}
			start := uintptr(p) - uintptr(unsafe.Pointer(unsafe.SliceData(l.large[i])))
			return l.resizeLarge(i, int(start+roundWord(newSize)))
		}
	}
	if newSize < oldSize {
		if _, ok := l.newest(p, int(roundWord(oldSize))); !ok {
			return false
		}
		b.notePeak()
		// The bytes from newSize to the word boundary stay in use: clear
		// them too, so that growing back finds them zero.
		clear(unsafe.Slice((*byte)(unsafe.Add(p, newSize)), oldSize-newSize))
	}
	return l.resizeNewest(p, int(roundWord(oldSize)), int(roundWord(newSize)))
}

// freeBytes gives back the size bytes at p: their dedicated chunk, wherever
// it is, or the end of the current chunk if they are its newest
// allocation. Anything else stays allocated until the next reset.
func (b *Bump) freeBytes(p unsafe.Pointer, size uintptr) {
	b.syncBytes()
	defer b.loadBytes()
	l := &b.bytes
	if isLargeBytes(size) {
		if i := l.findLarge(p); i >= 0 {
			b.notePeak()
			l.freeLarge(b, i)
			return
		}
	}
	if _, ok := l.newest(p, int(roundWord(size))); ok {
		b.notePeak()
		l.freeNewest(p, int(roundWord(size)))
		return
	}
	b.wasted += roundWord(size)
}

// ChunkCapacity returns the number of bytes left in the current byte
// chunk: pointer-free allocations up to this size (less alignment padding)
// will not need a new chunk.
func (b *Bump) ChunkCapacity() int { return int(b.cap - b.off) }
