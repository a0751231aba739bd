package bump

import (
	"fmt"
	"unsafe"
)

// The helpers in this file allocate one value, a slice or a string from
// any Allocator, so that code written once runs on the Go heap (a nil
// Allocator), in an arena, or on an allocator of the user's: like the
// containers, they take an Allocator where nil means the heap. On a
// *Bump they are the typed functions (New, MakeSlice, String...) and as
// fast; on the heap, new, make and a string copy. Their names follow
// bumpalo's allocator-parameterised constructors (Box::new_in,
// Vec::with_capacity_in): the function, then In, then the allocator.

// NewIn returns a pointer to a new zero value of T whose storage comes
// from a (the Go heap if a is nil), like [New] on a *Bump and the builtin
// new on the heap. It panics with the allocator's error (for a Bump, one
// wrapping [ErrAllocationLimit]) if the storage cannot be provided; see
// [TryNewIn].
func NewIn[T any](a Allocator) *T {
	switch a := a.(type) {
	case *Bump:
		return New[T](a)
	case nil, Heap:
		return new(T)
	}
	return must(TryNewIn[T](a))
}

// TryNewIn is like [NewIn] but returns an error instead of panicking.
func TryNewIn[T any](a Allocator) (*T, error) {
	switch a := a.(type) {
	case *Bump:
		return TryNew[T](a)
	case nil, Heap:
		return new(T), nil
	}
	p, err := a.Allocate(LayoutOf[T](), 1)
	return (*T)(p), err
}

// AllocIn returns a pointer to a copy of v whose storage comes from a
// (the Go heap if a is nil). It panics like [NewIn]; see [TryAllocIn].
func AllocIn[T any](a Allocator, v T) *T {
	p := NewIn[T](a)
	*p = v
	return p
}

// TryAllocIn is like [AllocIn] but returns an error instead of
// panicking.
func TryAllocIn[T any](a Allocator, v T) (*T, error) {
	p, err := TryNewIn[T](a)
	if err != nil {
		return nil, err
	}
	*p = v
	return p, nil
}

// MakeSliceIn returns a zeroed slice of T with the given length and
// capacity whose storage comes from a (the Go heap if a is nil), like
// make([]T, length, capacity) and [MakeSlice]. It panics if length is
// negative or greater than capacity, if the size overflows, or if a
// cannot provide the storage; see [TryMakeSliceIn]. A capacity of zero
// allocates nothing.
func MakeSliceIn[T any](a Allocator, length, capacity int) []T {
	if b, ok := a.(*Bump); ok {
		return MakeSlice[T](b, length, capacity)
	}
	return must(TryMakeSliceIn[T](a, length, capacity))
}

// TryMakeSliceIn is like [MakeSliceIn] but returns an error wrapping
// [ErrInvalidSize], or the allocator's error, instead of panicking. On
// the Go heap too, a slice larger than the memory limit or the machine's
// memory is an error wrapping [ErrAllocationLimit] rather than the
// runtime's fatal out-of-memory.
func TryMakeSliceIn[T any](a Allocator, length, capacity int) ([]T, error) {
	if b, ok := a.(*Bump); ok {
		return tryMakeSlice[T](b, "MakeSliceIn", length, capacity)
	}
	if length < 0 || length > capacity {
		return nil, fmt.Errorf("bump: MakeSliceIn: length %d, capacity %d: %w", length, capacity, ErrInvalidSize)
	}
	s, err := AllocateSlice[T](a, capacity)
	if err != nil {
		return nil, err
	}
	return s[:length], nil
}

// CopySliceIn returns a copy of s, with capacity len(s), whose storage
// comes from a (the Go heap if a is nil), like [slices.Clone] on the heap
// except that a nil s gives an empty, non-nil slice. It panics like
// [MakeSliceIn]; see [TryCopySliceIn].
func CopySliceIn[T any](a Allocator, s []T) []T {
	return must(TryCopySliceIn(a, s))
}

// TryCopySliceIn is like [CopySliceIn] but returns an error instead of
// panicking.
func TryCopySliceIn[T any](a Allocator, s []T) ([]T, error) {
	t, err := TryMakeSliceIn[T](a, len(s), len(s))
	if err != nil {
		return nil, err
	}
	copy(t, s)
	return t, nil
}

// StringIn returns a string with the contents of s (a string or a byte
// slice) whose bytes come from a (the Go heap if a is nil): [String] on a
// *Bump, a copy like strings.Clone on the heap. The empty string allocates
// nothing. It panics like [MakeSliceIn]; see [TryStringIn].
func StringIn[S ~string | ~[]byte](a Allocator, s S) string {
	if b, ok := a.(*Bump); ok {
		return String(b, s)
	}
	return must(TryStringIn(a, s))
}

// TryStringIn is like [StringIn] but returns an error instead of
// panicking.
func TryStringIn[S ~string | ~[]byte](a Allocator, s S) (string, error) {
	if b, ok := a.(*Bump); ok {
		return TryString(b, s)
	}
	if len(s) == 0 {
		return "", nil
	}
	t, err := AllocateSlice[byte](a, len(s))
	if err != nil {
		return "", err
	}
	copy(t, s)
	return unsafe.String(unsafe.SliceData(t), len(t)), nil
}
