package deque

import "iter"

// All returns an iterator over the index-value pairs of d, front to back.
// Each step reads d afresh, so the iterator never panics, but if d is
// changed during the iteration other than by [Deque.Set], elements may be
// skipped or seen twice.
func (d *Deque[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i := 0; i < d.n; i++ {
			if !yield(i, d.buf[d.slot(i)]) {
				return
			}
		}
	}
}

// Backward returns an iterator over the index-value pairs of d, back to
// front, like [slices.Backward]. Changes to d during the iteration behave
// as for [Deque.All].
func (d *Deque[T]) Backward() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i := d.n - 1; ; i-- {
			i = min(i, d.n-1)
			if i < 0 || !yield(i, d.buf[d.slot(i)]) {
				return
			}
		}
	}
}

// Slices returns the elements of d, front to back, as two slices that
// alias its storage, like Rust's VecDeque::as_slices: front holds the
// first elements and back the rest. When the elements are contiguous,
// back is empty. Both slices have their capacity clipped to their length,
// so appending to them never overwrites d; they are valid until d is next
// changed.
func (d *Deque[T]) Slices() (front, back []T) {
	end := d.head + d.n
	if end <= len(d.buf) {
		return d.buf[d.head:end:end], nil
	}
	end -= len(d.buf)
	return d.buf[d.head:], d.buf[:end:end]
}
