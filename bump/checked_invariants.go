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
		invariantf("byte %d of the current chunk, just allocated, is %#x, not zero", start+uintptr(i), x)
	}
	b.checkInvariants()
}

// checkInvariants panics if b's bookkeeping is inconsistent. The checked
// build calls it after every operation that changes it (the allocation
// fast paths for pointer-free values included), as Go's
// internal/runtime/maps does with its debug build: the fast path's mirror
// is the byte list's current chunk, every chunk list is consistent (see
// verify), AllocatedBytes equals the chunks' total, and the open
// checkpoints are ordered and within the arena.
func (b *Bump) checkInvariants() {
	if !b.busy.CompareAndSwap(false, true) {
		panic("bump: a Bump is used by two goroutines at once; give each goroutine its own (see Fork and Pool)")
	}
	defer b.busy.Store(false)
	c := b.bytes.cur
	if b.base != unsafe.Pointer(unsafe.SliceData(c)) || b.cap != uintptr(cap(c)) || b.off > b.cap {
		invariantf("the fast path bumps %p at %d of %d, the byte list's current chunk is %p of %d",
			b.base, b.off, b.cap, unsafe.SliceData(c), cap(c))
	}
	b.syncBytes()
	slabs := b.slabList
	if mu := b.locker(); mu != nil {
		mu.Lock()
		slabs = slabs[:len(slabs):len(slabs)] // children may add to the root's list
		mu.Unlock()
	}
	held := b.bytes.verify(b)
	for _, s := range slabs {
		held += s.list().verify(b)
	}
	switch {
	case b.parent != nil:
		// A forked arena holds its chunks in use; the spares are its
		// root's.
		if b.spare != 0 {
			invariantf("a forked arena counts %d bytes of spares", b.spare)
		}
		if held != b.allocated {
			invariantf("AllocatedBytes of a forked arena is %d, its chunks hold %d", b.allocated, held)
		}
	case len(b.children) > 0:
		// The root's figures move with its children's work: they are
		// checked once the children are joined.
	default:
		spare := b.bytes.spareBytes()
		for _, s := range slabs {
			spare += s.list().spareBytes()
		}
		if held != b.allocated {
			invariantf("AllocatedBytes is %d, chunks hold %d", b.allocated, held)
		}
		if spare != b.spare {
			invariantf("spare chunks hold %d bytes, the arena counts %d", spare, b.spare)
		}
	}
	b.checkFrames()
}

// verify checks the list's invariants and returns the bytes its chunks
// hold.
func (l *chunkList[E]) verify(b *Bump) uintptr {
	var zero E
	if len(l.chunks) > 0 {
		last := l.chunks[len(l.chunks)-1]
		if unsafe.SliceData(last) != unsafe.SliceData(l.cur) || cap(last) != cap(l.cur) {
			invariantf("chunks of %T: the current chunk is not the last one", zero)
		}
	} else if cap(l.cur) != 0 {
		invariantf("chunks of %T: a current chunk outside the list", zero)
	}
	if l.floor > len(l.cur) || l.lfloor > len(l.large) {
		invariantf("chunks of %T: floor %d of %d, large floor %d of %d", zero, l.floor, len(l.cur), l.lfloor, len(l.large))
	}
	before := 0
	for _, c := range l.chunks[:max(len(l.chunks)-1, 0)] {
		before += len(c)
	}
	for _, c := range l.large {
		before += len(c)
	}
	for _, c := range l.joined {
		before += len(c)
	}
	if before != l.before {
		invariantf("chunks of %T: %d values in use before the current chunk, counted %d", zero, before, l.before)
	}
	held := l.ownHeld()
	if l.home == nil {
		if l.mu != nil {
			l.mu.Lock()
			defer l.mu.Unlock()
		}
		l.spares.verify(b.root(), "regular")
		l.largeSpares.verify(b.root(), "dedicated")
		held += l.spares.bytes + l.largeSpares.bytes
	}
	// What follows the values in use must be zero: the next allocation
	// hands it out as is.
	if rest := l.cur[len(l.cur):cap(l.cur)]; cap(rest) > 0 {
		next := asBytes(rest)
		limit := unsafe.Sizeof(zero)
		if l.isBytes() {
			limit = zeroWindow
		}
		if i, x := firstNonZero(next[:min(uintptr(len(next)), limit)]); i >= 0 {
			invariantf("chunks of %T: byte %d past the %d values in use is %#x, not zero", zero, i, len(l.cur), x)
		}
	}
	return held
}

func (l *chunkList[E]) spareBytes() uintptr { return l.spares.bytes + l.largeSpares.bytes }

// verify checks that the spares are empty, in ascending order of
// capacity, dated no later than this round, and counted right.
func (s *spareList[E]) verify(b *Bump, role string) {
	var zero E
	prev, bytes := 0, uintptr(0)
	for i, sp := range s.list {
		if len(sp.mem) != 0 || cap(sp.mem) < prev || sp.stamp.round > b.round {
			invariantf("chunks of %T: %s spare %d has %d of %d values, after a spare of %d, stamp %d in round %d",
				zero, role, i, len(sp.mem), cap(sp.mem), prev, sp.stamp.round, b.round)
		}
		prev = cap(sp.mem)
		bytes += uintptr(cap(sp.mem)) * unsafe.Sizeof(zero)
	}
	if bytes != s.bytes {
		invariantf("chunks of %T: %s spares hold %d bytes, counted %d", zero, role, bytes, s.bytes)
	}
}

// checkFrames checks the open checkpoints: each is newer and not before
// the previous one, and within the arena.
func (b *Bump) checkFrames() {
	marks := 0
	for i, f := range b.frames {
		if f.bytes.chunks > len(b.bytes.chunks) || f.bytes.large > len(b.bytes.large) ||
			f.marks != marks || f.active > len(b.active) || f.cleanups > b.cleanupID {
			invariantf("checkpoint %d (%+v) outside the arena", i, f)
		}
		if n := f.bytes.chunks; n > 0 && f.bytes.used > cap(b.bytes.chunks[n-1]) {
			invariantf("checkpoint %d at offset %d of a %d-byte chunk", i, f.bytes.used, cap(b.bytes.chunks[n-1]))
		}
		if i > 0 {
			p := b.frames[i-1]
			if f.id <= p.id || f.bytes.chunks < p.bytes.chunks ||
				f.bytes.chunks == p.bytes.chunks && f.bytes.used < p.bytes.used ||
				f.bytes.large < p.bytes.large || f.active < p.active || f.cleanups < p.cleanups {
				invariantf("checkpoint %d (%+v) precedes checkpoint %d (%+v)", i, f, i-1, p)
			}
		}
		marks += f.active
	}
	if marks != len(b.marks) {
		invariantf("%d marks for checkpoints that saved %d", len(b.marks), marks)
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
