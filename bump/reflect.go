package bump

import (
	"reflect"
	"sync"
	"unsafe"
)

// reflectLayouts holds the Layouts made by LayoutFor, by type.
var reflectLayouts sync.Map // reflect.Type -> *typeInfo

// LayoutFor returns the Layout of t, for code that learns its types at
// run time, such as a decoder driven by reflect. Values allocated with it
// get the same treatment as with [LayoutOf]: pointer-free types go in
// byte chunks, pointer-holding types in memory the garbage collector scans
// with t's type. It panics if t is nil.
//
// LayoutFor(reflect.TypeFor[T]()) describes the same values as
// LayoutOf[T](), but the two are separate Layouts: an arena keeps the
// pointer-holding values of each in storage of its own.
func LayoutFor(t reflect.Type) Layout {
	if t == nil {
		panic("bump: LayoutFor: nil type")
	}
	if ti, ok := reflectLayouts.Load(t); ok {
		return Layout{ti.(*typeInfo)}
	}
	ti := &typeInfo{
		typ:      t,
		size:     t.Size(),
		align:    uintptr(t.Align()),
		pointers: hasPointers(t),
	}
	// The typeInfo's own address is its key: it never equals a runtime
	// type descriptor, the keys of LayoutOf.
	ti.key = unsafe.Pointer(ti)
	st := reflect.SliceOf(t)
	ti.makeHeap = func(n int) unsafe.Pointer { return reflect.MakeSlice(st, n, n).UnsafePointer() }
	ti.newSlab = func() slab { return &reflectSlab{t: t, st: st, size: t.Size()} }
	actual, _ := reflectLayouts.LoadOrStore(t, ti)
	return Layout{actual.(*typeInfo)}
}

// A reflectChunk is a slab chunk made with reflect.MakeSlice.
type reflectChunk struct {
	v    reflect.Value // the slice; it keeps the chunk alive and clears it typed
	base unsafe.Pointer
	n    int // capacity in values
	used int
}

// reflectSlab is the slab of a pointer-holding type known through
// reflect: typedSlab's algorithm (bump in the current chunk, spares after
// a rewind, a dedicated allocation for a large request, keep the largest
// chunk at Reset), with chunks made and cleared through reflect.
type reflectSlab struct {
	t, st     reflect.Type
	size      uintptr
	chunks    []reflectChunk // chunks[idx] is current, later ones are empty spares
	idx       int
	floor     int // values below this index in the current chunk predate the newest checkpoint
	large     []reflectChunk
	lfloor    int
	roundHint int
	runs      []scalarRun // the checked build's poison pattern, once computed
	runsReady bool
}

func (s *reflectSlab) newChunk(n int) reflectChunk {
	v := reflect.MakeSlice(s.st, n, n)
	return reflectChunk{v: v, base: v.UnsafePointer(), n: n}
}

// zero clears the values [i, j) of c with the write barriers a typed
// clear has, so that the garbage collector sees their pointers go.
func (s *reflectSlab) zero(c *reflectChunk, i, j int) {
	for k := i; k < j; k++ {
		c.v.Index(k).SetZero()
	}
}

// discard is what happens to the used values of a chunk the slab drops.
// The checked build clears them and poisons their scalar bytes, so that a
// reference kept past the release reads poison; the normal build leaves
// them to the garbage collector.
func (s *reflectSlab) discard(c *reflectChunk) {
	if !debugBuild {
		return
	}
	s.zero(c, 0, c.used)
	if !s.runsReady {
		s.runs = scalarRuns(s.t, 0, nil)
		s.runsReady = true
	}
	for k := range c.used {
		// Sound: each run lies within value k and holds no pointer.
		p := unsafe.Add(c.base, uintptr(k)*s.size)
		for _, r := range s.runs {
			fill := unsafe.Slice((*byte)(unsafe.Add(p, r.off)), r.n)
			for x := range fill {
				fill[x] = r.fill
			}
		}
	}
}

// recycle returns a chunk that was in use, cleared for reuse. The checked
// build discards a used chunk and returns a fresh one of its capacity
// instead, so that no reference kept across a reset or rewind ever sees
// new data.
func (s *reflectSlab) recycle(c *reflectChunk) reflectChunk {
	if debugBuild && c.used > 0 {
		s.discard(c)
		return s.newChunk(c.n)
	}
	s.zero(c, 0, c.used)
	c.used = 0
	return *c
}

func (s *reflectSlab) allocate(b *Bump, n int) (unsafe.Pointer, error) {
	if len(s.chunks) > 0 {
		c := &s.chunks[s.idx]
		if n <= c.n-c.used {
			p := unsafe.Add(c.base, uintptr(c.used)*s.size)
			c.used += n
			return p, nil
		}
	}
	need := uintptr(n) * s.size // callers checked for overflow
	hint := uintptr(s.roundHint) * s.size
	if need > largeRequest && hint < need {
		if _, err := b.reserve(need, need); err != nil {
			return nil, allocError(s.t, n, err)
		}
		c := s.newChunk(n)
		c.used = n
		s.large = append(s.large, c)
		return c.base, nil
	}
	for i := s.idx + 1; i < len(s.chunks); i++ {
		if n <= s.chunks[i].n {
			s.enter(i)
			s.chunks[i].used = n
			return s.chunks[i].base, nil
		}
	}
	prev := uintptr(0)
	if k := len(s.chunks); k > 0 {
		prev = uintptr(s.chunks[k-1].n) * s.size
	}
	want := nextChunkSize(prev, need, hint)
	got, err := b.reserve(want-want%s.size, need)
	if err != nil {
		return nil, allocError(s.t, n, err)
	}
	s.roundHint = 0
	if r := got % s.size; r != 0 {
		b.allocated -= r
		got -= r
	}
	s.chunks = append(s.chunks, s.newChunk(int(got/s.size)))
	s.enter(len(s.chunks) - 1)
	s.chunks[s.idx].used = n
	return s.chunks[s.idx].base, nil
}

func (s *reflectSlab) enter(i int) {
	s.idx = i
	s.floor = 0
}

// last reports whether the n values at p end the current chunk after the
// floor, returning their index.
func (s *reflectSlab) last(p unsafe.Pointer, n int) (int, bool) {
	if len(s.chunks) == 0 {
		return 0, false
	}
	c := &s.chunks[s.idx]
	d := uintptr(p) - uintptr(c.base)
	if uintptr(p) < uintptr(c.base) || d >= uintptr(c.n)*s.size {
		return 0, false
	}
	i := int(d / s.size)
	return i, i >= s.floor && i+n == c.used
}

// findLarge is typedSlab.findLarge.
func (s *reflectSlab) findLarge(p unsafe.Pointer, n int) int {
	if uintptr(n)*s.size <= largeRequest {
		return -1
	}
	for i := len(s.large) - 1; i >= s.lfloor; i-- {
		if s.large[i].base == p {
			return i
		}
	}
	return -1
}

func (s *reflectSlab) resize(p unsafe.Pointer, oldN, newN int) bool {
	if i := s.findLarge(p, oldN); i >= 0 {
		l := &s.large[i]
		if newN > l.n || uintptr(newN)*s.size <= largeRequest {
			return false
		}
		if newN < oldN {
			s.zero(l, newN, oldN)
		}
		return true
	}
	i, ok := s.last(p, oldN)
	c := &s.chunks[s.idx]
	if !ok || newN > c.n-i {
		return false
	}
	if newN < oldN {
		s.zero(c, i+newN, i+oldN)
	}
	c.used = i + newN
	return true
}

func (s *reflectSlab) free(b *Bump, p unsafe.Pointer, n int) {
	if i := s.findLarge(p, n); i >= 0 {
		b.allocated -= uintptr(s.large[i].n) * s.size
		s.discard(&s.large[i])
		last := len(s.large) - 1
		copy(s.large[i:], s.large[i+1:])
		s.large[last] = reflectChunk{}
		s.large = s.large[:last]
		return
	}
	if i, ok := s.last(p, n); ok {
		c := &s.chunks[s.idx]
		s.zero(c, i, i+n)
		c.used = i
		return
	}
	// Clear even when the memory stays allocated, as typedSlab does, so
	// that the arena does not keep the freed values' referents alive.
	for k := range n {
		// Sound: the caller guarantees p holds n values of t.
		reflect.NewAt(s.t, unsafe.Add(p, uintptr(k)*s.size)).Elem().SetZero()
	}
}

func (s *reflectSlab) reset(b *Bump) {
	// As typedSlab: keep the largest chunk, regular or large, and remember
	// the size of the round if it did not fit in it.
	var keep *reflectChunk
	used := 0
	for i := range s.chunks {
		used += s.chunks[i].used
		if keep == nil || s.chunks[i].n > keep.n {
			keep = &s.chunks[i]
		}
	}
	for i := range s.large {
		used += s.large[i].used
		if keep == nil || s.large[i].n > keep.n {
			keep = &s.large[i]
		}
	}
	if keep == nil {
		return
	}
	s.roundHint = 0
	if used > keep.n {
		s.roundHint = used + used/8
	}
	kept := s.recycle(keep)
	for i := range s.chunks {
		b.allocated -= uintptr(s.chunks[i].n) * s.size
		if &s.chunks[i] != keep {
			s.discard(&s.chunks[i])
		}
	}
	for i := range s.large {
		if &s.large[i] != keep {
			s.discard(&s.large[i])
		}
	}
	s.dropLarge(b, 0)
	b.allocated += uintptr(kept.n) * s.size
	clear(s.chunks)
	s.chunks = append(s.chunks[:0], kept)
	s.enter(0)
}

func (s *reflectSlab) dropLarge(b *Bump, from int) {
	for _, l := range s.large[from:] {
		b.allocated -= uintptr(l.n) * s.size
	}
	clear(s.large[from:])
	s.large = s.large[:from]
	s.lfloor = min(s.lfloor, from)
}

func (s *reflectSlab) mark() slabMark {
	m := slabMark{chunk: s.idx, large: len(s.large)}
	if len(s.chunks) > 0 {
		m.used = s.chunks[s.idx].used
	}
	return m
}

func (s *reflectSlab) rewind(b *Bump, m slabMark) {
	from := min(m.large, len(s.large))
	for i := range s.large[from:] {
		s.discard(&s.large[from+i])
	}
	s.dropLarge(b, from)
	if len(s.chunks) == 0 {
		return
	}
	for i := m.chunk + 1; i <= s.idx; i++ {
		s.chunks[i] = s.recycle(&s.chunks[i])
	}
	s.enter(m.chunk)
	c := &s.chunks[m.chunk]
	if m.used >= c.used {
		return
	}
	if debugBuild {
		// Poison the values after the mark and leave them in use until
		// the next Reset rather than hand them out again.
		tail := reflectChunk{base: unsafe.Add(c.base, uintptr(m.used)*s.size), n: c.n - m.used, used: c.used - m.used, v: c.v.Slice(m.used, c.n)}
		s.discard(&tail)
		return
	}
	s.zero(c, m.used, c.used)
	c.used = m.used
}

func (s *reflectSlab) setFloor(m *slabMark) {
	s.floor, s.lfloor = 0, 0
	if m != nil {
		if m.chunk == s.idx {
			s.floor = m.used
		}
		s.lfloor = m.large
	}
}

func (s *reflectSlab) chunkInfo(yield func(ChunkInfo) bool) bool {
	size := int(s.size)
	for _, c := range s.chunks {
		if !yield(ChunkInfo{Elem: s.t, Capacity: c.n * size, Used: c.used * size}) {
			return false
		}
	}
	for _, l := range s.large {
		if !yield(ChunkInfo{Elem: s.t, Capacity: l.n * size, Used: l.n * size, Large: true}) {
			return false
		}
	}
	return true
}

func (s *reflectSlab) metadata() uintptr {
	return unsafe.Sizeof(*s) + uintptr(cap(s.chunks)+cap(s.large))*unsafe.Sizeof(reflectChunk{})
}

// verify checks the slab's invariants in the checked build and returns
// the bytes its chunks hold.
func (s *reflectSlab) verify() uintptr {
	held := uintptr(0)
	if len(s.chunks) > 0 && (s.idx >= len(s.chunks) || s.floor > s.chunks[s.idx].used) || s.lfloor > len(s.large) {
		invariantf("slab of %v: chunk %d of %d, floor %d, large floor %d of %d",
			s.t, s.idx, len(s.chunks), s.floor, s.lfloor, len(s.large))
	}
	for i, c := range s.chunks {
		if i > s.idx && c.used != 0 {
			invariantf("slab of %v: spare chunk %d holds %d values", s.t, i, c.used)
		}
		held += uintptr(c.n) * s.size
	}
	for _, l := range s.large {
		held += uintptr(l.n) * s.size
	}
	return held
}
