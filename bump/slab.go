package bump

import (
	"reflect"
	"unsafe"
)

// A slab holds the values of one pointer-holding type. Its chunks are
// made with make([]T, n), so the garbage collector scans them with T's
// pointer map: this is what keeps values reachable only through the arena
// alive. Pointer-free types never get a slab; they go in byte chunks.
type slab interface {
	allocate(b *Bump, n int) (unsafe.Pointer, error)
	resize(p unsafe.Pointer, oldN, newN int) bool
	free(b *Bump, p unsafe.Pointer, n int)
	// reset clears every value, keeps the largest chunk and drops the rest.
	reset(b *Bump)
	// mark and rewind save and restore the allocation position.
	mark() slabMark
	rewind(b *Bump, m slabMark)
	// setFloor protects allocations made so far from in-place resize and
	// free: they predate the newest checkpoint.
	setFloor(m *slabMark)
	chunkInfo(yield func(ChunkInfo) bool) bool
	// metadata returns the bytes of the slab's header and chunk lists.
	metadata() uintptr
	// verify checks the slab's invariants in the checked build and
	// returns the bytes its chunks hold.
	verify() uintptr
}

// A slabMark is a slab's allocation position, saved by a checkpoint.
type slabMark struct {
	chunk, used, large int
}

// typedSlab is the slab of T. Its chunks are bumped like byte chunks, in
// elements instead of bytes.
type typedSlab[T any] struct {
	cur    []T   // current chunk; len is the number of values in use
	chunks [][]T // every chunk; chunks[idx] is cur, later ones are empty spares
	idx    int
	floor  int // values below this index in cur predate the newest checkpoint
	large  [][]T
	lfloor int // large allocations below this index predate it too
	// dbg is the checked build's quarantine of released chunks; it is
	// empty (and takes no room) otherwise.
	dbg slabDebug[T]
	// roundHint is, after a Reset, how many values the last round used if
	// they did not fit the kept chunk: the next new chunk holds that many.
	roundHint int
}

// bump returns the next zeroed value of the current chunk, or nil if it is
// full or s is nil. It is small enough to inline into New.
func (s *typedSlab[T]) bump() *T {
	if s == nil {
		return nil
	}
	n := len(s.cur)
	if n < cap(s.cur) {
		s.cur = s.cur[:n+1]
		return &s.cur[n]
	}
	return nil
}

func (s *typedSlab[T]) allocate(b *Bump, n int) (unsafe.Pointer, error) {
	if u := len(s.cur); n <= cap(s.cur)-u {
		s.cur = s.cur[:u+n]
		return unsafe.Pointer(&s.cur[u]), nil
	}
	return s.allocateSlow(b, n)
}

func (s *typedSlab[T]) allocateSlow(b *Bump, n int) (unsafe.Pointer, error) {
	var zero T
	size := unsafe.Sizeof(zero)
	need := uintptr(n) * size // callers checked for overflow
	hint := uintptr(s.roundHint) * size
	if need > largeRequest && hint < need {
		if _, err := b.reserve(need, need); err != nil {
			return nil, s.errorf(n, err)
		}
		mem := make([]T, n)
		s.large = append(s.large, mem)
		return unsafe.Pointer(unsafe.SliceData(mem)), nil
	}
	// As for byte chunks, look at the spares before entering one, so that
	// a request that fails leaves the current chunk as it was.
	for i := s.idx + 1; i < len(s.chunks); i++ {
		if n <= cap(s.chunks[i]) {
			s.chunks[s.idx] = s.cur
			s.enter(i)
			s.cur = s.cur[:n]
			return unsafe.Pointer(&s.cur[0]), nil
		}
	}
	prev := uintptr(0)
	if k := len(s.chunks); k > 0 {
		prev = uintptr(cap(s.chunks[k-1])) * size
	}
	want := nextChunkSize(prev, need, hint)
	got, err := b.reserve(want-want%size, need)
	if err != nil {
		return nil, s.errorf(n, err)
	}
	s.roundHint = 0
	if len(s.chunks) > 0 {
		s.chunks[s.idx] = s.cur
	}
	// Near the limit reserve grants need rounded up for byte chunks; the
	// chunk holds whole values only, so account for exactly those.
	if r := got % size; r != 0 {
		b.allocated -= r
		got -= r
	}
	s.chunks = append(s.chunks, make([]T, 0, got/size))
	s.enter(len(s.chunks) - 1)
	s.cur = s.cur[:n]
	return unsafe.Pointer(&s.cur[0]), nil
}

func (s *typedSlab[T]) errorf(n int, err error) error {
	return allocError(reflect.TypeFor[T](), n, err)
}

func (s *typedSlab[T]) enter(i int) {
	s.idx = i
	s.cur = s.chunks[i]
	s.floor = 0
}

// index returns the position of p in the current chunk, if it is there.
func (s *typedSlab[T]) index(p unsafe.Pointer) (int, bool) {
	if cap(s.cur) == 0 {
		return 0, false
	}
	var zero T
	base := uintptr(unsafe.Pointer(unsafe.SliceData(s.cur)))
	d := uintptr(p) - base
	if uintptr(p) < base || d >= uintptr(cap(s.cur))*unsafe.Sizeof(zero) {
		return 0, false
	}
	return int(d / unsafe.Sizeof(zero)), true
}

// findLarge returns the index of the large allocation that starts at p
// and holds n values, if it was made after the newest checkpoint, so that
// it may be resized or freed; or -1. As for byte chunks, only requests of
// more than largeRequest bytes are large, and the search runs newest
// first.
func (s *typedSlab[T]) findLarge(p unsafe.Pointer, n int) int {
	var zero T
	if uintptr(n)*unsafe.Sizeof(zero) <= largeRequest {
		return -1
	}
	for i := len(s.large) - 1; i >= s.lfloor; i-- {
		if unsafe.Pointer(unsafe.SliceData(s.large[i])) == p {
			return i
		}
	}
	return -1
}

func (s *typedSlab[T]) resize(p unsafe.Pointer, oldN, newN int) bool {
	if i := s.findLarge(p, oldN); i >= 0 {
		l := s.large[i]
		// Shrinking to what a regular chunk would hold moves instead, which
		// releases the large allocation and keeps findLarge's size test
		// valid.
		var zero T
		if newN > len(l) || uintptr(newN)*unsafe.Sizeof(zero) <= largeRequest {
			return false
		}
		// Growing back after a shrink finds the values already cleared.
		if newN < oldN {
			clear(l[newN:oldN])
		}
		return true
	}
	i, ok := s.index(p)
	if !ok || i < s.floor || i+oldN != len(s.cur) || newN > cap(s.cur)-i {
		return false
	}
	if newN < oldN {
		clear(s.cur[i+newN : i+oldN])
	}
	s.cur = s.cur[:i+newN]
	return true
}

// free releases p's large allocation wherever it is in the list (which
// keeps checkpoints right, as for byte chunks: see Bump.freeBytes), or
// rewinds the current chunk if p is its newest allocation.
func (s *typedSlab[T]) free(b *Bump, p unsafe.Pointer, n int) {
	if i := s.findLarge(p, n); i >= 0 {
		var zero T
		b.allocated -= uintptr(len(s.large[i])) * unsafe.Sizeof(zero)
		last := len(s.large) - 1
		copy(s.large[i:], s.large[i+1:])
		s.large[last] = nil
		s.large = s.large[:last]
		return
	}
	// Clear even when the memory stays allocated (it is not the newest, or
	// it is in an older chunk), so that the arena does not keep the freed
	// values' referents alive. The caller guarantees p holds n values.
	clear(unsafe.Slice((*T)(p), n))
	if i, ok := s.index(p); ok && i >= s.floor && i+n == len(s.cur) {
		s.cur = s.cur[:i]
	}
}

func (s *typedSlab[T]) reset(b *Bump) {
	if len(s.chunks) > 0 {
		s.chunks[s.idx] = s.cur
	}
	// As for byte chunks, keep the largest chunk, regular or large, and
	// remember the size of the round if it did not fit in it.
	var keep []T
	used := 0
	for _, c := range s.chunks {
		used += len(c)
		if cap(c) > cap(keep) {
			keep = c
		}
	}
	for _, l := range s.large {
		used += len(l)
		if cap(l) > cap(keep) {
			keep = l
		}
	}
	if keep == nil {
		return
	}
	s.roundHint = 0
	if used > cap(keep) {
		s.roundHint = used + used/8
	}
	if debugBuild {
		keep = s.releaseAll(keep)
	}
	var zero T
	for _, c := range s.chunks {
		b.allocated -= uintptr(cap(c)) * unsafe.Sizeof(zero)
	}
	s.dropLarge(b, 0)
	// A regular chunk's length is its used part; a large one is all used.
	clear(keep)
	b.allocated += uintptr(cap(keep)) * unsafe.Sizeof(zero)
	clear(s.chunks)
	s.chunks = append(s.chunks[:0], keep[:0])
	s.enter(0)
}

func (s *typedSlab[T]) dropLarge(b *Bump, from int) {
	var zero T
	for _, l := range s.large[from:] {
		b.allocated -= uintptr(len(l)) * unsafe.Sizeof(zero)
	}
	clear(s.large[from:])
	s.large = s.large[:from]
	s.lfloor = min(s.lfloor, from)
}

func (s *typedSlab[T]) mark() slabMark {
	return slabMark{chunk: s.idx, used: len(s.cur), large: len(s.large)}
}

func (s *typedSlab[T]) rewind(b *Bump, m slabMark) {
	if len(s.chunks) == 0 {
		if debugBuild {
			s.releaseLarge(min(m.large, len(s.large)))
		}
		s.dropLarge(b, min(m.large, len(s.large)))
		return
	}
	s.chunks[s.idx] = s.cur
	for i := m.chunk + 1; i <= s.idx; i++ {
		s.chunks[i] = s.recycle(s.chunks[i])
	}
	s.enter(m.chunk)
	if m.used < len(s.cur) {
		if debugBuild {
			s.split(m.used)
		} else {
			clear(s.cur[m.used:])
			s.cur = s.cur[:m.used]
		}
	}
	if debugBuild {
		s.skipFull()
		s.releaseLarge(min(m.large, len(s.large)))
	}
	s.dropLarge(b, min(m.large, len(s.large)))
}

func (s *typedSlab[T]) setFloor(m *slabMark) {
	s.floor, s.lfloor = 0, 0
	if m != nil {
		if m.chunk == s.idx {
			s.floor = m.used
		}
		s.lfloor = m.large
	}
}

func (s *typedSlab[T]) chunkInfo(yield func(ChunkInfo) bool) bool {
	var zero T
	size := int(unsafe.Sizeof(zero))
	typ := reflect.TypeFor[T]()
	if len(s.chunks) > 0 {
		s.chunks[s.idx] = s.cur
	}
	for _, c := range s.chunks {
		if !yield(ChunkInfo{Elem: typ, Capacity: cap(c) * size, Used: len(c) * size}) {
			return false
		}
	}
	for _, l := range s.large {
		if !yield(ChunkInfo{Elem: typ, Capacity: len(l) * size, Used: len(l) * size, Large: true}) {
			return false
		}
	}
	return true
}

func (s *typedSlab[T]) metadata() uintptr {
	return unsafe.Sizeof(*s) + uintptr(cap(s.chunks)+cap(s.large))*unsafe.Sizeof([]T(nil))
}
