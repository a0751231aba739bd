package bump

import (
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A Layout describes the element type of an allocation: its size,
// alignment, and whether it holds pointers the garbage collector must see.
// Obtain one with [LayoutOf]; the zero Layout is not valid.
//
// Layouts are how the non-generic [Allocator] interface learns what it is
// asked to store, so that pointer-holding types can be placed in memory the
// garbage collector scans with the right type.
type Layout struct {
	t *typeInfo
}

// typeInfo is computed once per type and shared by every Layout of it.
type typeInfo struct {
	typ      reflect.Type
	key      unsafe.Pointer // identity of the type, see typeKey
	size     uintptr
	align    uintptr
	pointers bool

	// makeHeap returns zeroed Go-heap storage for n values of the type.
	makeHeap func(n int) unsafe.Pointer
	// newSlab returns an empty typed slab for the type, whose Layout is
	// given (pointer types only).
	newSlab func(Layout) slab
}

var (
	layouts sync.Map // type key -> *typeInfo

	// recentLayouts is a direct-mapped cache in front of layouts: containers
	// call LayoutOf on every allocation, and a sync.Map lookup costs more
	// than the bump itself.
	recentLayouts [64]atomic.Pointer[typeInfo]
)

// LayoutOf returns the Layout of T. It is safe for concurrent use; the
// first call for a type computes it and later calls look it up.
func LayoutOf[T any]() Layout {
	key := typeKey[T]()
	slot := &recentLayouts[keyHash(key)%uintptr(len(recentLayouts))]
	if t := slot.Load(); t != nil && t.key == key {
		return Layout{t}
	}
	return layoutOfSlow[T](key, slot)
}

func layoutOfSlow[T any](key unsafe.Pointer, slot *atomic.Pointer[typeInfo]) Layout {
	if t, ok := layouts.Load(key); ok {
		slot.Store(t.(*typeInfo))
		return Layout{t.(*typeInfo)}
	}
	var zero T
	typ := reflect.TypeFor[T]()
	t := &typeInfo{
		typ:      typ,
		key:      key,
		size:     unsafe.Sizeof(zero),
		align:    unsafe.Alignof(zero),
		pointers: hasPointers(typ),
		makeHeap: func(n int) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(make([]T, n))) },
		newSlab:  newTypedSlab[T],
	}
	actual, _ := layouts.LoadOrStore(key, t)
	slot.Store(actual.(*typeInfo))
	return Layout{actual.(*typeInfo)}
}

// check panics if l is the zero Layout, naming fn, the function it was
// passed to, rather than failing later on a nil dereference.
func (l Layout) check(fn string) {
	if l.t == nil {
		panic("bump: " + fn + ": zero Layout (use LayoutOf)")
	}
}

// Type returns the element type described by l. It panics if l is the zero
// Layout.
func (l Layout) Type() reflect.Type { l.check("Layout.Type"); return l.t.typ }

// Size returns the size in bytes of one element. It panics if l is the
// zero Layout.
func (l Layout) Size() uintptr { l.check("Layout.Size"); return l.t.size }

// Align returns the required alignment in bytes of one element. It panics
// if l is the zero Layout.
func (l Layout) Align() uintptr { l.check("Layout.Align"); return l.t.align }

// HasPointers reports whether the element type holds pointers (including
// strings, slices, maps, interfaces, funcs and channels). Such values must
// never be stored in memory the garbage collector treats as pointer-free.
// It panics if l is the zero Layout.
func (l Layout) HasPointers() bool { l.check("Layout.HasPointers"); return l.t.pointers }

// String returns the element type's name. Like reflect.Value's String, it
// does not panic on the zero Layout, so that a zero Layout can be printed:
// it returns "bump.Layout{}" for it.
func (l Layout) String() string {
	if l.t == nil {
		return "bump.Layout{}"
	}
	return l.t.typ.String()
}

// bytesFor returns n*size, or false if it overflows or n is negative.
func (l Layout) bytesFor(n int) (uintptr, bool) {
	if n < 0 {
		return 0, false
	}
	size := l.t.size
	if size != 0 && uintptr(n) > maxAlloc/size {
		return 0, false
	}
	return uintptr(n) * size, true
}
