package bench

import (
	"testing"

	gz "github.com/gammazero/deque"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
)

// dequeLen is the number of elements the FIFO and LIFO workloads push and
// then drain, as in ../shared/ANCHORS.md ("deque FIFO 100k").
const dequeLen = 100_000

var dequeSink int

// The workloads are written once per implementation, without an
// interface in the loop, so that each runs at its own speed: an interface
// call per operation would cost more than the operations measured.

func fifoGZ() {
	var q gz.Deque[int]
	for i := range dequeLen {
		q.PushBack(i)
	}
	for q.Len() > 0 {
		dequeSink += q.PopFront()
	}
}

func fifoBK(a bump.Allocator) {
	q := deque.New[int](a)
	for i := range dequeLen {
		q.PushBack(i)
	}
	for v, ok := q.PopFront(); ok; v, ok = q.PopFront() {
		dequeSink += v
	}
}

func lifoGZ() {
	var q gz.Deque[int]
	for i := range dequeLen {
		q.PushFront(i)
	}
	for q.Len() > 0 {
		dequeSink += q.PopFront()
	}
}

func lifoBK(a bump.Allocator) {
	q := deque.New[int](a)
	for i := range dequeLen {
		q.PushFront(i)
	}
	for v, ok := q.PopFront(); ok; v, ok = q.PopFront() {
		dequeSink += v
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
			dequeSink += q.PopFront()
			if q.Len() > 0 {
				dequeSink += q.PopBack()
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
			dequeSink += v
			if w, ok := q.PopBack(); ok {
				dequeSink += w
			}
		}
	}
}

// BenchmarkDeque compares bumpkit's Deque, on the Go heap and in an arena
// reset after every operation, with gammazero/deque on three workloads.
// Each operation starts from an empty deque, so growth (and, on the heap,
// shrinking while draining) is part of what is measured. Ratios:
//
//	go test -run x -bench Deque -count 5 | go run ./ratio
func BenchmarkDeque(b *testing.B) {
	workloads := []struct {
		name string
		gz   func()
		bk   func(bump.Allocator)
	}{
		{"FIFO", fifoGZ, fifoBK},
		{"LIFO", lifoGZ, lifoBK},
		{"mixed", mixedGZ, mixedBK},
	}
	for _, w := range workloads {
		b.Run(w.name+"/gammazero", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w.gz()
			}
		})
		b.Run(w.name+"/heap", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w.bk(nil)
			}
		})
		b.Run(w.name+"/arena", func(b *testing.B) {
			b.ReportAllocs()
			var arena bump.Bump
			for b.Loop() {
				w.bk(&arena)
				arena.Reset()
			}
		})
	}
}

// TestDequeWorkloadsAgree checks that the workloads do the same work on
// both implementations: the same sum of popped values.
func TestDequeWorkloadsAgree(t *testing.T) {
	for _, w := range []struct {
		name string
		gz   func()
		bk   func(bump.Allocator)
	}{{"FIFO", fifoGZ, fifoBK}, {"LIFO", lifoGZ, lifoBK}, {"mixed", mixedGZ, mixedBK}} {
		dequeSink = 0
		w.gz()
		want := dequeSink
		for _, a := range []bump.Allocator{nil, new(bump.Bump)} {
			dequeSink = 0
			w.bk(a)
			if dequeSink != want {
				t.Errorf("%s: bumpkit popped a sum of %d, gammazero %d", w.name, dequeSink, want)
			}
		}
	}
}
