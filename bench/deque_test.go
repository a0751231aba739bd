package bench

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// BenchmarkDeque compares bumpkit's Deque, on the Go heap and in an arena
// reset after every operation, with gammazero/deque on the workloads of
// DequeWorkloads. Compare the ratios of the sub-benchmarks of one run
// (docs/benchmarks.md); on a busy machine, count instructions with
// cmd/dequeir instead.
func BenchmarkDeque(b *testing.B) {
	for _, w := range DequeWorkloads {
		b.Run(w.Name+"/gammazero", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w.GZ()
			}
		})
		b.Run(w.Name+"/heap", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w.BK(nil)
			}
		})
		b.Run(w.Name+"/arena", func(b *testing.B) {
			b.ReportAllocs()
			var arena bump.Bump
			for b.Loop() {
				w.BK(&arena)
				arena.Reset()
			}
		})
	}
}

// TestDequeWorkloadsAgree checks that the workloads do the same work on
// both implementations: the same sum of popped values.
func TestDequeWorkloadsAgree(t *testing.T) {
	for _, w := range DequeWorkloads {
		DequeSink = 0
		w.GZ()
		want := DequeSink
		for _, a := range []bump.Allocator{nil, new(bump.Bump)} {
			DequeSink = 0
			w.BK(a)
			if DequeSink != want {
				t.Errorf("%s: bumpkit popped a sum of %d, gammazero %d", w.Name, DequeSink, want)
			}
		}
	}
}
