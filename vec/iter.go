package vec

import "iter"

// The iterators index v.s afresh at each step instead of ranging over the
// slice they start with: if the loop body grows v, its old storage may be
// given back to the allocator (a Bump clears freed pointer-holding
// storage), so only the current storage can be read.

// All returns an iterator over the indexes and elements of v, in order.
// Like ranging over a slice, it yields the indexes v holds when the loop
// starts: elements the loop body appends are not seen. If the body
// removes elements, the iteration stops at v's new length; an element the
// body sets before it is reached is yielded with its new value. Ranging
// over a nil *Vec yields nothing.
func (v *Vec[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		if v == nil {
			return
		}
		check(&v.h)
		n := len(v.s)
		for i := 0; i < n && i < len(v.s); i++ {
			if !yield(i, v.s[i]) {
				return
			}
			check(&v.h)
		}
	}
}

// Values returns an iterator over the elements of v, in order, with the
// same rules as [Vec.All].
func (v *Vec[T]) Values() iter.Seq[T] {
	return func(yield func(T) bool) {
		if v == nil {
			return
		}
		check(&v.h)
		n := len(v.s)
		for i := 0; i < n && i < len(v.s); i++ {
			if !yield(v.s[i]) {
				return
			}
			check(&v.h)
		}
	}
}

// Backward returns an iterator over the indexes and elements of v, from
// the last to the first, with the same rules as [Vec.All]: it starts at
// the last index v holds when the loop starts, and if the body removes
// elements, it goes on from v's new last index.
func (v *Vec[T]) Backward() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		if v == nil {
			return
		}
		check(&v.h)
		for i := len(v.s) - 1; i >= 0; i-- {
			i = min(i, len(v.s)-1)
			if i < 0 || !yield(i, v.s[i]) {
				return
			}
			check(&v.h)
		}
	}
}
