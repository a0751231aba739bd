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
	return tryMakeSlice[T](b, "MakeSlice", length, capacity)
}

// tryMakeSlice is TryMakeSlice for the function fn, which its errors name.
func tryMakeSlice[T any](b *Bump, fn string, length, capacity int) ([]T, error) {
	if length < 0 || length > capacity {
		return nil, fmt.Errorf("bump: %s: length %d, capacity %d: %w", fn, length, capacity, ErrInvalidSize)
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
// like [MakeSlice]; see [TryFillSlice].
func FillSlice[T any](b *Bump, n int, v T) []T {
	return must(TryFillSlice(b, n, v))
}

// TryFillSlice is like [FillSlice] but returns an error wrapping
// [ErrInvalidSize] or [ErrAllocationLimit] instead of panicking.
func TryFillSlice[T any](b *Bump, n int, v T) ([]T, error) {
	s, err := tryMakeSlice[T](b, "FillSlice", n, n)
	for i := range s {
		s[i] = v
	}
	return s, err
}

// SliceFunc returns a slice of n values allocated in b, the i'th of which
// is f(i). It panics like [MakeSlice]; see [TrySliceFunc].
func SliceFunc[T any](b *Bump, n int, f func(i int) T) []T {
	return must(TrySliceFunc(b, n, f))
}

// TrySliceFunc is like [SliceFunc] but returns an error wrapping
// [ErrInvalidSize] or [ErrAllocationLimit] instead of panicking. f is not
// called if the allocation fails.
func TrySliceFunc[T any](b *Bump, n int, f func(i int) T) ([]T, error) {
	s, err := tryMakeSlice[T](b, "SliceFunc", n, n)
	for i := range s {
		s[i] = f(i)
	}
	return s, err
}

// Collect returns a slice, allocated in b, of the values of seq. While
// the values keep coming it grows its storage in place when it can, so
// the result usually occupies one contiguous run of the arena. It panics
// like [MakeSlice]; see [TryCollect].
func Collect[T any](b *Bump, seq iter.Seq[T]) []T {
	return must(TryCollect(b, seq))
}

// TryCollect is like [Collect] but returns an error wrapping
// [ErrAllocationLimit] instead of panicking. It stops taking values from
// seq at the first failure and frees the storage holding the values
// collected so far. Chunks taken on the way stay with b for later
// allocations, and storage that growth moved away from stays allocated
// until the next reset, as for any growing container.
func TryCollect[T any](b *Bump, seq iter.Seq[T]) ([]T, error) {
	var s []T
	var err error
	for v := range seq {
		if len(s) == cap(s) {
			var t []T
			if t, err = ResizeSlice(b, s, GrowCap(cap(s), len(s)+1)); err != nil {
				break
			}
			s = t
		}
		s = append(s, v)
	}
	if err != nil {
		FreeSlice(b, s)
		return nil, err
	}
	if s == nil {
		return []T{}, nil
	}
	return s, nil
}
