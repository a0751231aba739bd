package bump

import (
	"fmt"
	"iter"
	"unsafe"
)

// MakeSlice returns a zeroed slice of T with the given length and
// capacity, allocated in b, like make([]T, length, capacity). It panics if
// length is negative or greater than capacity, if the size overflows, or
// if b's allocation limit does not allow it; see [TryMakeSlice].
func MakeSlice[T any](b *Bump, length, capacity int) []T {
	if 0 <= length && length <= capacity {
		if p := bumpLastN[T](b, capacity); p != nil {
			return unsafe.Slice(p, capacity)[:length]
		}
	}
	return must(TryMakeSlice[T](b, length, capacity))
}

// bumpLastN is bumpLast for n values of T: it returns nil unless T is the
// pointer-free type allocated last, n is positive, and they fit.
func bumpLastN[T any](b *Bump, n int) *T {
	var zero T
	key := typeKey[T]()
	// T is not zero-size if it is lastKey, and a request up to
	// largeRequest cannot overflow.
	if key == b.lastKey && n > 0 && uintptr(n) <= largeRequest/unsafe.Sizeof(zero) {
		return (*T)(b.bumpLast(key, uintptr(n)*unsafe.Sizeof(zero)))
	}
	return nil
}

// TryMakeSlice is like [MakeSlice] but returns an error wrapping
// [ErrInvalidSize] or [ErrAllocationLimit] instead of panicking.
func TryMakeSlice[T any](b *Bump, length, capacity int) ([]T, error) {
	if length < 0 || length > capacity {
		return nil, fmt.Errorf("bump: MakeSlice: length %d, capacity %d: %w", length, capacity, ErrInvalidSize)
	}
	if capacity == 0 {
		return []T{}, nil
	}
	p, err := tryMake[T](b, capacity)
	if err != nil {
		return nil, err
	}
	return unsafe.Slice(p, capacity)[:length], nil
}

// tryMake returns zeroed storage for n > 0 values of T.
func tryMake[T any](b *Bump, n int) (*T, error) {
	if p := bumpLastN[T](b, n); p != nil {
		return p, nil
	}
	key := typeKey[T]()
	if b.types[slotIndex(key)].isBytes(key) {
		var zero T
		if unsafe.Alignof(zero) <= wordSize {
			b.lastKey = key
		}
		if p := bumpLastN[T](b, n); p != nil {
			return p, nil
		}
	}
	return tryMakeSlow[T](b, n)
}

func tryMakeSlow[T any](b *Bump, n int) (*T, error) {
	p, err := b.Allocate(LayoutOf[T](), n)
	return (*T)(p), err
}

// CopySlice returns a copy of s allocated in b, with capacity len(s). It
// panics like [MakeSlice]; see [TryCopySlice].
func CopySlice[T any](b *Bump, s []T) []T {
	return must(TryCopySlice(b, s))
}

// TryCopySlice is like [CopySlice] but returns an error instead of
// panicking.
func TryCopySlice[T any](b *Bump, s []T) ([]T, error) {
	t, err := TryMakeSlice[T](b, len(s), len(s))
	if err != nil {
		return nil, err
	}
	copy(t, s)
	return t, nil
}

// FillSlice returns a slice of n copies of v allocated in b. It panics
// like [MakeSlice].
func FillSlice[T any](b *Bump, n int, v T) []T {
	s := MakeSlice[T](b, n, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// SliceFunc returns a slice of n values allocated in b, the i'th of which
// is f(i). It panics like [MakeSlice].
func SliceFunc[T any](b *Bump, n int, f func(i int) T) []T {
	s := MakeSlice[T](b, n, n)
	for i := range s {
		s[i] = f(i)
	}
	return s
}

// Collect returns a slice, allocated in b, of the values of seq. While
// the values keep coming it grows its storage in place when it can, so
// the result usually occupies one contiguous run of the arena. It panics
// like [MakeSlice].
func Collect[T any](b *Bump, seq iter.Seq[T]) []T {
	var s []T
	for v := range seq {
		if len(s) == cap(s) {
			s = must(ResizeSlice(b, s, GrowCap(cap(s), len(s)+1)))
		}
		s = append(s, v)
	}
	if s == nil {
		return []T{}
	}
	return s
}
