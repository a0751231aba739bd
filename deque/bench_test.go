package deque_test

import (
	"container/list"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// queueLen is the number of elements the benchmarks keep in flight.
const queueLen = 1024

var sink int

// BenchmarkFIFO builds a queue of queueLen ints from nothing and drains it,
// so each operation includes the queue's growth. The slice baseline is the
// usual Go idiom: append at the back, reslice at the front.
func BenchmarkFIFO(b *testing.B) {
	b.Run("impl=slice", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var q []int
			for i := range queueLen {
				q = append(q, i)
			}
			for len(q) > 0 {
				sink += q[0]
				q = q[1:]
			}
		}
	})
	b.Run("impl=list", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			q := list.New()
			for i := range queueLen {
				q.PushBack(i)
			}
			for e := q.Front(); e != nil; e = q.Front() {
				sink += q.Remove(e).(int)
			}
		}
	})
	benchDeques(b, false)
}

// BenchmarkSteadyState keeps queueLen ints in a queue and measures one
// push at the back plus one pop at the front, the pattern of a long-lived
// work queue.
func BenchmarkSteadyState(b *testing.B) {
	b.Run("impl=slice", func(b *testing.B) {
		b.ReportAllocs()
		q := make([]int, queueLen)
		i := 0
		for b.Loop() {
			q = append(q, i)
			sink += q[0]
			q = q[1:]
			i++
		}
	})
	b.Run("impl=list", func(b *testing.B) {
		b.ReportAllocs()
		q := list.New()
		for i := range queueLen {
			q.PushBack(i)
		}
		i := 0
		for b.Loop() {
			q.PushBack(i)
			sink += q.Remove(q.Front()).(int)
			i++
		}
	})
	for _, alloc := range []struct {
		name string
		a    bump.Allocator
	}{{"impl=deque-heap", nil}, {"impl=deque-bump", new(bump.Bump)}} {
		b.Run(alloc.name, func(b *testing.B) {
			b.ReportAllocs()
			q := deque.New[int](alloc.a)
			for i := range queueLen {
				q.PushBack(i)
			}
			i := 0
			for b.Loop() {
				q.PushBack(i)
				v, _ := q.PopFront()
				sink += v
				i++
			}
		})
	}
}

// BenchmarkStack pushes and pops queueLen ints at one end. The deque
// works at its front, where a slice cannot, so the slice baseline is the
// cheapest stack Go has: append and shorten at the back.
func BenchmarkStack(b *testing.B) {
	b.Run("impl=slice", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var s []int
			for i := range queueLen {
				s = append(s, i)
			}
			for len(s) > 0 {
				sink += s[len(s)-1]
				s = s[:len(s)-1]
			}
		}
	})
	b.Run("impl=list", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			q := list.New()
			for i := range queueLen {
				q.PushFront(i)
			}
			for e := q.Front(); e != nil; e = q.Front() {
				sink += q.Remove(e).(int)
			}
		}
	})
	benchDeques(b, true)
}

// benchDeques runs the deque sub-benchmarks of BenchmarkFIFO and
// BenchmarkStack, on the Go heap and in an arena reset every operation:
// fill a deque from nothing at its back (or front), then drain it from
// the front.
func benchDeques(b *testing.B, front bool) {
	for _, variant := range []struct {
		name  string
		arena *bump.Bump
	}{{"impl=deque-heap", nil}, {"impl=deque-bump", new(bump.Bump)}} {
		b.Run(variant.name, func(b *testing.B) {
			var a bump.Allocator // nil for the heap, not a nil *bump.Bump
			if variant.arena != nil {
				a = variant.arena
			}
			b.ReportAllocs()
			for b.Loop() {
				q := deque.New[int](a)
				for i := range queueLen {
					if front {
						q.PushFront(i)
					} else {
						q.PushBack(i)
					}
				}
				for v, ok := q.PopFront(); ok; v, ok = q.PopFront() {
					sink += v
				}
				if variant.arena != nil {
					variant.arena.Reset()
				}
			}
		})
	}
}

// BenchmarkBreadthFirst walks a binary tree breadth first through a FIFO
// queue: cmd/bumpbench's deque workload (internal/workload).
func BenchmarkBreadthFirst(b *testing.B) {
	b.Run("impl=slice", workload.QueueSlice)
	b.Run("impl=deque-bump", workload.QueueBump)
}
