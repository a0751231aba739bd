package workload

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

// The settling workloads: rounds of different kinds and sizes in a reused
// arena, the way a server's requests or a batch job's items differ, to
// measure what a warm arena still takes from the Go heap.

// A RoundKind is one kind of round of the settling workloads.
type RoundKind int

const (
	// TextRound formats about 64 KiB of strings into a Vec of strings.
	TextRound RoundKind = iota
	// MapRound fills a hashmap.Map[uint64, uint64] grown from empty to
	// MapRoundEntries entries, whose final table is about 16 MiB.
	MapRound
	// TreeRound builds about 4 MiB of pointer-holding values of three
	// types: binary tree nodes, named list entries, and a Vec of pointers
	// to the nodes.
	TreeRound
	roundKinds
)

// MapRoundEntries is the number of entries a MapRound inserts.
const MapRoundEntries = 500_000

func (k RoundKind) String() string {
	return [...]string{"text 64 KiB", "map 16 MiB", "tree 4 MiB"}[k]
}

type settleNode struct {
	Left, Right *settleNode
	Value       int
}

type settleEntry struct {
	Name string
	Next *settleEntry
}

// Round runs one round of kind k in a (nil for the Go heap) and returns a
// checksum of what it built, so that the work cannot be optimised away
// and a test can compare allocators.
func Round(a bump.Allocator, k RoundKind) int {
	switch k {
	case TextRound:
		v := vec.New[string](a)
		s := str.New(a)
		for i := range 1024 {
			s.Clear()
			s.WriteString("request ")
			s.AppendInt(int64(i), 10)
			s.WriteString(": some text of the kind a server formats|")
			v.Push(bump.StringIn(a, s.String()))
		}
		return v.Len() + len(v.At(0))
	case MapRound:
		const spread = 0x9e3779b97f4a7c15 // keys far apart, as hashes are
		m := hashmap.New[uint64, uint64](a)
		for i := range uint64(MapRoundEntries) {
			m.Set(i*spread, i)
		}
		seven := uint64(7)
		v, _ := m.Get(seven * spread)
		return m.Len() + int(v)
	case TreeRound:
		nodes := vec.New[*settleNode](a)
		var list *settleEntry
		for i := range 100_000 {
			n := bump.AllocIn(a, settleNode{Value: i})
			if i > 0 {
				parent := nodes.At((i - 1) / 2)
				if i%2 == 1 {
					parent.Left = n
				} else {
					parent.Right = n
				}
			}
			nodes.Push(n)
			if i%2 == 0 {
				list = bump.AllocIn(a, settleEntry{Name: "entry", Next: list})
			}
		}
		sum := 0
		for e := list; e != nil; e = e.Next {
			sum++
		}
		return sum + nodes.At(nodes.Len()-1).Value
	}
	panic(fmt.Sprintf("workload: unknown round kind %d", k))
}

// MixedRounds returns n round kinds in a random order fixed by seed, with
// every kind among the first three, so that a warm-up of three rounds or
// more has seen them all.
func MixedRounds(seed uint64, n int) []RoundKind {
	r := rand.New(rand.NewPCG(seed, seed))
	kinds := make([]RoundKind, n)
	for i := range kinds {
		if i < int(roundKinds) {
			kinds[i] = RoundKind(i)
		} else {
			kinds[i] = RoundKind(r.IntN(int(roundKinds)))
		}
	}
	return kinds
}

// HeapTaken returns the bytes the Go heap handed out while f ran: what a
// warm arena should bring to nothing.
func HeapTaken(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// MixedRoundsBench returns the benchmark of one round of each kind per
// operation: on the Go heap, or in one arena reset after each round.
func MixedRoundsBench(arena bool) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for k := range roundKinds { // warm: b.Loop measures from its first call
			Round(&a, k)
			a.Reset()
		}
		for b.Loop() {
			for k := range roundKinds {
				if arena {
					sinkInt = Round(&a, k)
					a.Reset()
				} else {
					sinkInt = Round(nil, k)
				}
			}
		}
	}
}
