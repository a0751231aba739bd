package bench

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// BenchmarkPQueue pushes 100k random ints and pops them all: with
// container/heap over a slice, and with pqueue's New (ordered by <) and
// NewFunc (a less function), on the Go heap and in an arena reset after
// each op.
func BenchmarkPQueue(b *testing.B) {
	in := PQueueInput()
	b.Run("pushpop-100k/container-heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			PushPopHeap(in)
		}
	})
	b.Run("pushpop-100k/heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			PushPopBK(nil, in)
		}
	})
	b.Run("pushpop-100k/arena", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			PushPopBK(&a, in)
			a.Reset()
		}
	})
	b.Run("pushpop-100k/func", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			PushPopFunc(nil, in)
		}
	})
}

// TestPQueueWorkloadsAgree checks that the implementations pop the same
// sum; pqueue's own tests check the order.
func TestPQueueWorkloadsAgree(t *testing.T) {
	in := PQueueInput()
	PQueueSink = 0
	PushPopHeap(in)
	want := PQueueSink
	for _, f := range []func(){func() { PushPopBK(nil, in) }, func() { PushPopBK(new(bump.Bump), in) }, func() { PushPopFunc(nil, in) }} {
		PQueueSink = 0
		f()
		if PQueueSink != want {
			t.Errorf("popped a sum of %d, container/heap %d", PQueueSink, want)
		}
	}
}
