package bench

import (
	gz "github.com/gammazero/deque"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
)

// A DequeWorkload is one deque workload written for gammazero/deque (GZ)
// and for bumpkit's Deque on a given allocator (BK). Each call starts from
// an empty deque, so growth (and, on the heap, shrinking while draining)
// is part of it. The benchmarks (deque_test.go) and cmd/dequeir, which
// runs one under callgrind for instruction counts, share these bodies.
type DequeWorkload struct {
	Name string
	GZ   func()
	BK   func(bump.Allocator)
}

// DequeWorkloads are the workloads of BenchmarkDeque.
var DequeWorkloads = []DequeWorkload{
	{"FIFO", fifoGZ, fifoBK},
	{"FIFO1024", fifo1024GZ, fifo1024BK},
	{"LIFO", lifoGZ, lifoBK},
	{"mixed", mixedGZ, mixedBK},
}

// dequeLen is the number of elements the FIFO and LIFO workloads push and
// then drain, as in ../shared/ANCHORS.md ("deque FIFO 100k").
const dequeLen = 100_000

// DequeSink keeps the popped values alive, so the compiler drops no pop.
var DequeSink int

// The workloads are written once per implementation, without an
// interface in the loop, so that each runs at its own speed: an interface
// call per operation would cost more than the operations measured.

func fifoGZ() {
	var q gz.Deque[int]
	for i := range dequeLen {
		q.PushBack(i)
	}
	for q.Len() > 0 {
		DequeSink += q.PopFront()
	}
}

func fifoBK(a bump.Allocator) {
	q := deque.New[int](a)
	for i := range dequeLen {
		q.PushBack(i)
	}
	for v, ok := q.PopFront(); ok; v, ok = q.PopFront() {
		DequeSink += v
	}
}

// shortLen is the length of the short FIFO workload, as deque's own
// BenchmarkFIFO: a queue that is filled and drained often, where growth
// from empty and shrinking while draining weigh most.
const shortLen = 1024

func fifo1024GZ() {
	var q gz.Deque[int]
	for i := range shortLen {
		q.PushBack(i)
	}
	for q.Len() > 0 {
		DequeSink += q.PopFront()
	}
}

func fifo1024BK(a bump.Allocator) {
	q := deque.New[int](a)
	for i := range shortLen {
		q.PushBack(i)
	}
	for v, ok := q.PopFront(); ok; v, ok = q.PopFront() {
		DequeSink += v
	}
}

func lifoGZ() {
	var q gz.Deque[int]
	for i := range dequeLen {
		q.PushFront(i)
	}
	for q.Len() > 0 {
		DequeSink += q.PopFront()
	}
}

func lifoBK(a bump.Allocator) {
	q := deque.New[int](a)
	for i := range dequeLen {
		q.PushFront(i)
	}
	for v, ok := q.PopFront(); ok; v, ok = q.PopFront() {
		DequeSink += v
	}
}

// mixed is a work queue whose length swings between empty and 4096: bursts
// of pushes at both ends, each followed by a shorter burst of pops, then a
// drain; 100k pushes in all.
const mixedBurst = 64

func mixedGZ() {
	var q gz.Deque[int]
	for round := range dequeLen / (2 * mixedBurst) {
		for i := range mixedBurst {
			q.PushBack(i)
			q.PushFront(i)
		}
		pops := mixedBurst
		if round%64 >= 32 {
			pops = 3 * mixedBurst // drain phase
		}
		for k := 0; k < pops && q.Len() > 0; k++ {
			DequeSink += q.PopFront()
			if q.Len() > 0 {
				DequeSink += q.PopBack()
			}
		}
	}
}

func mixedBK(a bump.Allocator) {
	q := deque.New[int](a)
	for round := range dequeLen / (2 * mixedBurst) {
		for i := range mixedBurst {
			q.PushBack(i)
			q.PushFront(i)
		}
		pops := mixedBurst
		if round%64 >= 32 {
			pops = 3 * mixedBurst
		}
		for k := 0; k < pops && q.Len() > 0; k++ {
			v, _ := q.PopFront()
			DequeSink += v
			if w, ok := q.PopBack(); ok {
				DequeSink += w
			}
		}
	}
}
