package vec

import (
	"fmt"
	"slices"
)

// Insert inserts the values xs at index i, moving the elements from i on
// up to make room, as [slices.Insert] does; i may be v.Len() to append.
// xs may share v's storage. Insert panics if i is out of range, and with
// the allocator's error if it cannot provide the storage; either way v
// is unchanged.
func (v *Vec[T]) Insert(i int, xs ...T) {
	v.check()
	if n := len(v.s); uint(i) > uint(n) {
		panicIndex("Insert", i, n+1)
	}
	old, err := v.reserve(len(xs), "Insert")
	if err != nil {
		panic(err)
	}
	// With room reserved, slices.Insert works in place, and it copies
	// correctly when xs overlaps v.s.
	v.s = slices.Insert(v.s, i, xs...)
	v.free(old)
}

// Delete removes the elements at indexes i to j-1 from v, moving the
// elements after them down, as [slices.Delete] does. It zeroes the j-i
// slots vacated at the end, so that v's storage keeps nothing the removed
// elements refer to alive. Delete panics, leaving v unchanged, if
// v.Slice()[i:j] is not a valid slice: j > v.Len() or i > j or i < 0.
func (v *Vec[T]) Delete(i, j int) {
	v.check()
	v.checkRange("Delete", i, j)
	v.s = slices.Delete(v.s, i, j)
}

// DeleteFunc removes the elements for which del returns true, keeping
// the order of the others, as [slices.DeleteFunc] does, and zeroes the
// vacated slots at the end. It calls del once per element, in order; del
// must not change v.
func (v *Vec[T]) DeleteFunc(del func(T) bool) {
	v.check()
	v.s = slices.DeleteFunc(v.s, del)
}

// Replace replaces the elements at indexes i to j-1 by xs, as
// [slices.Replace] does, growing v if xs is longer than j-i and zeroing
// the vacated slots at the end if it is shorter. xs may share v's
// storage. Replace panics, leaving v unchanged, if v.Slice()[i:j] is not a
// valid slice (j > v.Len() or i > j or i < 0), and with the allocator's
// error if it cannot provide the storage.
func (v *Vec[T]) Replace(i, j int, xs ...T) {
	v.check()
	v.checkRange("Replace", i, j)
	old, err := v.reserve(max(len(xs)-(j-i), 0), "Replace")
	if err != nil {
		panic(err)
	}
	// With room reserved, slices.Replace works in place and handles xs
	// overlapping v.s.
	v.s = slices.Replace(v.s, i, j, xs...)
	v.free(old)
}

// checkRange panics as fn if [i:j] is not a valid slice of v's elements.
func (v *Vec[T]) checkRange(fn string, i, j int) {
	n := len(v.s)
	if j > n {
		panic(fmt.Sprintf("vec: %s: slice bounds out of range [%d:%d] with length %d", fn, i, j, n))
	}
	if i < 0 || i > j {
		panic(fmt.Sprintf("vec: %s: slice bounds out of range [%d:%d]", fn, i, j))
	}
}

// Remove removes and returns the element at index i, moving the elements
// after it down by one, like v.Delete(i, i+1). It panics if i is out of
// range.
func (v *Vec[T]) Remove(i int) T {
	v.check()
	n := len(v.s)
	if uint(i) >= uint(n) {
		panicIndex("Remove", i, n)
	}
	x := v.s[i]
	v.s = slices.Delete(v.s, i, i+1)
	return x
}

// SwapRemove removes and returns the element at index i, replacing it by
// the last element. It is O(1) but does not keep the order. It panics if
// i is out of range.
func (v *Vec[T]) SwapRemove(i int) T {
	v.check()
	n := len(v.s)
	if uint(i) >= uint(n) {
		panicIndex("SwapRemove", i, n)
	}
	x := v.s[i]
	v.s[i] = v.s[n-1]
	v.shorten(n - 1)
	return x
}

// Truncate shortens v to its first n elements, keeping its capacity, and
// zeroes the vacated slots. It does nothing if n >= v.Len(), and panics
// if n is negative.
func (v *Vec[T]) Truncate(n int) {
	v.check()
	if n < 0 {
		panic(fmt.Sprintf("vec: Truncate: negative length %d", n))
	}
	if n < len(v.s) {
		v.shorten(n)
	}
}

// Clear removes all the elements of v, keeping its capacity, and zeroes
// their slots. (The builtin clear on a slice zeroes the elements but
// keeps the length; Clear empties v, as clear does a map.)
func (v *Vec[T]) Clear() {
	v.check()
	v.shorten(0)
}

// SplitOff moves the elements from index i on into a new Vec, allocated
// like [New] from v's allocator, and leaves v with the first i. i may be
// v.Len(), which returns an empty Vec. It panics if i is out of range,
// and with the allocator's error if it cannot provide the new Vec; either
// way v is unchanged.
func (v *Vec[T]) SplitOff(i int) *Vec[T] {
	v.check()
	n := len(v.s)
	if uint(i) > uint(n) {
		panicIndex("SplitOff", i, n+1)
	}
	w := from(v.a, v.s[i:], "SplitOff")
	v.shorten(i)
	return w
}

// CompactFunc replaces each run of consecutive elements for which eq
// reports true by the first of the run, as [slices.CompactFunc] does, and
// zeroes the vacated slots at the end. eq must not change v.
func (v *Vec[T]) CompactFunc(eq func(a, b T) bool) {
	v.check()
	v.s = slices.CompactFunc(v.s, eq)
}

// Compact replaces each run of equal consecutive elements of v by a
// single copy, as [slices.Compact] does, and zeroes the vacated slots at
// the end. It is a function rather than a method because it needs T to
// be comparable.
func Compact[T comparable](v *Vec[T]) {
	v.check()
	v.s = slices.Compact(v.s)
}

// shorten sets v's length to n <= Len, zeroing the dropped slots so that
// the storage keeps nothing they referred to alive.
func (v *Vec[T]) shorten(n int) {
	clear(v.s[n:])
	v.s = v.s[:n]
}
