package bump

import (
	"fmt"
	"unsafe"
)

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
