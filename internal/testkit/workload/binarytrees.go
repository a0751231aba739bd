package workload

import (
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
		for b.Loop() {
			sinkInt = BinaryTreesBump(&a, &long, maxDepth)
		}
		reportPer(b, BinaryTreesNodes(maxDepth), "node")
	}
}
