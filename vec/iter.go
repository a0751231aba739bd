package vec

import "iter"

// All returns an iterator over the indexes and elements of v, in order.
// Like ranging over a slice, it iterates over the elements v holds when
// the loop starts: changes to v's length during the loop are not seen.
func (v *Vec[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range v.s {
			if !yield(i, x) {
				return
			}
		}
	}
}

// Values returns an iterator over the elements of v, in order, with the
// same rules as [Vec.All].
func (v *Vec[T]) Values() iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range v.s {
			if !yield(x) {
				return
			}
		}
	}
}

// Backward returns an iterator over the indexes and elements of v, from
// the last to the first, with the same rules as [Vec.All].
func (v *Vec[T]) Backward() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		s := v.s
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}
