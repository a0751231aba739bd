package vec

import (
	"fmt"
	"slices"

	"github.com/bumpkit/bumpkit/bump"
)

// Insert inserts the values xs at index i, moving the elements from i on
// to make room; i may be v.Len() to append. xs may share v's storage, as
// with [slices.Insert]. It panics if i is out of range or if the
// allocator cannot provide the storage.
func (v *Vec[T]) Insert(i int, xs ...T) {
	n := len(v.s)
	if uint(i) > uint(n) {
		panic(fmt.Sprintf("vec: Insert index %d out of range [0:%d]", i, n+1))
	}
	old, err := v.reserve(len(xs))
	if err != nil {
		panic(err)
	}
	// With room reserved, slices.Insert works in place, and it copies
	// correctly when xs overlaps v.s.
	v.s = slices.Insert(v.s, i, xs...)
	bump.FreeSlice(v.a, old)
}

// Remove removes and returns the element at index i, moving the elements
// after it down by one. It panics if i is out of range.
func (v *Vec[T]) Remove(i int) T {
	n := len(v.s)
	if uint(i) >= uint(n) {
		panicIndex(i, n)
	}
	x := v.s[i]
	copy(v.s[i:], v.s[i+1:])
	v.shorten(n - 1)
	return x
}

// SwapRemove removes and returns the element at index i, replacing it by
// the last element. It is O(1) but does not keep the order. It panics if
// i is out of range.
func (v *Vec[T]) SwapRemove(i int) T {
	n := len(v.s)
	if uint(i) >= uint(n) {
		panicIndex(i, n)
	}
	x := v.s[i]
	v.s[i] = v.s[n-1]
	v.shorten(n - 1)
	return x
}

// Truncate shortens v to its first n elements, keeping its capacity.
// It does nothing if n >= v.Len(), and panics if n is negative.
func (v *Vec[T]) Truncate(n int) {
	if n < 0 {
		panic(fmt.Sprintf("vec: negative Truncate length %d", n))
	}
	if n < len(v.s) {
		v.shorten(n)
	}
}

// Clear removes all the elements of v, keeping its capacity.
func (v *Vec[T]) Clear() { v.shorten(0) }

// SplitOff moves the elements from index i on into a new Vec with the same
// allocator, and leaves v with the first i. i may be v.Len(), which returns
// an empty Vec. It panics if i is out of range or the allocator cannot
// provide the storage for the new Vec.
func (v *Vec[T]) SplitOff(i int) *Vec[T] {
	n := len(v.s)
	if uint(i) > uint(n) {
		panic(fmt.Sprintf("vec: SplitOff index %d out of range [0:%d]", i, n+1))
	}
	w := From(v.a, v.s[i:])
	v.shorten(i)
	return w
}

// Retain keeps only the elements for which keep returns true, in order,
// and removes the others, like [slices.DeleteFunc] with the test negated.
// It calls keep once per element, in order; keep must not change v.
func (v *Vec[T]) Retain(keep func(T) bool) {
	// slices.DeleteFunc clears the slots it drops, as shorten does.
	v.s = slices.DeleteFunc(v.s, func(x T) bool { return !keep(x) })
}

// DedupFunc replaces each run of consecutive elements for which eq
// reports true by the first of the run, calling eq as
// [slices.CompactFunc] does. eq must not change v.
func (v *Vec[T]) DedupFunc(eq func(a, b T) bool) {
	v.s = slices.CompactFunc(v.s, eq)
}

// Dedup replaces each run of equal consecutive elements of v by a single
// copy, like [slices.Compact]. It is a function rather than a method
// because it needs T to be comparable.
func Dedup[T comparable](v *Vec[T]) {
	v.s = slices.Compact(v.s)
}

// shorten sets v's length to n <= Len, clearing the dropped slots so that
// the storage keeps nothing they referred to alive.
func (v *Vec[T]) shorten(n int) {
	clear(v.s[n:])
	v.s = v.s[:n]
}
