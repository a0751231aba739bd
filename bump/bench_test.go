package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
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
	sinkSmall *small
	sinkNode  *node
	sinkBytes []byte
)

// reportPerAlloc adds the time per allocation to a batched benchmark.
func reportPerAlloc(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/batch, "ns/alloc")
}

func BenchmarkNewSmall(b *testing.B) {
	b.Run("heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for range batch {
				sinkSmall = new(small)
			}
		}
		reportPerAlloc(b)
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			for range batch {
				sinkSmall = bump.New[small](&a)
			}
			a.Reset()
		}
		reportPerAlloc(b)
	})
}

// The pointer benchmarks build a linked list, so that every allocation
// holds a live pointer the garbage collector must trace.
func BenchmarkNewPointer(b *testing.B) {
	b.Run("heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var head *node
			for range batch {
				head = &node{next: head}
			}
			sinkNode = head
		}
		reportPerAlloc(b)
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			var head *node
			for range batch {
				n := bump.New[node](&a)
				n.next = head
				head = n
			}
			sinkNode = head
			sinkNode = nil
			a.Reset()
		}
		reportPerAlloc(b)
	})
}
