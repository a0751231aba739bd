//go:build bumpdebug

package bump

import (
	"fmt"
	"unsafe"
)

// zeroWindow is how many bytes past the bump offset checkInvariants
// verifies are zero. Checking the whole rest of the chunk after every
// allocation would make the checked build quadratic; a window catches a
// write through a stale or overflowing pointer just past the newest
// allocation, where such writes land.
const zeroWindow = 256

// checkBump is checkInvariants after an allocation that starts at offset
// start of the current chunk: the memory it hands out must be zero too.
func (b *Bump) checkBump(start uintptr) {
	if i, x := firstNonZero(unsafe.Slice((*byte)(b.base), b.off)[start:]); i >= 0 {
		invariantf("byte %d of chunk %d, just allocated, is %#x, not zero", start+uintptr(i), b.cur, x)
	}
	b.checkInvariants()
}

// checkInvariants panics if b's bookkeeping is inconsistent. The checked
// build calls it after every operation that changes it (the allocation
// fast paths for pointer-free values included), as Go's
// internal/runtime/maps does with its debug build: the bump offset lies
// within the current chunk, the zeroWindow bytes past it are zero, spare
// chunks are unused, AllocatedBytes equals the chunks' total, and the open
// checkpoints are ordered and within the arena.
func (b *Bump) checkInvariants() {
	if b.base == nil {
		if b.off != 0 || b.cap != 0 || len(b.chunks) != 0 {
			invariantf("no current chunk but offset %d, capacity %d, %d chunks", b.off, b.cap, len(b.chunks))
		}
	} else {
		if b.cur < 0 || b.cur >= len(b.chunks) {
			invariantf("current chunk %d of %d", b.cur, len(b.chunks))
		}
		c := b.chunks[b.cur]
		if b.base != unsafe.Pointer(unsafe.SliceData(c.mem)) || b.cap != uintptr(len(c.mem)) {
			invariantf("current chunk %d is not the one being bumped", b.cur)
		}
		if b.off > b.cap || b.floor > b.off {
			invariantf("offset %d, floor %d outside chunk of %d bytes", b.off, b.floor, b.cap)
		}
		if i, x := firstNonZero(c.mem[b.off:min(b.off+zeroWindow, b.cap)]); i >= 0 {
			invariantf("byte %d of chunk %d, past the offset %d, is %#x, not zero", b.off+uintptr(i), b.cur, b.off, x)
		}
	}
	held := uintptr(0)
	for i, c := range b.chunks {
		held += uintptr(len(c.mem))
		if i != b.cur && c.used > uintptr(len(c.mem)) {
			invariantf("chunk %d uses %d of %d bytes", i, c.used, len(c.mem))
		}
		if i > b.cur && c.used != 0 {
			invariantf("spare chunk %d uses %d bytes", i, c.used)
		}
	}
	for _, c := range b.large {
		held += uintptr(len(c.mem))
	}
	for _, s := range b.slabOrder {
		held += s.verify()
	}
	if held != b.allocated {
		invariantf("AllocatedBytes is %d, chunks hold %d", b.allocated, held)
	}
	b.checkFrames()
}

// checkFrames checks the open checkpoints: each is newer and not before
// the previous one, and within the arena.
func (b *Bump) checkFrames() {
	marks := 0
	for i, f := range b.frames {
		if f.chunk < 0 || len(b.chunks) > 0 && f.chunk > b.cur || f.large > len(b.large) ||
			f.marks != marks || f.slabs > len(b.slabOrder) || f.cleanups > b.cleanupID {
			invariantf("checkpoint %d (%+v) outside the arena", i, f)
		}
		if f.chunk < len(b.chunks) && f.off > uintptr(len(b.chunks[f.chunk].mem)) {
			invariantf("checkpoint %d at offset %d of a %d-byte chunk", i, f.off, len(b.chunks[f.chunk].mem))
		}
		if i > 0 {
			p := b.frames[i-1]
			if f.id <= p.id || f.chunk < p.chunk || f.chunk == p.chunk && f.off < p.off ||
				f.large < p.large || f.slabs < p.slabs || f.cleanups < p.cleanups {
				invariantf("checkpoint %d (%+v) precedes checkpoint %d (%+v)", i, f, i-1, p)
			}
		}
		marks += f.slabs
	}
	if marks != len(b.marks) {
		invariantf("%d slab marks for checkpoints that saved %d", len(b.marks), marks)
	}
}

// firstNonZero returns the index and value of the first byte of p that is
// not zero, or -1. It reads whole words where it can: the checks run after
// every allocation.
func firstNonZero(p []byte) (int, byte) {
	i := 0
	for ; i+8 <= len(p); i += 8 {
		// Sound: the 8 bytes are within p; unaligned loads are only slower.
		if *(*uint64)(unsafe.Pointer(&p[i])) != 0 {
			break
		}
	}
	for ; i < len(p); i++ {
		if p[i] != 0 {
			return i, p[i]
		}
	}
	return -1, 0
}

func invariantf(format string, args ...any) {
	panic("bump: invariant violated: " + fmt.Sprintf(format, args...))
}
