package workload

import (
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// The allocation workloads: batches of single values, slices and strings,
// with new, make and strings.Clone against bump.New, bump.MakeSlice and
// bump.String.

// Small is a 24-byte pointer-free struct, the size of the project's
// reference measurements.
type Small struct{ A, B, C int64 }

// Node is a 24-byte struct holding a pointer: a list node.
type Node struct {
	Next *Node
	A, B int64
}

// NewSmallHeap allocates Batch Smalls with new per operation, writing a
// field of each.
func NewSmallHeap(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for i := range Batch {
			p := new(Small)
			p.A = int64(i)
			sinkSmall = p
		}
	}
	reportPer(b, Batch, "alloc")
}

// NewSmallBump is NewSmallHeap with bump.New in an arena reset after each
// batch.
func NewSmallBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		for i := range Batch {
			p := bump.New[Small](&a)
			p.A = int64(i)
			sinkSmall = p
		}
		sinkSmall = nil
		a.Reset()
	}
	reportPer(b, Batch, "alloc")
}

// NewPointerHeap builds a linked list of Batch Nodes with new per
// operation, so that every allocation holds a live pointer the garbage
// collector must trace.
func NewPointerHeap(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var head *Node
		for i := range Batch {
			head = &Node{Next: head, A: int64(i)}
		}
		sinkNode = head
	}
	reportPer(b, Batch, "alloc")
}

// NewPointerBump is NewPointerHeap with bump.New in an arena reset after
// each list.
func NewPointerBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		var head *Node
		for i := range Batch {
			n := bump.New[Node](&a)
			n.Next, n.A = head, int64(i)
			head = n
		}
		sinkNode = head
		sinkNode = nil
		a.Reset()
	}
	reportPer(b, Batch, "alloc")
}

// SliceSizes are the byte-slice sizes of the mixed-slices workload.
var SliceSizes = [...]int{16, 256, 4096}

// SliceRounds is how many slices of each size one operation of the
// mixed-slices workload makes.
const SliceRounds = 64

// SlicesHeap makes SliceRounds byte slices of each of SliceSizes with
// make per operation.
func SlicesHeap(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for range SliceRounds {
			for _, n := range SliceSizes {
				s := make([]byte, n)
				s[n-1] = 1
				sinkBytes = s
			}
		}
	}
}

// SlicesBump is SlicesHeap with bump.MakeSlice in an arena reset after
// each operation.
func SlicesBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		for range SliceRounds {
			for _, n := range SliceSizes {
				s := bump.MakeSlice[byte](&a, n, n)
				s[n-1] = 1
				sinkBytes = s
			}
		}
		sinkBytes = nil
		a.Reset()
	}
}

// MakeSliceHeap returns a workload that makes byte slices of size bytes
// with make, as many per operation as fit under half the largest chunk
// (at most Batch), so that the arena variant reaches its steady state: one
// chunk reused by every Reset, as a per-request arena would.
func MakeSliceHeap(size int) func(*testing.B) {
	n := sliceBatch(size)
	return func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for range n {
				sinkBytes = make([]byte, size)
			}
		}
		reportPer(b, n, "alloc")
	}
}

// MakeSliceBump is MakeSliceHeap with bump.MakeSlice in an arena reset
// after each batch.
func MakeSliceBump(size int) func(*testing.B) {
	n := sliceBatch(size)
	return func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			for range n {
				sinkBytes = bump.MakeSlice[byte](&a, size, size)
			}
			sinkBytes = nil
			a.Reset()
		}
		reportPer(b, n, "alloc")
	}
}

func sliceBatch(size int) int { return min(Batch, (512<<10)/size) }

// StringInputs are 1024 strings of 4 to 100 bytes, the input of the
// string-copy workload.
var StringInputs = func() []string {
	out := make([]string, 1024)
	for i := range out {
		n := 4 + (i*37)%97
		out[i] = strings.Repeat(string(rune('a'+i%26)), n)
	}
	return out
}()

// StringsHeap copies every string of StringInputs with strings.Clone per
// operation.
func StringsHeap(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range StringInputs {
			sinkString = strings.Clone(s)
		}
	}
}

// StringsBump is StringsHeap with bump.String in an arena reset after
// each operation.
func StringsBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		for _, s := range StringInputs {
			sinkString = bump.String(&a, s)
		}
		sinkString = ""
		a.Reset()
	}
}
