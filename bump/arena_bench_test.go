//go:build goexperiment.arenas

package bump_test

import (
	"arena"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// BenchmarkArena compares Bump with the experimental arena package of the
// Go runtime (GOEXPERIMENT=arenas), in the batched style of the other
// benchmarks: a batch of allocations, then one Free or Reset.
func BenchmarkArena(b *testing.B) {
	b.Run("New/arena", workload.NewSmallGoArena)
	b.Run("New/bump", workload.NewSmallBump)
	b.Run("NewPointer/arena", workload.NewPointerGoArena)
	b.Run("NewPointer/bump", workload.NewPointerBump)
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
