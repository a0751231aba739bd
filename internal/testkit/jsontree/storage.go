package jsontree

import (
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// storage allocates a tree's children slices and strings from an
// allocator. The Go heap is used the way a program without bumpkit would
// use it, with make and string conversion, so that it is an honest
// baseline; a *bump.Bump is called through its typed functions, which skip
// the interface's dynamic calls; any other Allocator gets the generic path.
type storage struct {
	b *bump.Bump     // the allocator, if it is a *bump.Bump
	a bump.Allocator // the allocator otherwise; nil for the Go heap
}

func newStorage(a bump.Allocator) storage {
	switch a := a.(type) {
	case *bump.Bump:
		if a != nil {
			return storage{b: a}
		}
	case nil, bump.Heap:
	default:
		return storage{a: a}
	}
	return storage{}
}

// nodes returns a zeroed slice of n > 0 nodes. Node holds pointers, so
// every allocator keeps them in memory the garbage collector scans.
func (s storage) nodes(n int) ([]Node, error) {
	switch {
	case s.b != nil:
		return bump.TryMakeSlice[Node](s.b, n, n)
	case s.a == nil:
		return make([]Node, n), nil
	}
	return bump.AllocateSlice[Node](s.a, n)
}

// string returns a copy of p, which the decoder reuses after the call.
func (s storage) string(p []byte) (string, error) {
	switch {
	case s.b != nil:
		return bump.TryString(s.b, p)
	case s.a == nil:
		return string(p), nil
	}
	c, err := bump.AllocateSlice[byte](s.a, len(p))
	if err != nil {
		return "", err
	}
	copy(c, p)
	return unsafe.String(unsafe.SliceData(c), len(c)), nil
}
