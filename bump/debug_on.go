//go:build bumpdebug

package bump

import (
	"reflect"
	"slices"
	"unsafe"
)

// debugBuild reports whether this is the checked build (-tags bumpdebug).
// Every hook of the checked build is guarded by it, so that the normal
// build compiles them away.
const debugBuild = true

// In the checked build, released memory is never handed out again while
// a stale pointer is likely to reach it:
//
//   - Byte chunks (pointer-free values) are page-aligned. When the arena
//     releases one (Reset, ResetTo, Free of a large allocation) its whole
//     pages are protected against any access and put in quarantine (see
//     quarantine.go); the arena continues in a fresh chunk. ResetTo within
//     a chunk cuts the chunk at the checkpoint: the rewound part is
//     protected from the first page boundary on, filled with a pattern
//     before it, and bumping continues in a fresh chunk of the size the
//     rewound part had, so the arena's accounting does not change.
//   - Slab chunks (pointer-holding values) must stay memory the garbage
//     collector scans, so they cannot be protected. Released values are
//     poisoned instead: pointers and the pointer words of strings,
//     slices and interfaces become nil (lengths zero), every other scalar
//     is filled with poisonByte. The chunk is then not reused until
//     slabQuarantine later releases of the same type have happened.

// newByteChunk returns a zeroed, page-aligned chunk of n bytes for
// pointer-free values.
func newByteChunk(n uintptr) []byte { return pageAlignedBytes(n) }

// releaseByteChunk protects the pages of a chunk the arena no longer uses
// and quarantines it.
func releaseByteChunk(mem []byte) { quarantineBytes(mem[:cap(mem)]) }

// recycleByteChunk releases mem if any of it was used, and returns a fresh
// chunk of the same size in its place.
func recycleByteChunk(mem []byte, used uintptr) []byte {
	if used == 0 {
		return mem
	}
	releaseByteChunk(mem)
	return newByteChunk(uintptr(len(mem)))
}

// releaseChunks is Reset's hook: it releases every used byte chunk and
// every large chunk, and returns a fresh chunk of keep's size to keep
// instead of keep.
func (b *Bump) releaseChunks(keep []byte, keepUsed uintptr) ([]byte, uintptr) {
	for _, c := range b.chunks {
		if c.used > 0 {
			releaseByteChunk(c.mem)
		}
	}
	for _, c := range b.large {
		releaseByteChunk(c.mem)
	}
	if keepUsed == 0 {
		return keep, 0 // an unused regular chunk: nothing in it is stale
	}
	return newByteChunk(uintptr(len(keep))), 0
}

// releaseLarge releases the large chunks from index from on, which
// ResetTo is about to drop.
func (b *Bump) releaseLarge(from int) {
	for _, c := range b.large[from:] {
		releaseByteChunk(c.mem)
	}
}

// splitChunk is ResetTo's hook for the chunk it rewinds into: instead of
// clearing chunks[i] past off for reuse, it cuts the chunk there,
// quarantines the rest, and puts a fresh chunk of the same size after it
// for the allocations that follow.
func (b *Bump) splitChunk(i int, off uintptr) {
	c := &b.chunks[i]
	rest := uintptr(len(c.mem)) - off
	quarantineBytes(c.mem[off:cap(c.mem)])
	c.mem = c.mem[:off:cap(c.mem)]
	c.used = off
	if rest > 0 {
		b.chunks = slices.Insert(b.chunks, i+1, byteChunk{mem: newByteChunk(rest)})
	}
}

// skipFullChunk moves a rewound arena whose chunk is full to the empty
// chunk after it, which splitChunk made to stand for the rewound part.
func (b *Bump) skipFullChunk() {
	if b.off == b.cap && b.cur+1 < len(b.chunks) && b.chunks[b.cur+1].used == 0 {
		b.chunks[b.cur].used = b.off
		b.enterChunk(b.cur + 1)
	}
}

// slabQuarantine is how many released chunks of each pointer-holding
// type stay poisoned before one may be reused.
const slabQuarantine = 4

// poisonByte fills the scalar words of released pointer-holding values.
// A uint64 reads as 0xa5a5a5a5a5a5a5a5, which no lifecheck Tag id ever
// is. Bools get 1 instead, the only other valid bool.
const poisonByte = 0xa5

// slabDebug is the checked build's state of a typedSlab.
type slabDebug[T any] struct {
	quarantine [][]T // poisoned chunks, oldest first
	spare      [][]T // chunks out of quarantine, for reuse
	runs       []scalarRun
	runsReady  bool
}

// A scalarRun is a range of bytes in a value that holds neither a pointer
// nor the length of a string, slice or interface.
type scalarRun struct {
	off, n uintptr
	fill   byte
}

// scalarRuns appends to runs the scalar byte ranges of a value of type t
// at offset off, merging adjacent ranges with the same fill.
func scalarRuns(t reflect.Type, off uintptr, runs []scalarRun) []scalarRun {
	switch t.Kind() {
	case reflect.Bool:
		return addRun(runs, scalarRun{off, 1, 1})
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return addRun(runs, scalarRun{off, t.Size(), poisonByte})
	case reflect.Array:
		for i := range t.Len() {
			runs = scalarRuns(t.Elem(), off+uintptr(i)*t.Elem().Size(), runs)
		}
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			runs = scalarRuns(f.Type, off+f.Offset, runs)
		}
	}
	// Pointers, maps, channels, funcs, unsafe.Pointer: nil. Strings,
	// slices and interfaces: nil and zero length, so that a stale read sees
	// an empty value rather than a length with no storage behind it.
	return runs
}

func addRun(runs []scalarRun, r scalarRun) []scalarRun {
	if n := len(runs); n > 0 {
		if last := &runs[n-1]; last.fill == r.fill && last.off+last.n == r.off {
			last.n += r.n
			return runs
		}
	}
	return append(runs, r)
}

// poison clears vals (with the write barriers a typed clear has, so the
// garbage collector sees the pointers go) and then writes the pattern
// into their scalar bytes only: a pointer slot never holds anything but
// nil.
func (s *typedSlab[T]) poison(vals []T) {
	clear(vals)
	d := &s.dbg
	if !d.runsReady {
		d.runs = scalarRuns(reflect.TypeFor[T](), 0, nil)
		d.runsReady = true
	}
	if len(d.runs) == 0 || len(vals) == 0 {
		return
	}
	size := unsafe.Sizeof(vals[0])
	base := unsafe.Pointer(unsafe.SliceData(vals))
	for i := range vals {
		// Sound: the run lies within vals[i] and holds no pointer.
		p := unsafe.Add(base, uintptr(i)*size)
		for _, r := range d.runs {
			fill := unsafe.Slice((*byte)(unsafe.Add(p, r.off)), r.n)
			for j := range fill {
				fill[j] = r.fill
			}
		}
	}
}

// retire poisons the values in use in c and quarantines it; the chunk
// that leaves the quarantine becomes a spare.
func (s *typedSlab[T]) retire(c []T) {
	s.poison(c)
	d := &s.dbg
	d.quarantine = append(d.quarantine, c)
	if len(d.quarantine) > slabQuarantine {
		old := d.quarantine[0]
		copy(d.quarantine, d.quarantine[1:])
		d.quarantine[len(d.quarantine)-1] = nil
		d.quarantine = d.quarantine[:len(d.quarantine)-1]
		if len(d.spare) == slabQuarantine {
			copy(d.spare, d.spare[1:])
			d.spare = d.spare[:len(d.spare)-1]
		}
		d.spare = append(d.spare, old)
	}
}

// fresh returns an empty chunk with capacity n: a spare if one has that
// capacity, otherwise a new one.
func (s *typedSlab[T]) fresh(n int) []T {
	d := &s.dbg
	for i, c := range d.spare {
		if cap(c) == n {
			d.spare = slices.Delete(d.spare, i, i+1)
			clear(c[:cap(c)])
			return c[:0]
		}
	}
	return make([]T, 0, n)
}

// recycle returns, for the chunk c of a slab, a fresh empty chunk of the
// same capacity, retiring c if any of it was used.
func (s *typedSlab[T]) recycle(c []T) []T {
	if len(c) == 0 {
		return c
	}
	s.retire(c)
	return s.fresh(cap(c))
}

// releaseAll is Reset's hook: it retires every used chunk and every large
// allocation, and returns a fresh chunk of keep's capacity to keep.
func (s *typedSlab[T]) releaseAll(keep []T) []T {
	for _, c := range s.chunks {
		if len(c) > 0 {
			s.retire(c)
		}
	}
	for _, l := range s.large {
		s.retire(l)
	}
	if len(keep) == 0 {
		return keep
	}
	return s.fresh(cap(keep))
}

// split is rewind's hook for the chunk it rewinds into: it cuts the
// current chunk at used, retires the rest, and puts a fresh chunk of the
// rest's capacity after it.
func (s *typedSlab[T]) split(used int) {
	rest := s.cur[used:]
	s.cur = s.cur[:used:used]
	s.chunks[s.idx] = s.cur
	s.retire(rest)
	s.chunks = slices.Insert(s.chunks, s.idx+1, s.fresh(cap(rest)))
}

// skipFull moves a rewound slab whose chunk is full to the empty chunk
// after it.
func (s *typedSlab[T]) skipFull() {
	if len(s.cur) == cap(s.cur) && s.idx+1 < len(s.chunks) && len(s.chunks[s.idx+1]) == 0 {
		s.chunks[s.idx] = s.cur
		s.enter(s.idx + 1)
	}
}

// releaseLarge retires the large allocations from index from on.
func (s *typedSlab[T]) releaseLarge(from int) {
	for _, l := range s.large[from:] {
		s.retire(l)
	}
}
