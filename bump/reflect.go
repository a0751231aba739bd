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
	ti.newSlab = func(l Layout) slab { return newReflectSlab(l) }
	actual, _ := reflectLayouts.LoadOrStore(t, ti)
	return Layout{actual.(*typeInfo)}
}

// reflectSlab is the slab of a pointer-holding type known only through
// reflect. It is the chunk list of every slab, over the type's words:
// its chunks are slices of the type made with reflect.MakeSlice, so the
// garbage collector scans them with the type's pointer map whatever the
// list's element type, and clearing them as words goes through the write
// barriers of pointer memory. Every request and chunk is a whole number
// of values (the list's granule).
type reflectSlab struct {
	chunkList[unsafe.Pointer]
	slabState
	words int // words in a value
}

func newReflectSlab(l Layout) slab {
	// A pointer-holding type is aligned to a pointer, so its size is a
	// whole number of words.
	t := l.t.typ
	s := &reflectSlab{slabState: slabState{elem: t, layout: l}, words: int(t.Size() / unsafe.Sizeof(unsafe.Pointer(nil)))}
	st := reflect.SliceOf(t)
	s.granule = s.words
	s.makeChunk = func(n int) []unsafe.Pointer {
		v := reflect.MakeSlice(st, n/s.words, n/s.words)
		// Sound: the slice of n/words values is n words long.
		return unsafe.Slice((*unsafe.Pointer)(v.UnsafePointer()), n)[:0]
	}
	s.poisonAs(t)
	return s
}

func (s *reflectSlab) list() storage { return s }

func (s *reflectSlab) allocate(b *Bump, n int) (unsafe.Pointer, error) {
	s.activate(b, s)
	k := n * s.words
	if u := len(s.cur); k <= cap(s.cur)-u {
		s.cur = s.cur[:u+k]
		return unsafe.Pointer(&s.cur[u]), nil
	}
	p, err := s.alloc(b, k)
	if err != nil {
		return nil, allocError(s.elem, n, err)
	}
	return p, nil
}

func (s *reflectSlab) resize(b *Bump, p unsafe.Pointer, oldN, newN int) bool {
	return s.resizeValues(b, p, oldN*s.words, newN*s.words)
}

func (s *reflectSlab) free(b *Bump, p unsafe.Pointer, n int) {
	s.freeValues(b, p, n*s.words)
}

func (s *reflectSlab) chunkInfo(_ ChunkInfo, yield func(ChunkInfo) bool) bool {
	return s.chunkList.chunkInfo(ChunkInfo{Elem: s.elem}, yield)
}

func (s *reflectSlab) share(home slab, mu *sync.Mutex) {
	s.mu = mu
	if home != nil {
		s.home = &home.(*reflectSlab).chunkList
	}
}

func (s *reflectSlab) adopt(child slab) uintptr {
	return s.chunkList.adopt(&child.(*reflectSlab).chunkList)
}

func (s *reflectSlab) metadata() uintptr {
	return unsafe.Sizeof(*s) + s.chunkList.metadata()
}
