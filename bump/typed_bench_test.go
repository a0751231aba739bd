package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// BenchmarkTypedNew measures Typed.New against its baselines, in the
// batches of the other allocation benchmarks (4096 allocations, then one
// Reset): new on the Go heap, bump.New, and a bare typed slice bump
// written inline, which is the most a Go arena can hope for (no chunks,
// accounting or limit; its reset is the same clear of the batch's
// memory that Reset does). Compare ns/alloc between sub-benchmarks of one
// run.
func BenchmarkTypedNew(b *testing.B) {
	b.Run("small/heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range batch {
				p := new(small)
				p.a = int64(i)
				sinkTypedSmall = p
			}
		}
		reportPerAlloc(b)
	})
	b.Run("small/bare", func(b *testing.B) {
		b.ReportAllocs()
		s := make([]small, 0, batch)
		for b.Loop() {
			for i := range batch {
				n := len(s)
				if n == cap(s) {
					s = make([]small, 0, 2*cap(s))
				}
				s = s[:n+1]
				p := &s[n]
				p.a = int64(i)
				sinkTypedSmall = p
			}
			clear(s)
			s = s[:0]
		}
		reportPerAlloc(b)
	})
	b.Run("small/New", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			for i := range batch {
				p := bump.New[small](&a)
				p.a = int64(i)
				sinkTypedSmall = p
			}
			a.Reset()
		}
		reportPerAlloc(b)
	})
	b.Run("small/Typed", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		t := bump.Of[small](&a)
		for b.Loop() {
			for i := range batch {
				p := t.New()
				p.a = int64(i)
				sinkTypedSmall = p
			}
			a.Reset()
		}
		reportPerAlloc(b)
	})
	// The pointer variants build a linked list, so that every value holds
	// a live pointer the garbage collector must trace.
	b.Run("pointer/heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var head *node
			for range batch {
				n := new(node)
				n.next = head
				head = n
			}
			sinkTypedNode = head
		}
		reportPerAlloc(b)
	})
	b.Run("pointer/bare", func(b *testing.B) {
		b.ReportAllocs()
		s := make([]node, 0, batch)
		for b.Loop() {
			var head *node
			for range batch {
				k := len(s)
				if k == cap(s) {
					s = make([]node, 0, 2*cap(s))
				}
				s = s[:k+1]
				n := &s[k]
				n.next = head
				head = n
			}
			sinkTypedNode = head
			sinkTypedNode = nil
			clear(s)
			s = s[:0]
		}
		reportPerAlloc(b)
	})
	b.Run("pointer/New", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			var head *node
			for range batch {
				n := bump.New[node](&a)
				n.next = head
				head = n
			}
			sinkTypedNode = head
			sinkTypedNode = nil
			a.Reset()
		}
		reportPerAlloc(b)
	})
	b.Run("pointer/Typed", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		t := bump.Of[node](&a)
		for b.Loop() {
			var head *node
			for range batch {
				n := t.New()
				n.next = head
				head = n
			}
			sinkTypedNode = head
			sinkTypedNode = nil
			a.Reset()
		}
		reportPerAlloc(b)
	})
}

var (
	sinkTypedSmall *small
	sinkTypedNode  *node
	sinkTyped      *bump.Typed[small]
)

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
