package bump

import (
	"fmt"
	"unsafe"
)

// An Allocator provides raw storage for the containers in bumpkit (vec, str,
// hashmap, deque, boxed). [*Bump] and [Heap] implement it; other
// implementations may wrap them, for example to count or limit allocations.
//
// Storage is always requested for a number of values of one type, described
// by a [Layout], so that an implementation can keep pointer-holding types
// in memory the garbage collector scans with that type. An implementation
// must never place a type whose Layout reports HasPointers in memory
// allocated as pointer-free (such as a []byte): the garbage collector would
// not see the pointers and could free what they point to.
//
// Most code should not call these methods directly but use the generic
// helpers [AllocateSlice], [ResizeSlice] and [FreeSlice].
type Allocator interface {
	// Allocate returns a pointer to zeroed storage for n values of l,
	// aligned for l. n is greater than zero. It returns an error, such as
	// one wrapping ErrAllocationLimit, when it cannot provide the storage.
	Allocate(l Layout, n int) (unsafe.Pointer, error)

	// Resize tries to change the allocation at p, made for oldN values of
	// l, to hold newN values without moving it, and reports whether it
	// did. When it grows, the added values are zeroed. When it reports
	// false the allocation is unchanged. Implementations that cannot
	// resize return false.
	Resize(l Layout, p unsafe.Pointer, oldN, newN int) bool

	// Free gives back the allocation at p, made for n values of l. The
	// caller must not use it afterwards. Implementations may ignore it.
	Free(l Layout, p unsafe.Pointer, n int)
}

// Cleaner is implemented by allocators, such as [*Bump], that can run
// functions when they release their memory en masse. Containers that own
// values needing cleanup (see the boxed package) register with it, and
// stop the registration when they release the value themselves.
type Cleaner interface {
	Cleanup(f func()) Cleanup
}

// Or returns a, or [Heap] if a is nil. Containers use it so that a nil
// Allocator means the Go heap.
func Or(a Allocator) Allocator {
	if a == nil {
		return Heap{}
	}
	return a
}

// AllocateSlice returns a zeroed slice of length and capacity n whose
// storage comes from a (the Go heap if a is nil). It returns an error if n
// is negative, if n values would not fit in the address space, or if a
// fails.
func AllocateSlice[T any](a Allocator, n int) ([]T, error) {
	if n == 0 {
		return []T{}, nil
	}
	l := LayoutOf[T]()
	if _, ok := l.bytesFor(n); !ok {
		return nil, sizeError(l, n)
	}
	p, err := Or(a).Allocate(l, n)
	if err != nil {
		return nil, err
	}
	return unsafe.Slice((*T)(p), n), nil
}

// ResizeSlice returns a slice with the elements of s and capacity newCap,
// whose storage comes from a. Its length is min(len(s), newCap). It first
// asks a to resize the storage of s in place; if a cannot, it allocates new
// storage, copies the elements, and frees the old storage. s must have
// been allocated from a with its full capacity (as AllocateSlice does).
// On error s is unchanged.
func ResizeSlice[T any](a Allocator, s []T, newCap int) ([]T, error) {
	a = Or(a)
	oldCap := cap(s)
	if newCap == oldCap {
		return s, nil
	}
	l := LayoutOf[T]()
	if _, ok := l.bytesFor(newCap); !ok {
		return s, sizeError(l, newCap)
	}
	n := min(len(s), newCap)
	if oldCap == 0 {
		t, err := AllocateSlice[T](a, newCap)
		if err != nil {
			return s, err
		}
		return t[:0], nil
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	if newCap == 0 {
		a.Free(l, p, oldCap)
		return s[:0:0], nil
	}
	if t, ok := ResizeInPlace(a, s, newCap); ok {
		return t, nil
	}
	q, err := a.Allocate(l, newCap)
	if err != nil {
		return s, err
	}
	t := unsafe.Slice((*T)(q), newCap)[:n]
	copy(t, s[:n])
	a.Free(l, p, oldCap)
	return t, nil
}

// ResizeInPlace asks a to change the capacity of s's storage to newCap
// without moving it. If a can, it returns the resized slice, of length
// min(len(s), newCap), and true; otherwise s and false. Unlike
// [ResizeSlice] it never allocates or frees, so it is safe on storage
// that something else (such as a string) still refers to. s must have been
// allocated from a with its full capacity.
func ResizeInPlace[T any](a Allocator, s []T, newCap int) ([]T, bool) {
	if cap(s) == 0 || newCap <= 0 {
		return s, false
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	if !Or(a).Resize(LayoutOf[T](), p, cap(s), newCap) {
		return s, false
	}
	// Sound because the allocator reported that the storage at p now
	// holds newCap values of T.
	return unsafe.Slice((*T)(p), newCap)[:min(len(s), newCap)], true
}

// FreeSlice gives the storage of s (its whole capacity) back to a. s must
// have been allocated from a and must not be used afterwards.
func FreeSlice[T any](a Allocator, s []T) {
	if cap(s) == 0 {
		return
	}
	Or(a).Free(LayoutOf[T](), unsafe.Pointer(unsafe.SliceData(s)), cap(s))
}

// sizeError is the error for a count of values that is negative, zero
// where it must not be, or too large for the address space.
func sizeError(l Layout, n int) error {
	return allocError(l, n, ErrInvalidSize)
}

// allocError is the error of a request for n values of typ that failed
// with err. It names bump once: err is one of the sentinels, possibly with
// details (see Bump.reserve).
func allocError(typ fmt.Stringer, n int, err error) error {
	return fmt.Errorf("bump: allocating %d values of %v: %w", n, typ, err)
}
