package bump_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// small is a 24-byte pointer-free struct, the size the anchors use.
type small struct{ a, b, c int64 }

// node is a 24-byte struct holding a pointer.
type node struct {
	next *node
	a, b int64
}

// batch is how many allocations the tests' batches make, as the
// benchmarks' (workload.Batch).
const batch = workload.Batch

// The benchmarks of this package run the bodies that cmd/bumpbench
// reports (internal/testkit/workload), so that the two cannot drift
// apart. Sub-benchmarks are named impl=heap, impl=bump... so that
// benchstat compares them: go test -bench . -count 10 | benchstat
// -col /impl -.

// BenchmarkNewSmall allocates batches of a 24-byte pointer-free struct
// (alloc-noptr in cmd/bumpbench).
func BenchmarkNewSmall(b *testing.B) {
	b.Run("impl=heap", workload.NewSmallHeap)
	b.Run("impl=bump", workload.NewSmallBump)
}

// BenchmarkNewPointer builds a linked list, so that every allocation
// holds a live pointer the garbage collector must trace (alloc-ptr).
func BenchmarkNewPointer(b *testing.B) {
	b.Run("impl=heap", workload.NewPointerHeap)
	b.Run("impl=bump", workload.NewPointerBump)
}

// BenchmarkMakeSlice allocates byte slices of one size per
// sub-benchmark.
func BenchmarkMakeSlice(b *testing.B) {
	for _, size := range workload.SliceSizes {
		b.Run(fmt.Sprintf("size=%d/impl=heap", size), workload.MakeSliceHeap(size))
		b.Run(fmt.Sprintf("size=%d/impl=bump", size), workload.MakeSliceBump(size))
	}
}

// BenchmarkString copies strings of 4 to 100 bytes (strings in
// cmd/bumpbench): strings.Clone against bump.String.
func BenchmarkString(b *testing.B) {
	b.Run("impl=heap", workload.StringsHeap)
	b.Run("impl=bump", workload.StringsBump)
}
