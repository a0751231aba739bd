package bump

import (
	"fmt"
	"unsafe"
)

// Append appends the values vs to s and returns the extended slice, like
// the builtin append, except that when s lacks the capacity, the grown
// storage comes from b instead of the Go heap. It panics with an error
// wrapping [ErrAllocationLimit] if b's allocation limit does not allow
// the growth; see [TryAppend].
//
// When cap(s) suffices, Append is append: it allocates nothing and the
// result shares s's storage. Otherwise, if s ends exactly where b's
// newest allocation ends (in b's current chunk, made after b's newest
// checkpoint), Append grows it in place, so a slice built by repeated
// Appends usually occupies one contiguous run of the arena; else it moves
// the elements to new storage in b, whose capacity grows as append's
// does (see [GrowCap]). Append never frees, clears or resizes storage
// that did not come from b: a Go-heap slice, or one from another arena,
// is left as append leaves it, still valid and unchanged, and so is the
// old storage of a slice that moved. s may be nil, and vs may alias s.
func Append[T any](b *Bump, s []T, vs ...T) []T {
	return appendFast(b, s, vs, appendMust[T])
}

// TryAppend is like [Append] but returns an error wrapping
// [ErrAllocationLimit] or [ErrInvalidSize] instead of panicking. On error
// s and b are unchanged and the result is s.
func TryAppend[T any](b *Bump, s []T, vs ...T) ([]T, error) {
	return tryAppendFast(b, s, vs, appendSlow[T])
}

// appendFast and tryAppendFast are the fast paths, written, as Typed's,
// so that the compiler inlines them: the slow path is a parameter.
func appendFast[T any](b *Bump, s, vs []T, slow func(*Bump, []T, []T) []T) []T {
	if len(vs) <= cap(s)-len(s) {
		return append(s, vs...)
	}
	return slow(b, s, vs)
}

func tryAppendFast[T any](b *Bump, s, vs []T, slow func(*Bump, []T, []T) ([]T, error)) (t []T, err error) {
	if len(vs) <= cap(s)-len(s) {
		return append(s, vs...), nil
	}
	t, err = slow(b, s, vs)
	return
}

func appendMust[T any](b *Bump, s, vs []T) []T { return must(appendSlow(b, s, vs)) }

//go:noinline
func appendSlow[T any](b *Bump, s, vs []T) ([]T, error) {
	l := LayoutOf[T]()
	if l.Size() == 0 {
		// Zero-size values need no storage: append allocates nothing.
		return append(s, vs...), nil
	}
	need := len(s) + len(vs)
	if need < len(s) {
		return s, fmt.Errorf("bump: Append: %d values to a slice of %d: %w", len(vs), len(s), ErrInvalidSize)
	}
	newCap := roundCap(l, GrowCap(cap(s), need))
	if t, ok := growInPlace(b, l, s, newCap); ok {
		return append(t, vs...), nil
	}
	t, err := AllocateSlice[T](b, newCap)
	if err != nil && newCap > need {
		// Near the allocation limit the values may fit where the growth
		// policy's capacity does not.
		t, err = AllocateSlice[T](b, roundCap(l, need))
	}
	if err != nil {
		return s, err
	}
	t = t[:copy(t, s)]
	return append(t, vs...), nil
}

// roundCap rounds a capacity for values of l up so that, for a pointer-free
// type, it fills whole words: a byte-chunk allocation occupies whole
// words, and with the padding as capacity the slice ends at the bump
// offset, so that its next growth can be in place.
func roundCap(l Layout, n int) int {
	if l.HasPointers() {
		return n
	}
	m := int(wordSize / min(l.Size()&-l.Size(), wordSize))
	if c := (n + m - 1) / m * m; c > n {
		return c
	}
	return n
}

// growInPlace extends the storage of s to newCap values if s ends
// exactly at b's bump position and was allocated after b's newest
// checkpoint, and reports whether it did. Only memory b handed out can
// end there: a slice from elsewhere never matches, so Append cannot touch
// it.
func growInPlace[T any](b *Bump, l Layout, s []T, newCap int) ([]T, bool) {
	if cap(s) == 0 {
		return s, false
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	if l.HasPointers() {
		ts, ok := b.slabFor(l).(*typedSlab[T])
		if !ok {
			return s, false
		}
		if _, ok := ts.newest(p, cap(s)); !ok {
			return s, false
		}
	} else {
		b.syncBytes()
		if _, ok := b.bytes.newest(p, int(uintptr(cap(s))*l.Size())); !ok {
			return s, false
		}
	}
	return ResizeInPlace(b, s, newCap)
}
