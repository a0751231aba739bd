package workload

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

func TestBinaryTrees(t *testing.T) {
	var a, long bump.Bump
	for _, depth := range []int{0, 4, 6, 7, 10} {
		want := BinaryTreesNodes(depth)
		if got := BinaryTreesHeap(depth); got != want {
			t.Errorf("BinaryTreesHeap(%d) = %d, want %d", depth, got, want)
		}
		if got := BinaryTreesBump(&a, &long, depth); got != want {
			t.Errorf("BinaryTreesBump(%d) = %d, want %d", depth, got, want)
		}
		if got := BinaryTreesTyped(&a, &long, depth); got != want {
			t.Errorf("BinaryTreesTyped(%d) = %d, want %d", depth, got, want)
		}
		if got := BinaryTreesHeapParallel(depth, 3); got != want {
			t.Errorf("BinaryTreesHeapParallel(%d) = %d, want %d", depth, got, want)
		}
		var parent bump.Bump
		if got := BinaryTreesForked(&parent, depth, 3); got != want {
			t.Errorf("BinaryTreesForked(%d) = %d, want %d", depth, got, want)
		}
		if a.AllocatedBytes() == 0 || long.AllocatedBytes() == 0 {
			t.Errorf("depth %d: the trees were not allocated in the arenas", depth)
		}
	}
	// Depth 6 by hand: a stretch tree of depth 7 (255 nodes), a long-lived
	// tree of depth 6 (127), 64 trees of depth 4 (31 each) and 16 of depth
	// 6.
	if got, want := BinaryTreesNodes(6), 255+127+64*31+16*127; got != want {
		t.Errorf("BinaryTreesNodes(6) = %d, want %d", got, want)
	}
	if BinaryTreesNodes(0) != BinaryTreesNodes(6) {
		t.Errorf("depths below %d are raised to it", MinTreeDepth+2)
	}
}
