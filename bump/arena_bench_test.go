//go:build goexperiment.arenas

package bump_test

import (
	"arena"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// BenchmarkArena compares Bump with the experimental arena package of the
// Go runtime (GOEXPERIMENT=arenas), in the batched style of the other
// benchmarks: a batch of allocations, then one Free or Reset.
func BenchmarkArena(b *testing.B) {
	b.Run("New/arena", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			for range batch {
				sinkSmall = arena.New[small](a)
			}
			sinkSmall = nil
			a.Free()
		}
		reportPerAlloc(b)
	})
	b.Run("New/bump", benchBumpNewSmall)
	b.Run("NewPointer/arena", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			var head *node
			for range batch {
				n := arena.New[node](a)
				n.next = head
				head = n
			}
			sinkNode = nil
			a.Free()
		}
		reportPerAlloc(b)
	})
	b.Run("NewPointer/bump", benchBumpNewPointer)
	const size = 256
	b.Run("MakeSlice/arena", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			for range batch {
				sinkBytes = arena.MakeSlice[byte](a, size, size)
			}
			sinkBytes = nil
			a.Free()
		}
		reportPerAlloc(b)
	})
	b.Run("MakeSlice/bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			for range batch {
				sinkBytes = bump.MakeSlice[byte](&a, size, size)
			}
			sinkBytes = nil
			a.Reset()
		}
		reportPerAlloc(b)
	})
}
