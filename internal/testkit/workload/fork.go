package workload

import (
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// The fork workloads: allocation from a forked arena against a plain one,
// and a fan-out of goroutines each building into its own child.

// NewPointerForked is NewPointerBump in a child forked from the arena
// once, reset after each batch: a child's fast path is a Bump's.
func NewPointerForked(b *testing.B) {
	b.ReportAllocs()
	var parent bump.Bump
	a := parent.Fork()
	for b.Loop() {
		var head *Node
		for i := range Batch {
			n := bump.New[Node](a)
			n.A, n.Next = int64(i), head
			head = n
		}
		sinkNode = head
		sinkNode = nil
		a.Reset()
	}
	parent.Join(a)
	reportPer(b, Batch, "alloc")
}

// FanOutTrees builds, on each of workers goroutines, trees of the given
// depth, rounds times, resetting after each: with forked arenas if
// forked, else each goroutine with an arena of its own (the way without
// Fork). It returns the number of nodes.
func FanOutTrees(a *bump.Bump, workers, depth, rounds int) int {
	forks := make([]*bump.Bump, workers)
	for w := range forks {
		forks[w] = a.Fork()
	}
	sums := make([]int, workers)
	var wg sync.WaitGroup
	for w, c := range forks {
		wg.Go(func() {
			for range rounds {
				sums[w] += bumpTree(c, depth).check()
				c.Reset()
			}
		})
	}
	wg.Wait()
	sum := 0
	for w, c := range forks {
		a.Join(c)
		sum += sums[w]
	}
	a.Reset()
	return sum
}

// FanOutTreesBench returns the benchmark of FanOutTrees: 64 trees of
// depth 10 per operation, shared among workers goroutines. The time per
// node against workers=1 is the speed-up of the fan-out.
func FanOutTreesBench(workers int) func(*testing.B) {
	const depth, trees = 10, 64
	return func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			sinkInt = FanOutTrees(&a, workers, depth, trees/workers)
		}
		reportPer(b, trees/workers*workers*(1<<(depth+1)-1), "node")
	}
}
