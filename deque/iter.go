package deque

import "iter"

// modifiedPanic is the panic of an iteration whose deque changed under it.
const modifiedPanic = "deque: Deque modified during iteration"

// All returns an iterator over the index-value pairs of d, front to back.
// [Deque.Set] and [Deque.Swap] may be called during the iteration, which
// then yields the new values; any other change to d (a push, pop, insert,
// remove, rotation or Clear) makes the iteration panic with "deque: Deque
// modified during iteration" when the loop body returns, rather than skip
// or repeat elements. A nil *Deque yields nothing.
func (d *Deque[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		if d == nil {
			return
		}
		check(&d.h)
		mods := d.mods
		for i := 0; i < d.n; i++ {
			if !yield(i, d.buf[d.slot(i)]) {
				return
			}
			if d.mods != mods {
				panic(modifiedPanic)
			}
		}
	}
}

// Values returns an iterator over the elements of d, front to back, like
// [slices.Values]. Changes to d during the iteration behave as for
// [Deque.All].
func (d *Deque[T]) Values() iter.Seq[T] {
	return func(yield func(T) bool) {
		if d == nil {
			return
		}
		check(&d.h)
		mods := d.mods
		for i := 0; i < d.n; i++ {
			if !yield(d.buf[d.slot(i)]) {
				return
			}
			if d.mods != mods {
				panic(modifiedPanic)
			}
		}
	}
}

// Backward returns an iterator over the index-value pairs of d, back to
// front, like [slices.Backward]. Changes to d during the iteration behave
// as for [Deque.All].
func (d *Deque[T]) Backward() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		if d == nil {
			return
		}
		check(&d.h)
		mods := d.mods
		for i := d.n - 1; i >= 0; i-- {
			if !yield(i, d.buf[d.slot(i)]) {
				return
			}
			if d.mods != mods {
				panic(modifiedPanic)
			}
		}
	}
}

// Slices returns the elements of d, front to back, as two slices that
// alias its storage, like Rust's VecDeque::as_slices: front holds the
// first elements and back the rest. When the elements are contiguous,
// back is empty. Both slices have their capacity clipped to their length,
// so appending to them never overwrites d; they are valid until d is next
// changed. A nil *Deque returns two empty slices.
func (d *Deque[T]) Slices() (front, back []T) {
	if d == nil {
		return nil, nil
	}
	check(&d.h)
	end := d.head + d.n
	if end <= len(d.buf) {
		return d.buf[d.head:end:end], nil
	}
	end -= len(d.buf)
	return d.buf[d.head:], d.buf[:end:end]
}

// Index returns the index of the first element of d, from the front, for
// which f returns true, or -1 if there is none, like [slices.IndexFunc].
// A nil *Deque returns -1.
func (d *Deque[T]) Index(f func(T) bool) int {
	if d == nil {
		return -1
	}
	check(&d.h)
	for i := 0; i < d.n; i++ {
		if f(d.buf[d.slot(i)]) {
			return i
		}
	}
	return -1
}

// RIndex is like [Deque.Index] but searches from the back: it returns the
// index, counted from the front, of the last element for which f returns
// true, or -1 if there is none.
func (d *Deque[T]) RIndex(f func(T) bool) int {
	if d == nil {
		return -1
	}
	check(&d.h)
	for i := d.n - 1; i >= 0; i-- {
		if f(d.buf[d.slot(i)]) {
			return i
		}
	}
	return -1
}
