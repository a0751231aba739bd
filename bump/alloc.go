package bump

import (
	"fmt"
	"iter"
	"unsafe"
)

// New returns a pointer to a new zero value of T allocated in b, like the
// builtin new. It panics with an error wrapping [ErrAllocationLimit] if
// b's allocation limit does not allow it; see [TryNew].
func New[T any](b *Bump) *T {
	var zero T
	key := typeKey[T]()
	if p := b.bumpLast(key, unsafe.Sizeof(zero)); p != nil {
		return (*T)(p)
	}
	if p := lastSlab[T](b, key).bump(); p != nil {
		return p
	}
	return newSlow[T](b)
}

//go:noinline
func newSlow[T any](b *Bump) *T {
	return must(tryNewSlow[T](b))
}

// TryNew is like [New] but returns an error instead of panicking.
func TryNew[T any](b *Bump) (*T, error) {
	var zero T
	key := typeKey[T]()
	if p := b.bumpLast(key, unsafe.Sizeof(zero)); p != nil {
		return (*T)(p), nil
	}
	if p := lastSlab[T](b, key).bump(); p != nil {
		return p, nil
	}
	return tryNewSlow[T](b)
}

// bumpLast is the fast path for pointer-free types: if key is the
// pointer-free type allocated last (whose alignment never needs padding,
// see tryNewSlow) and size bytes fit in the current chunk, it bumps them.
func (b *Bump) bumpLast(key unsafe.Pointer, size uintptr) unsafe.Pointer {
	if end := b.off + roundWord(size); key == b.lastKey && end <= b.cap {
		p := unsafe.Add(b.base, b.off)
		b.off = end
		return p
	}
	return nil
}

// lastSlab is the fast path for pointer-holding types: it returns T's slab
// if T is the pointer-holding type allocated last, or nil.
func lastSlab[T any](b *Bump, key unsafe.Pointer) *typedSlab[T] {
	if key != b.slabKey {
		return nil
	}
	s, _ := b.slab.(*typedSlab[T])
	return s
}

// tryNewSlow allocates one T when the fast paths cannot: T is not the
// type allocated last, or its chunk is full. It makes T the type
// allocated last.
//
//go:noinline
func tryNewSlow[T any](b *Bump) (*T, error) {
	key := typeKey[T]()
	if e := &b.types[slotIndex(key)]; e.key == key {
		switch s := e.slab.(type) {
		case nil:
			var zero T
			if unsafe.Alignof(zero) <= wordSize {
				b.lastKey = key
			}
			if p := b.bumpBytes(unsafe.Sizeof(zero), unsafe.Alignof(zero)); p != nil {
				return (*T)(p), nil
			}
		case *typedSlab[T]:
			b.slabKey, b.slab = key, s
			if p := s.bump(); p != nil {
				return p, nil
			}
		}
	}
	return tryMakeSlow[T](b, 1)
}

// Alloc returns a pointer to a copy of v allocated in b. It panics like
// [New]; see [TryAlloc].
func Alloc[T any](b *Bump, v T) *T {
	p := must(TryNew[T](b))
	*p = v
	return p
}

// TryAlloc is like [Alloc] but returns an error instead of panicking.
func TryAlloc[T any](b *Bump, v T) (*T, error) {
	p, err := TryNew[T](b)
	if err != nil {
		return nil, err
	}
	*p = v
	return p, nil
}

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

// String returns a string with the contents of s (a string or a byte
// slice) whose bytes are allocated in b. It panics like [MakeSlice]; see
// [TryString].
func String[S ~string | ~[]byte](b *Bump, s S) string {
	if len(s) == 0 {
		return ""
	}
	p := b.bumpBytes(uintptr(len(s)), 1)
	if p == nil {
		p = must(b.allocBytesSlow(uintptr(len(s)), 1))
	}
	copy(unsafe.Slice((*byte)(p), len(s)), s)
	return unsafe.String((*byte)(p), len(s))
}

// TryString is like [String] but returns an error instead of panicking.
func TryString[S ~string | ~[]byte](b *Bump, s S) (string, error) {
	if len(s) == 0 {
		return "", nil
	}
	p, err := b.allocBytes(uintptr(len(s)), 1)
	if err != nil {
		return "", err
	}
	copy(unsafe.Slice((*byte)(p), len(s)), s)
	return unsafe.String((*byte)(p), len(s)), nil
}

// Bytes returns a zeroed byte slice of length and capacity n allocated in
// b. It panics like [MakeSlice]; see [TryBytes].
func Bytes(b *Bump, n int) []byte {
	return must(TryBytes(b, n))
}

// TryBytes is like [Bytes] but returns an error instead of panicking.
func TryBytes(b *Bump, n int) ([]byte, error) {
	return TryMakeSlice[byte](b, n, n)
}

// AlignedBytes returns a zeroed byte slice of length and capacity n
// allocated in b, whose first byte is aligned to align, which must be a
// power of two. It is the analogue of bumpalo's alloc_layout, for
// pointer-free data with special alignment needs (SIMD, page-aligned
// buffers). It panics like [MakeSlice]; see [TryAlignedBytes].
func AlignedBytes(b *Bump, n, align int) []byte {
	return must(TryAlignedBytes(b, n, align))
}

// TryAlignedBytes is like [AlignedBytes] but returns an error instead of
// panicking.
func TryAlignedBytes(b *Bump, n, align int) ([]byte, error) {
	if n < 0 || align <= 0 || align&(align-1) != 0 {
		return nil, fmt.Errorf("bump: AlignedBytes: size %d, alignment %d: %w", n, align, ErrInvalidSize)
	}
	if n == 0 {
		return []byte{}, nil
	}
	p, err := b.allocBytes(uintptr(n), uintptr(align))
	if err != nil {
		return nil, err
	}
	return unsafe.Slice((*byte)(p), n), nil
}
