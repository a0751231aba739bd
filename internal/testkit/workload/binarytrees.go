package workload

import (
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// The binary-trees workload is the Benchmarks Game's allocation benchmark:
// build and check a stretch tree of depth maxDepth+1, build a long-lived
// tree of depth maxDepth, then, for each depth d from MinTreeDepth to
// maxDepth in steps of 2, build and check 2^(maxDepth-d+MinTreeDepth)
// complete binary trees of depth d, and finally check the long-lived tree. On the heap every tree is garbage
// once checked; with bumpkit each tree is built in an arena that is reset
// as soon as the tree is checked, and the long-lived tree has an arena of
// its own.

// MinTreeDepth is the depth of the smallest trees of the binary-trees
// workload.
const MinTreeDepth = 4

// TreeNode is a node of the binary-trees workload: two pointers, 16 bytes
// on 64-bit platforms.
type TreeNode struct{ Left, Right *TreeNode }

// check returns the number of nodes of the tree at n.
func (n *TreeNode) check() int {
	if n.Left == nil {
		return 1
	}
	return 1 + n.Left.check() + n.Right.check()
}

func heapTree(depth int) *TreeNode {
	if depth <= 0 {
		return &TreeNode{}
	}
	return &TreeNode{Left: heapTree(depth - 1), Right: heapTree(depth - 1)}
}

func bumpTree(a *bump.Bump, depth int) *TreeNode {
	n := bump.New[TreeNode](a)
	if depth > 0 {
		n.Left, n.Right = bumpTree(a, depth-1), bumpTree(a, depth-1)
	}
	return n
}

// treeDepth returns the depth of the long-lived tree for maxDepth, as
// the Benchmarks Game program does: at least MinTreeDepth+2.
func treeDepth(maxDepth int) int { return max(MinTreeDepth+2, maxDepth) }

// TreeIterations returns how many trees of depth d the binary-trees
// workload builds for maxDepth.
func TreeIterations(maxDepth, d int) int { return 1 << (treeDepth(maxDepth) - d + MinTreeDepth) }

// BinaryTreesHeap runs the binary-trees program for maxDepth on the Go
// heap and returns the sum of every check.
func BinaryTreesHeap(maxDepth int) int {
	maxDepth = treeDepth(maxDepth)
	sum := heapTree(maxDepth + 1).check()
	long := heapTree(maxDepth)
	for d := MinTreeDepth; d <= maxDepth; d += 2 {
		for range TreeIterations(maxDepth, d) {
			sum += heapTree(d).check()
		}
	}
	return sum + long.check()
}

// BinaryTreesBump is BinaryTreesHeap with each tree in the arena a, reset
// after each, and the long-lived tree in the arena long, reset at the end.
func BinaryTreesBump(a, long *bump.Bump, maxDepth int) int {
	maxDepth = treeDepth(maxDepth)
	sum := bumpTree(a, maxDepth+1).check()
	a.Reset()
	longTree := bumpTree(long, maxDepth)
	for d := MinTreeDepth; d <= maxDepth; d += 2 {
		for range TreeIterations(maxDepth, d) {
			sum += bumpTree(a, d).check()
			a.Reset()
		}
	}
	sum += longTree.check()
	long.Reset()
	return sum
}

// BinaryTreesNodes returns how many nodes the binary-trees program for
// maxDepth builds, which is also the sum of its checks.
func BinaryTreesNodes(maxDepth int) int {
	maxDepth = treeDepth(maxDepth)
	nodes := func(d int) int { return 1<<(d+1) - 1 }
	sum := nodes(maxDepth+1) + nodes(maxDepth)
	for d := MinTreeDepth; d <= maxDepth; d += 2 {
		sum += TreeIterations(maxDepth, d) * nodes(d)
	}
	return sum
}

// BinaryTreesHeapBench returns the benchmark of BinaryTreesHeap for
// maxDepth.
func BinaryTreesHeapBench(maxDepth int) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInt = BinaryTreesHeap(maxDepth)
		}
		reportPer(b, BinaryTreesNodes(maxDepth), "node")
	}
}

// BinaryTreesBumpBench returns the benchmark of BinaryTreesBump for
// maxDepth.
func BinaryTreesBumpBench(maxDepth int) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		var a, long bump.Bump
		BinaryTreesBump(&a, &long, maxDepth) // warm: b.Loop measures from its first call
		for b.Loop() {
			sinkInt = BinaryTreesBump(&a, &long, maxDepth)
		}
		reportPer(b, BinaryTreesNodes(maxDepth), "node")
	}
}

// BinaryTree builds a tree of the given depth in a and returns its check.
func BinaryTree(a *bump.Bump, depth int) int { return bumpTree(a, depth).check() }

func typedTree(h *bump.Typed[TreeNode], depth int) *TreeNode {
	n := h.New()
	if depth > 0 {
		n.Left, n.Right = typedTree(h, depth-1), typedTree(h, depth-1)
	}
	return n
}

// BinaryTreesTyped is BinaryTreesBump with the nodes allocated through the
// typed handle bump.Of[TreeNode] instead of bump.New.
func BinaryTreesTyped(a, long *bump.Bump, maxDepth int) int {
	maxDepth = treeDepth(maxDepth)
	h := bump.Of[TreeNode](a)
	sum := typedTree(h, maxDepth+1).check()
	a.Reset()
	longTree := typedTree(bump.Of[TreeNode](long), maxDepth)
	for d := MinTreeDepth; d <= maxDepth; d += 2 {
		for range TreeIterations(maxDepth, d) {
			sum += typedTree(h, d).check()
			a.Reset()
		}
	}
	sum += longTree.check()
	long.Reset()
	return sum
}

// BinaryTreesTypedBench returns the benchmark of BinaryTreesTyped for
// maxDepth.
func BinaryTreesTypedBench(maxDepth int) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		var a, long bump.Bump
		BinaryTreesTyped(&a, &long, maxDepth) // warm
		for b.Loop() {
			sinkInt = BinaryTreesTyped(&a, &long, maxDepth)
		}
		reportPer(b, BinaryTreesNodes(maxDepth), "node")
	}
}

// The fan-out versions split each depth's trees among workers goroutines,
// as a parallel binary-trees does: on the heap each goroutine allocates
// with new; with bumpkit each goroutine has a child arena forked from
// the request's arena, resets it after each tree, and is joined at the
// end.

// BinaryTreesHeapParallel is BinaryTreesHeap with each depth's trees
// shared among workers goroutines.
func BinaryTreesHeapParallel(maxDepth, workers int) int {
	maxDepth = treeDepth(maxDepth)
	sum := heapTree(maxDepth + 1).check()
	long := heapTree(maxDepth)
	sums := make([]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for d := MinTreeDepth; d <= maxDepth; d += 2 {
				for i := w; i < TreeIterations(maxDepth, d); i += workers {
					sums[w] += heapTree(d).check()
				}
			}
		})
	}
	wg.Wait()
	for _, s := range sums {
		sum += s
	}
	return sum + long.check()
}

// BinaryTreesForked is BinaryTreesBump with each depth's trees shared
// among workers goroutines, each in a child arena forked from a, and the
// long-lived tree in a itself.
func BinaryTreesForked(a *bump.Bump, maxDepth, workers int) int {
	maxDepth = treeDepth(maxDepth)
	forks := make([]*bump.Bump, workers)
	for w := range forks {
		forks[w] = a.Fork()
	}
	sum := bumpTree(forks[0], maxDepth+1).check()
	forks[0].Reset()
	long := bumpTree(a, maxDepth)
	sums := make([]int, workers)
	var wg sync.WaitGroup
	for w, c := range forks {
		wg.Go(func() {
			for d := MinTreeDepth; d <= maxDepth; d += 2 {
				for i := w; i < TreeIterations(maxDepth, d); i += workers {
					sums[w] += bumpTree(c, d).check()
					c.Reset()
				}
			}
		})
	}
	wg.Wait()
	for w, c := range forks {
		a.Join(c)
		sum += sums[w]
	}
	sum += long.check()
	a.Reset()
	return sum
}

// BinaryTreesParallelBench returns the benchmarks of the fan-out
// binary-trees, on the heap and with forked arenas.
func BinaryTreesParallelBench(maxDepth, workers int) (heap, forked func(*testing.B)) {
	heap = func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInt = BinaryTreesHeapParallel(maxDepth, workers)
		}
		reportPer(b, BinaryTreesNodes(maxDepth), "node")
	}
	forked = func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		BinaryTreesForked(&a, maxDepth, workers) // warm
		for b.Loop() {
			sinkInt = BinaryTreesForked(&a, maxDepth, workers)
		}
		reportPer(b, BinaryTreesNodes(maxDepth), "node")
	}
	return heap, forked
}
