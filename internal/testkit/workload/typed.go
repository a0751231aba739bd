package workload

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// The typed-handle and Append workloads: NewSmallHeap and NewPointerHeap
// against bump.Of's handle, and VecPushAppend against bump.Append. The
// handle is taken once per operation (per request, say), as users would.

// NewSmallTyped is NewSmallHeap with the typed handle bump.Of[Small] of an
// arena reset after each batch.
func NewSmallTyped(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		t := bump.Of[Small](&a)
		for i := range Batch {
			p := t.New()
			p.A = int64(i)
			sinkSmall = p
		}
		sinkSmall = nil
		a.Reset()
	}
	reportPer(b, Batch, "alloc")
}

// NewPointerTyped is NewPointerHeap with the typed handle bump.Of[Node] of
// an arena reset after each list.
func NewPointerTyped(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		t := bump.Of[Node](&a)
		var head *Node
		for i := range Batch {
			n := t.New()
			n.Next, n.A = head, int64(i)
			head = n
		}
		sinkNode = head
		sinkNode = nil
		a.Reset()
	}
	reportPer(b, Batch, "alloc")
}

// AppendBump is VecPushAppend with bump.Append in an arena reset after
// each operation.
func AppendBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		var s []int
		for i := range VecPushes {
			s = bump.Append(&a, s, i)
		}
		sinkInts = s
		sinkInts = nil
		a.Reset()
	}
}

// NewSmallBare is NewSmallHeap with a bare typed slice bump written
// inline: the most a Go arena can hope for (no chunks, accounting or
// limit; its reset is the same clear of the batch's memory that Reset
// does), the floor bump.Of's handle is measured against.
func NewSmallBare(b *testing.B) {
	b.ReportAllocs()
	s := make([]Small, 0, Batch)
	for b.Loop() {
		for i := range Batch {
			n := len(s)
			if n == cap(s) {
				s = make([]Small, 0, 2*cap(s))
			}
			s = s[:n+1]
			p := &s[n]
			p.A = int64(i)
			sinkSmall = p
		}
		sinkSmall = nil
		clear(s)
		s = s[:0]
	}
	reportPer(b, Batch, "alloc")
}

// NewPointerBare is NewPointerHeap with a bare typed slice bump, as
// NewSmallBare.
func NewPointerBare(b *testing.B) {
	b.ReportAllocs()
	s := make([]Node, 0, Batch)
	for b.Loop() {
		var head *Node
		for i := range Batch {
			k := len(s)
			if k == cap(s) {
				s = make([]Node, 0, 2*cap(s))
			}
			s = s[:k+1]
			n := &s[k]
			n.Next, n.A = head, int64(i)
			head = n
		}
		sinkNode = head
		sinkNode = nil
		clear(s)
		s = s[:0]
	}
	reportPer(b, Batch, "alloc")
}
