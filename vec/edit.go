package vec

import "fmt"

// Insert inserts the values xs at index i, moving the elements from i on
// to make room; i may be v.Len() to append. It panics if i is out of
// range or if the allocator cannot provide the storage. xs must not share
// storage with v.
func (v *Vec[T]) Insert(i int, xs ...T) {
	n := len(v.s)
	if uint(i) > uint(n) {
		panic(fmt.Sprintf("vec: Insert index %d out of range [0:%d]", i, n+1))
	}
	v.Reserve(len(xs))
	v.s = v.s[:n+len(xs)]
	copy(v.s[i+len(xs):], v.s[i:n])
	copy(v.s[i:], xs)
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
// and removes the others. It calls keep once per element, in order.
func (v *Vec[T]) Retain(keep func(T) bool) {
	j := 0
	for _, x := range v.s {
		if keep(x) {
			v.s[j] = x
			j++
		}
	}
	v.shorten(j)
}

// DedupFunc replaces each run of consecutive elements for which eq
// reports true by the first of the run, like [slices.CompactFunc].
func (v *Vec[T]) DedupFunc(eq func(a, b T) bool) {
	if len(v.s) < 2 {
		return
	}
	j := 1
	for i := 1; i < len(v.s); i++ {
		if !eq(v.s[j-1], v.s[i]) {
			v.s[j] = v.s[i]
			j++
		}
	}
	v.shorten(j)
}

// Dedup replaces each run of equal consecutive elements of v by a single
// copy, like [slices.Compact]. It is a function rather than a method
// because it needs T to be comparable.
func Dedup[T comparable](v *Vec[T]) {
	v.DedupFunc(func(a, b T) bool { return a == b })
}

// shorten sets v's length to n <= Len, clearing the dropped slots so that
// the storage keeps nothing they referred to alive.
func (v *Vec[T]) shorten(n int) {
	clear(v.s[n:])
	v.s = v.s[:n]
}
