package pqueue

import "cmp"

// The sift functions restore the heap property around one element: up
// moves it towards the root while it comes out before its parent, down
// towards the leaves while a child comes out before it. Each carries the
// element in a local and writes it once, at its final place, instead of
// swapping at every level.
//
// upOrdered and downOrdered compare with <, for the types New gives them
// to; siftUp and siftDown call less and report moves to setIndex.

func upOrdered[T cmp.Ordered](s []T, i int) {
	x := s[i]
	for i > 0 {
		p := (i - 1) / 2
		if !(x < s[p]) {
			break
		}
		s[i] = s[p]
		i = p
	}
	s[i] = x
}

// downOrdered reports whether the element moved.
func downOrdered[T cmp.Ordered](s []T, i int) bool {
	x := s[i]
	i0, n := i, len(s)
	for {
		c := 2*i + 1
		if c >= n || c < 0 {
			break
		}
		if r := c + 1; r < n && s[r] < s[c] {
			c = r
		}
		if !(s[c] < x) {
			break
		}
		s[i] = s[c]
		i = c
	}
	s[i] = x
	return i > i0
}

func (q *Queue[T]) siftUp(i int) {
	s := q.s
	x := s[i]
	for i > 0 {
		p := (i - 1) / 2
		if !q.less(x, s[p]) {
			break
		}
		s[i] = s[p]
		q.moved(i)
		i = p
	}
	s[i] = x
	q.moved(i)
}

func (q *Queue[T]) siftDown(i int) bool {
	s := q.s
	x := s[i]
	i0, n := i, len(s)
	for {
		c := 2*i + 1
		if c >= n || c < 0 {
			break
		}
		if r := c + 1; r < n && q.less(s[r], s[c]) {
			c = r
		}
		if !q.less(s[c], x) {
			break
		}
		s[i] = s[c]
		q.moved(i)
		i = c
	}
	s[i] = x
	q.moved(i)
	return i > i0
}

// moved tells setIndex that the element at i is now there.
func (q *Queue[T]) moved(i int) {
	if q.setIndex != nil {
		q.setIndex(q.s[i], i)
	}
}

// heapify orders all of q.s, as container/heap's Init does.
func (q *Queue[T]) heapify() {
	n := len(q.s)
	for i := n/2 - 1; i >= 0; i-- {
		if q.down != nil {
			q.down(q.s, i)
		} else {
			q.siftDown(i)
		}
	}
	if q.setIndex != nil {
		for i, x := range q.s {
			q.setIndex(x, i)
		}
	}
}
