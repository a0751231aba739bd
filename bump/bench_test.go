package bump_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// small is a 24-byte pointer-free struct, the size the anchors use.
type small struct{ a, b, c int64 }

// node is a 24-byte struct holding a pointer.
type node struct {
	next *node
	a, b int64
}

// batch is how many allocations one benchmark operation makes; the bump
// variants reset once per batch, so its cost is amortised over them.
const batch = 4096

var (
	sinkBytes  []byte
	sinkString string
)

// reportPerAlloc adds the time per allocation to a batched benchmark.
func reportPerAlloc(b *testing.B) { reportPerAllocN(b, batch) }

// reportPerAllocN is reportPerAlloc for a batch of n allocations.
func reportPerAllocN(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/alloc")
}

// BenchmarkNewSmall and BenchmarkNewPointer run the bodies that
// cmd/bumpbench reports as alloc-noptr and alloc-ptr (internal/workload).
func BenchmarkNewSmall(b *testing.B) {
	b.Run("heap", workload.NewSmallHeap)
	b.Run("bump", workload.NewSmallBump)
}

// The pointer benchmarks build a linked list, so that every allocation
// holds a live pointer the garbage collector must trace.
func BenchmarkNewPointer(b *testing.B) {
	b.Run("heap", workload.NewPointerHeap)
	b.Run("bump", workload.NewPointerBump)
}

// BenchmarkMakeSlice allocates byte slices. A batch is kept under half the
// largest chunk so that the bump variant reaches its steady state (one
// chunk reused by every Reset), as a per-request arena would.
func BenchmarkMakeSlice(b *testing.B) {
	for _, size := range []int{16, 256, 4096} {
		n := min(batch, (512<<10)/size)
		b.Run(fmt.Sprint(size, "/make"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for range n {
					sinkBytes = make([]byte, size)
				}
			}
			reportPerAllocN(b, n)
		})
		b.Run(fmt.Sprint(size, "/bump"), func(b *testing.B) {
			b.ReportAllocs()
			var a bump.Bump
			for b.Loop() {
				for range n {
					sinkBytes = bump.MakeSlice[byte](&a, size, size)
				}
				sinkBytes = nil
				a.Reset()
			}
			reportPerAllocN(b, n)
		})
	}
}

func BenchmarkString(b *testing.B) {
	src := strings.Repeat("s", 24)
	b.Run("clone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for range batch {
				sinkString = strings.Clone(src)
			}
		}
		reportPerAlloc(b)
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			for range batch {
				sinkString = bump.String(&a, src)
			}
			sinkString = ""
			a.Reset()
		}
		reportPerAlloc(b)
	})
}
