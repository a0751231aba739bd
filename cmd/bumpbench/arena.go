//go:build goexperiment.arenas

package main

// This file adds Go's experimental arena package (GOEXPERIMENT=arenas,
// proposal 51317, on hold upstream) as a third variant, used the way its
// documentation intends: a new arena per batch, freed at the end of it.

import (
	"arena"
	"reflect"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// goArena is a bump.Allocator backed by the arena.Arena in h, which the
// benchmark replaces after each decode (an arena cannot be reused after
// Free). The tree's two types get arena.MakeSlice; any other type (none
// today) a reflect-made array, so that it keeps its pointer map.
type goArena struct{ h *arenaHolder }

type arenaHolder struct{ a *arena.Arena }

var (
	nodeType = reflect.TypeFor[jsontree.Node]()
	byteType = reflect.TypeFor[byte]()
)

func (g goArena) Allocate(l bump.Layout, n int) (unsafe.Pointer, error) {
	switch l.Type() {
	case nodeType:
		return unsafe.Pointer(unsafe.SliceData(arena.MakeSlice[jsontree.Node](g.h.a, n, n))), nil
	case byteType:
		return unsafe.Pointer(unsafe.SliceData(arena.MakeSlice[byte](g.h.a, n, n))), nil
	}
	return reflect.ArenaNew(g.h.a, reflect.ArrayOf(n, l.Type())).UnsafePointer(), nil
}

// Resize reports false: an arena allocation cannot change size.
func (goArena) Resize(bump.Layout, unsafe.Pointer, int, int) bool { return false }

// Free does nothing: the arena frees everything at once.
func (goArena) Free(bump.Layout, unsafe.Pointer, int) {}

func handleArena(a *arena.Arena) int {
	var head *reqItem
	for i := range reqItems {
		it := arena.New[reqItem](a)
		it.name, it.next = workload.ArenaString(a, reqFields[i%len(reqFields)]), head
		it.tags = arena.MakeSlice[string](a, 4, 4)
		for j := range it.tags {
			it.tags[j] = workload.ArenaString(a, reqFields[(i+j)%len(reqFields)])
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
	arenaVariants["alloc-noptr"] = workload.NewSmallGoArena
	arenaVariants["alloc-ptr"] = workload.NewPointerGoArena
	arenaVariants["slices"] = workload.SlicesGoArena
	arenaVariants["strings"] = workload.StringsGoArena
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
