package bump

import "unsafe"

// Heap is an [Allocator] that allocates from the Go heap with make. Resize
// never succeeds and Free does nothing: the garbage collector reclaims the
// storage. Containers use Heap when given a nil Allocator.
type Heap struct{}

// Allocate returns zeroed Go-heap storage for n values of l. Like a Bump,
// it returns an error wrapping [ErrAllocationLimit] rather than letting
// the runtime end the process when the storage is more than the Go memory
// limit or the machine's memory (see [TryMakeSlice]). It panics if l is
// the zero Layout.
func (Heap) Allocate(l Layout, n int) (unsafe.Pointer, error) {
	l.check("Heap.Allocate")
	size, ok := l.bytesFor(n)
	if !ok || n == 0 {
		return nil, sizeError(l, n)
	}
	if err := checkSystem(size); err != nil {
		return nil, allocError(l, n, err)
	}
	return l.t.makeHeap(n), nil
}

// Resize reports false: Go-heap storage cannot change size in place.
func (Heap) Resize(Layout, unsafe.Pointer, int, int) bool { return false }

// Free does nothing: the garbage collector reclaims Go-heap storage.
func (Heap) Free(Layout, unsafe.Pointer, int) {}
