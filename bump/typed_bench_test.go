package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// BenchmarkTypedNew measures Typed.New against its baselines, in the
// batches of the other allocation benchmarks (4096 allocations, then one
// Reset): new on the Go heap, a bare typed slice bump written inline
// (the floor), bump.New, and bump.Of's handle. Compare ns/alloc between
// sub-benchmarks of one run.
func BenchmarkTypedNew(b *testing.B) {
	b.Run("type=small/impl=heap", workload.NewSmallHeap)
	b.Run("type=small/impl=bare", workload.NewSmallBare)
	b.Run("type=small/impl=New", workload.NewSmallBump)
	b.Run("type=small/impl=Typed", workload.NewSmallTyped)
	b.Run("type=pointer/impl=heap", workload.NewPointerHeap)
	b.Run("type=pointer/impl=bare", workload.NewPointerBare)
	b.Run("type=pointer/impl=New", workload.NewPointerBump)
	b.Run("type=pointer/impl=Typed", workload.NewPointerTyped)
}

var sinkTyped *bump.Typed[small]

// BenchmarkOf measures looking up a handle, as code that calls Of per
// request does: a warm Bump, one type among several in use.
func BenchmarkOf(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	bump.Of[node](&a)
	bump.Of[string](&a)
	for b.Loop() {
		sinkTyped = bump.Of[small](&a)
	}
}
