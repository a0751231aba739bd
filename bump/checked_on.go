//go:build bumpdebug

package bump

import (
	"reflect"
	"slices"
	"unsafe"
)

// checkedBuild reports whether this is the checked build (-tags bumpdebug).
// Every hook of the checked build is guarded by it, so that the normal
// build compiles them away.
const checkedBuild = true

// In the checked build, released memory is never handed out again while
// a stale pointer is likely to reach it:
//
//   - Byte chunks (pointer-free values) are page-aligned. When the arena
//     releases one (Reset, ResetTo, Free of a large allocation) its whole
//     pages are protected against any access and put in quarantine (see
//     checked_quarantine.go); the arena continues in a fresh chunk. ResetTo within
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

// isBytes reports whether l is a Bump's byte list: only it has bytes for
// elements, since a slab's type holds pointers.
func (l *chunkList[E]) isBytes() bool {
	var zero E
	_, ok := any(zero).(byte)
	return ok
}

// asBytes returns the memory of c, up to its capacity, as bytes.
func asBytes[E any](c []E) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(c))), uintptr(cap(c))*elemSize[E]())
}

// toPageEnd returns the memory of the byte chunk (or the end of one) c,
// up to the end of its last page: fresh makes byte chunks of whole pages,
// of which a chunk's capacity uses only what the arena accounts for, so
// that quarantine can protect all of a chunk however small.
func toPageEnd[E any](c []E) []byte {
	base := uintptr(unsafe.Pointer(unsafe.SliceData(c)))
	end := (base + uintptr(cap(c))*elemSize[E]() + pageSize - 1) &^ (pageSize - 1)
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(c))), end-base)
}

// fresh returns a new empty chunk of capacity n: page-aligned for the
// byte list, one out of the slab's quarantine if it has one of that
// capacity.
func (l *chunkList[E]) fresh(n int) []E {
	if l.isBytes() {
		// The pages past n stay unused, so that the chunk's capacity is
		// what the arena accounts for.
		p := pageAlignedBytes(uintptr(n))[:0:n]
		return unsafe.Slice((*E)(unsafe.Pointer(unsafe.SliceData(p))), n)[:0]
	}
	d := &l.dbg
	for i, c := range d.spare {
		if cap(c) == n {
			d.spare = slices.Delete(d.spare, i, i+1)
			clear(c[:cap(c)])
			return c[:0]
		}
	}
	if l.makeChunk != nil {
		return l.makeChunk(n)
	}
	return make([]E, 0, n)
}

// poisonAs sets the type whose scalars poison fills in released values,
// when it is not E: a slab of a type known through reflect is a list of
// words.
func (l *chunkList[E]) poisonAs(t reflect.Type) { l.dbg.typ = t }

// recycle quarantines the chunk c if any of it was used, and returns a
// fresh empty chunk of the same capacity in its place.
func (l *chunkList[E]) recycle(c []E) []E {
	if len(c) == 0 {
		return c
	}
	l.quarantine(c)
	return l.fresh(cap(c))
}

// quarantine takes the chunk c, whose length is what was used of it, out
// of use: a byte chunk's pages are protected, a slab chunk's values
// poisoned and the chunk kept from reuse for a while.
func (l *chunkList[E]) quarantine(c []E) {
	if l.isBytes() {
		quarantineBytes(toPageEnd(c))
		return
	}
	l.poison(c)
	d := &l.dbg
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

// cutChecked is rewind's hook for the chunk it rewinds into: instead of
// clearing c past used for reuse, it cuts the chunk there, quarantines
// the rest, and continues in a fresh chunk of the rest's capacity, so that
// the arena's accounting and room are those of the normal build. It
// returns the chunk to continue in.
func (l *chunkList[E]) cutChecked(c []E, used int) []E {
	rest := c[used:]
	l.quarantine(rest)
	l.chunks[len(l.chunks)-1] = c[:used:used]
	if cap(rest) == 0 {
		return c[:used:used]
	}
	f := l.fresh(cap(rest))
	l.before += used
	l.chunks = append(l.chunks, f)
	return f
}

// slabQuarantine is how many released chunks of each pointer-holding
// type stay poisoned before one may be reused.
const slabQuarantine = 4

// poisonByte fills the scalar words of released pointer-holding values.
// A uint64 reads as 0xa5a5a5a5a5a5a5a5, which no lifecheck Tag id ever
// is. Bools get 1 instead, the only other valid bool.
const poisonByte = 0xa5

// listDebug is the checked build's state of a slab's chunk list.
type listDebug[E any] struct {
	typ        reflect.Type // the type of the values, if not E (see poisonAs)
	quarantine [][]E        // poisoned chunks, oldest first
	spare      [][]E        // chunks out of quarantine, for reuse
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
func (l *chunkList[E]) poison(vals []E) {
	clear(vals)
	d := &l.dbg
	t := d.typ
	if t == nil {
		t = reflect.TypeFor[E]()
	}
	if !d.runsReady {
		d.runs = scalarRuns(t, 0, nil)
		d.runsReady = true
	}
	if len(d.runs) == 0 || len(vals) == 0 {
		return
	}
	size := t.Size()
	base := unsafe.Pointer(unsafe.SliceData(vals))
	n := uintptr(len(vals)) * unsafe.Sizeof(vals[0]) / size
	for i := range n {
		// Sound: the run lies within value i and holds no pointer.
		p := unsafe.Add(base, i*size)
		for _, r := range d.runs {
			fill := unsafe.Slice((*byte)(unsafe.Add(p, r.off)), r.n)
			for j := range fill {
				fill[j] = r.fill
			}
		}
	}
}
