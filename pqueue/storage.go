package pqueue

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// Grow makes sure q can hold at least n more elements without growing
// its storage: after Grow(n), the next n pushes do not allocate. It
// panics if n is negative, and with an error wrapping the allocator's if
// it cannot provide the storage; see [Queue.TryGrow].
func (q *Queue[T]) Grow(n int) {
	if n < 0 {
		panic(fmt.Sprintf("pqueue: Grow: negative count %d", n))
	}
	q.mutable("Grow")
	if err := q.reserve(n, "Grow"); err != nil {
		panic(err)
	}
}

// TryGrow is like [Queue.Grow] but returns an error instead of panicking
// when the storage cannot be allocated: one wrapping
// [bump.ErrAllocationLimit] when the allocator's limit does not allow
// it, or [bump.ErrInvalidSize] when the size would overflow. On error q
// is unchanged; on success the next n pushes cannot fail. It still
// panics if n is negative.
func (q *Queue[T]) TryGrow(n int) error {
	if n < 0 {
		panic(fmt.Sprintf("pqueue: TryGrow: negative count %d", n))
	}
	q.mutable("TryGrow")
	return q.reserve(n, "TryGrow")
}

// reserve makes room for n more elements, growing as append does, and
// names method in its error.
func (q *Queue[T]) reserve(n int, method string) error {
	if n <= cap(q.s)-len(q.s) {
		return nil
	}
	need := len(q.s) + n
	if need < 0 {
		return fmt.Errorf("pqueue: %s: %d more elements than the %d held: %w", method, n, len(q.s), bump.ErrInvalidSize)
	}
	s, err := bump.ResizeSlice(q.a, q.s, bump.GrowCap(cap(q.s), need))
	if err != nil {
		return fmt.Errorf("pqueue: %s: %w", method, err)
	}
	q.s = s
	// Storage grown in place past a checkpoint is released by a ResetTo
	// to it, so the tag moves on every resize.
	q.h.Store(q.a)
	return nil
}

// Clone returns a copy of q, allocated like [New] from q's allocator,
// with the same order (and setIndex function, which the copy does not
// call for the copied elements). The elements are copied as by
// assignment. Clone of a nil q is nil. It panics with an error wrapping
// the allocator's if it cannot provide the copy, leaving the allocator
// as it was.
func (q *Queue[T]) Clone() *Queue[T] {
	if q == nil {
		return nil
	}
	q.check()
	if q.less == nil {
		panic("pqueue: Clone: Queue not made by New, NewFunc or NewIndexed")
	}
	c, err := header.New[Queue[T]](q.a)
	if err != nil {
		panic(queueName.Wrap("Clone", err))
	}
	c.h.Init(q.a)
	c.a = q.a
	s, err := bump.AllocateSlice[T](q.a, len(q.s))
	if err != nil {
		header.Free(q.a, c, &c.h) // so that the panic leaves the allocator as it was
		panic(queueName.Wrap("Clone", err))
	}
	copy(s, q.s)
	c.s = s
	if len(s) > 0 {
		c.h.Store(q.a)
	}
	c.less, c.up, c.down, c.setIndex = q.less, q.up, q.down, q.setIndex
	return c
}
