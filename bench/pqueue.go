package bench

import (
	"container/heap"
	"math/rand/v2"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/pqueue"
)

// The priority-queue workload (pqueue_test.go) pushes PQueueLen random
// ints and pops them all, on container/heap over a slice (the IntHeap of
// its documentation) and on bumpkit's pqueue.

// PQueueLen is the number of ints pushed, as in ../shared/ANCHORS.md.
const PQueueLen = 100_000

// PQueueInput returns the ints the workload pushes, in a random order.
func PQueueInput() []int {
	r := rand.New(rand.NewPCG(1, 2))
	s := make([]int, PQueueLen)
	for i := range s {
		s[i] = r.IntN(1 << 30)
	}
	return s
}

// PQueueSink keeps the popped values alive.
var PQueueSink int

// IntHeap is container/heap's example min-heap of ints.
type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

// PushPopHeap pushes in onto a container/heap and pops them all.
func PushPopHeap(in []int) {
	h := &IntHeap{}
	for _, x := range in {
		heap.Push(h, x)
	}
	s := 0
	for h.Len() > 0 {
		s += heap.Pop(h).(int)
	}
	PQueueSink += s
}

// PushPopBK does the same with a pqueue.Queue on a.
func PushPopBK(a bump.Allocator, in []int) {
	q := pqueue.New[int](a)
	for _, x := range in {
		q.Push(x)
	}
	s := 0
	for x, ok := q.Pop(); ok; x, ok = q.Pop() {
		s += x
	}
	PQueueSink += s
}

// PushPopFunc does the same with a queue ordered by a less function.
func PushPopFunc(a bump.Allocator, in []int) {
	q := pqueue.NewFunc(a, func(a, b int) bool { return a < b })
	for _, x := range in {
		q.Push(x)
	}
	s := 0
	for x, ok := q.Pop(); ok; x, ok = q.Pop() {
		s += x
	}
	PQueueSink += s
}
