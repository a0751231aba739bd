package pqueue

import (
	"cmp"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
)

// All returns an iterator over the indexes and elements of q in the
// order they are stored, which is not the order of Pop: only index 0 is
// known to come out first. The indexes are those [Queue.Fix],
// [Queue.Set], [Queue.Remove] and [Queue.At] take. A change to q during
// the iteration makes it panic with "pqueue: Queue modified during
// iteration", since the elements move. Ranging over a nil q produces
// nothing. The iteration writes nothing to q, so any number of
// goroutines may range over q at once while none changes it.
func (q *Queue[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		if q == nil {
			return
		}
		q.check()
		mods := q.mods
		for i := 0; i < len(q.s); i++ {
			if !yield(i, q.s[i]) {
				return
			}
			if q.mods != mods {
				panic("pqueue: Queue modified during iteration")
			}
		}
	}
}

// Values returns an iterator over the elements of q in the order of
// [Queue.All]: slices.Sorted(q.Values()) (with the queue's order) lists
// them in the order Pop would return them, without changing q.
func (q *Queue[T]) Values() iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range q.All() {
			if !yield(x) {
				return
			}
		}
	}
}

// Drain returns an iterator that pops the elements of q, first first,
// until q is empty or the loop stops; the elements not reached stay in
// q. q may be changed during the range: an element pushed is popped in
// its turn. Ranging over a nil q produces nothing.
func (q *Queue[T]) Drain() iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			x, ok := q.Pop()
			if !ok || !yield(x) {
				return
			}
		}
	}
}

// PushAll pushes the values of seq. When q is empty it collects them all
// first and orders them at once, in O(n) instead of O(n log n), as
// container/heap's Init does. It panics like [Queue.Push]; the values
// collected before a failure are kept.
func (q *Queue[T]) PushAll(seq iter.Seq[T]) {
	q.mutable("PushAll")
	if len(q.s) > 0 {
		for x := range seq {
			q.Push(x)
		}
		return
	}
	for x := range seq {
		if len(q.s) == cap(q.s) {
			if err := q.reserve(1, "PushAll"); err != nil {
				q.mods++
				q.heapify()
				panic(err)
			}
		}
		q.s = append(q.s, x)
	}
	q.mods++
	q.heapify()
}

// Collect returns a new min-queue, allocated like [New], holding the
// values of seq. It panics like [Queue.Push].
func Collect[T cmp.Ordered](a bump.Allocator, seq iter.Seq[T]) *Queue[T] {
	q := New[T](a)
	q.PushAll(seq)
	return q
}
