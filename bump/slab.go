package bump

import (
	"reflect"
	"sync"
	"unsafe"
)

// A resetter is what must hear about a Bump's resets and checkpoints: a
// slab, whose chunks they free, or a Typed handle, whose window they
// move. The Bump tells only the resetters active since its last reset
// (see Bump.activate), so that a checkpoint costs what the round touched,
// not every type the arena has ever seen.
type resetter interface {
	// mark returns the position a checkpoint saves.
	mark() listMark
	// rewind returns to a position taken by mark in this round; the zero
	// listMark is the position at the start of the round.
	rewind(b *Bump, m listMark)
	// reset frees everything of this round.
	reset(b *Bump)
}

// A slab holds the values of one pointer-holding type. Its chunks are
// made with make([]T, n), so the garbage collector scans them with T's
// pointer map: this is what keeps values reachable only through the arena
// alive. Pointer-free types never get a slab; they go in byte chunks.
type slab interface {
	resetter
	allocate(b *Bump, n int) (unsafe.Pointer, error)
	resize(b *Bump, p unsafe.Pointer, oldN, newN int) bool
	free(b *Bump, p unsafe.Pointer, n int)
	// setFloor protects the allocations before the mark (nil for none)
	// from in-place resize and free.
	setFloor(m *listMark)
	// list returns the slab's storage, for the policies that look at every
	// kind of storage the same way (retention, statistics, reporting).
	list() storage
	// state returns what every slab has beside its chunks.
	state() *slabState
	// share makes the slab take the family's lock mu around its spares,
	// and use those of home (the root's slab for its type) if not nil;
	// share(nil, nil) stops it (see fork.go).
	share(home slab, mu *sync.Mutex)
	// adopt takes every chunk of child, a joined arena's slab for the same
	// type, as joined chunks, and returns their bytes.
	adopt(child slab) uintptr
}

// slabState is what every slab has beside its chunks.
type slabState struct {
	elem   reflect.Type
	layout Layout
	// active is the Bump's round plus one while the slab has been used
	// since the Bump's last reset (see Bump.activate).
	active uint64
}

func (s *slabState) state() *slabState { return s }

// activate records in b that the slab r, whose state s is, is used.
func (s *slabState) activate(b *Bump, r resetter) { b.activate(r, &s.active) }

// storage is what the Bump asks of every chunk list whatever its element
// type: the byte list and each slab's.
type storage interface {
	decay(b *Bump)
	held() uintptr
	inUse() uintptr
	slack() uintptr
	trimSpares(b *Bump, limit uintptr)
	shed(b *Bump)
	chunkInfo(typ ChunkInfo, yield func(ChunkInfo) bool) bool
	metadata() uintptr
	// verify checks the list's invariants in the checked build and returns
	// the bytes its chunks hold; spareBytes returns those of its spares.
	verify(b *Bump) uintptr
	spareBytes() uintptr
}

// typedSlab is the slab of T: a chunk list of T values, bumped in
// values.
type typedSlab[T any] struct {
	chunkList[T]
	slabState
}

func newTypedSlab[T any](l Layout) slab {
	return &typedSlab[T]{slabState: slabState{elem: reflect.TypeFor[T](), layout: l}}
}

func (s *typedSlab[T]) list() storage { return s }

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
	s.activate(b, s)
	if u := len(s.cur); n <= cap(s.cur)-u {
		s.cur = s.cur[:u+n]
		return unsafe.Pointer(&s.cur[u]), nil
	}
	p, err := s.alloc(b, n)
	if err != nil {
		return nil, allocError(s.elem, n, err)
	}
	return p, nil
}

func (s *typedSlab[T]) resize(b *Bump, p unsafe.Pointer, oldN, newN int) bool {
	return s.resizeValues(b, p, oldN, newN)
}

func (s *typedSlab[T]) free(b *Bump, p unsafe.Pointer, n int) {
	s.freeValues(b, p, n)
}

func (s *typedSlab[T]) chunkInfo(_ ChunkInfo, yield func(ChunkInfo) bool) bool {
	return s.chunkList.chunkInfo(ChunkInfo{Elem: s.elem}, yield)
}

func (s *typedSlab[T]) share(home slab, mu *sync.Mutex) {
	s.mu = mu
	if home != nil {
		s.home = &home.(*typedSlab[T]).chunkList
	}
}

func (s *typedSlab[T]) adopt(child slab) uintptr {
	return s.chunkList.adopt(&child.(*typedSlab[T]).chunkList)
}

func (s *typedSlab[T]) metadata() uintptr {
	return unsafe.Sizeof(*s) + s.chunkList.metadata()
}
