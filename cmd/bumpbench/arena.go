//go:build goexperiment.arenas

package main

// This file adds Go's experimental arena package (GOEXPERIMENT=arenas,
// proposal 51317, on hold upstream) as a third variant, used the way its
// documentation intends: a new arena per batch, freed at the end of it.

import (
	"arena"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/examples/jsontree/tree"
)

// goArena is a tree.Allocator backed by the arena.Arena in h, which the
// benchmark replaces after each decode (an arena cannot be reused after
// Free).
type goArena struct{ h *arenaHolder }

type arenaHolder struct{ a *arena.Arena }

func (g goArena) Nodes(n int) []tree.Node { return arena.MakeSlice[tree.Node](g.h.a, n, n) }

func (g goArena) String(b []byte) string {
	// The view of b lives only until arenaString has copied it.
	return arenaString(g.h.a, unsafe.String(unsafe.SliceData(b), len(b)))
}

// arenaString copies s into a; the arena package has no string function.
func arenaString(a *arena.Arena, s string) string {
	if s == "" {
		return ""
	}
	b := arena.MakeSlice[byte](a, len(s), len(s))
	copy(b, s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func handleArena(a *arena.Arena) int {
	var head *reqItem
	for i := range reqItems {
		it := arena.New[reqItem](a)
		it.name, it.next = arenaString(a, reqFields[i%len(reqFields)]), head
		it.tags = arena.MakeSlice[string](a, 4, 4)
		for j := range it.tags {
			it.tags[j] = arenaString(a, reqFields[(i+j)%len(reqFields)])
		}
		it.vals = arena.MakeSlice[int64](a, 16, 16)
		for j := range it.vals {
			it.vals[j] = int64(i * j)
		}
		head = it
	}
	return respond(head)
}

func init() {
	arenaVariants["alloc-noptr"] = func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			for i := range batch {
				p := arena.New[small](a)
				p.a = int64(i)
				sinkSmall = p
			}
			sinkSmall = nil
			a.Free()
		}
	}
	arenaVariants["alloc-ptr"] = func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			var head *node
			for i := range batch {
				n := arena.New[node](a)
				n.next, n.a = head, int64(i)
				head = n
			}
			sinkInt = int(head.a)
			a.Free()
		}
	}
	arenaVariants["slices"] = func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			for range 64 {
				for _, n := range sliceSizes {
					s := arena.MakeSlice[byte](a, n, n)
					s[n-1] = 1
				}
			}
			a.Free()
		}
	}
	arenaVariants["strings"] = func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			for _, s := range stringInputs {
				sinkInt += len(arenaString(a, s))
			}
			a.Free()
		}
	}
	arenaVariants["request"] = func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := arena.NewArena()
			sinkInt = handleArena(a)
			a.Free()
		}
	}
	arenaVariants["json"] = func(b *testing.B) {
		h := &arenaHolder{arena.NewArena()}
		decodeLoop(b, jsonData, goArena{h}, func() {
			h.a.Free()
			h.a = arena.NewArena()
		})
		h.a.Free()
	}
}
