//go:build goexperiment.arenas

package workload

// The allocation workloads with Go's experimental arena package
// (GOEXPERIMENT=arenas, proposal 51317, on hold upstream), used the way
// its documentation intends: a new arena per batch, freed at its end.

import (
	"arena"
	"testing"
	"unsafe"
)

// NewSmallGoArena is NewSmallHeap with arena.New in an arena made for and
// freed after each batch.
func NewSmallGoArena(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a := arena.NewArena()
		for i := range Batch {
			p := arena.New[Small](a)
			p.A = int64(i)
			sinkSmall = p
		}
		sinkSmall = nil
		a.Free()
	}
	reportPer(b, Batch, "alloc")
}

// NewPointerGoArena is NewPointerHeap with arena.New in an arena made for
// and freed after each list.
func NewPointerGoArena(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a := arena.NewArena()
		var head *Node
		for i := range Batch {
			n := arena.New[Node](a)
			n.Next, n.A = head, int64(i)
			head = n
		}
		sinkNode = head
		sinkNode = nil
		a.Free()
	}
	reportPer(b, Batch, "alloc")
}

// SlicesGoArena is SlicesHeap with arena.MakeSlice in an arena made for
// and freed after each operation.
func SlicesGoArena(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a := arena.NewArena()
		for range SliceRounds {
			for _, n := range SliceSizes {
				s := arena.MakeSlice[byte](a, n, n)
				s[n-1] = 1
				sinkBytes = s
			}
		}
		sinkBytes = nil
		a.Free()
	}
}

// MakeSliceGoArena is MakeSliceHeap with arena.MakeSlice in an arena made
// for and freed after each batch.
func MakeSliceGoArena(size int) func(*testing.B) {
	n := sliceBatch(size)
	return func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			for range n {
				sinkBytes = arena.MakeSlice[byte](a, size, size)
			}
			sinkBytes = nil
			a.Free()
		}
		reportPer(b, n, "alloc")
	}
}

// StringsGoArena is StringsHeap with copies made in an arena made for and
// freed after each operation.
func StringsGoArena(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a := arena.NewArena()
		for _, s := range StringInputs {
			sinkString = ArenaString(a, s)
		}
		sinkString = ""
		a.Free()
	}
}

// ArenaString returns a copy of s allocated in a; the arena package has
// no string function.
func ArenaString(a *arena.Arena, s string) string {
	if s == "" {
		return ""
	}
	b := arena.MakeSlice[byte](a, len(s), len(s))
	copy(b, s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}
