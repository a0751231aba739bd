package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// A workload is one task measured with the Go heap (the baseline, always
// the first variant) and with bumpkit, and with Go's arena experiment when
// built with GOEXPERIMENT=arenas.
type workload struct {
	name string
	desc string // what one operation does
	// setup, if not nil, runs before the variants are measured and returns
	// a function that undoes it; the live-heap workload builds its live
	// heap here so that building it is not measured.
	setup    func() (teardown func())
	variants []variant
}

type variant struct {
	name string
	fn   func(*testing.B)
}

// Variant names, in table order.
const (
	heapVariant  = "heap"
	bumpVariant  = "bumpkit"
	arenaVariant = "go-arena"
)

// arenaVariants holds the Go arena experiment's variants by workload name;
// arena.go fills it when built with GOEXPERIMENT=arenas.
var arenaVariants = map[string]func(*testing.B){}

// config holds what workloads need from the command line.
type config struct {
	liveHeapMB int
	json       []byte // the real-data workload's document, if it runs
	smoke      bool
}

// batch is how many allocations one operation of the allocation workloads
// makes; bumpkit resets once per batch, so the cost of Reset is included.
const batch = 4096

type small struct{ a, b, c int64 }

type node struct {
	next *node
	a, b int64
}

// Sinks keep the compiler from optimising allocations away.
var (
	sinkSmall  *small
	sinkNode   *node
	sinkBytes  []byte
	sinkString string
	sinkInt    int
)

func workloads(cfg *config) []*workload {
	ws := []*workload{
		{
			name: "alloc-noptr",
			desc: fmt.Sprintf("%d allocations of a 24-byte pointer-free struct", batch),
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						for i := range batch {
							p := new(small)
							p.a = int64(i)
							sinkSmall = p
						}
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					for b.Loop() {
						for i := range batch {
							p := bump.New[small](&a)
							p.a = int64(i)
							sinkSmall = p
						}
						a.Reset()
					}
					sinkSmall = nil
				}},
			},
		},
		{
			name: "alloc-ptr",
			desc: fmt.Sprintf("%d allocations of a 24-byte struct holding a pointer (a linked list)", batch),
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						var head *node
						for i := range batch {
							head = &node{next: head, a: int64(i)}
						}
						sinkNode = head
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					for b.Loop() {
						var head *node
						for i := range batch {
							n := bump.New[node](&a)
							n.next, n.a = head, int64(i)
							head = n
						}
						sinkNode = head
						a.Reset()
					}
					sinkNode = nil
				}},
			},
		},
		{
			name: "slices",
			desc: "64 each of 16-, 256- and 4096-byte slices",
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						for range 64 {
							for _, n := range sliceSizes {
								s := make([]byte, n)
								s[n-1] = 1
								sinkBytes = s
							}
						}
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					for b.Loop() {
						for range 64 {
							for _, n := range sliceSizes {
								s := bump.MakeSlice[byte](&a, n, n)
								s[n-1] = 1
								sinkBytes = s
							}
						}
						a.Reset()
					}
					sinkBytes = nil
				}},
			},
		},
		{
			name: "strings",
			desc: fmt.Sprintf("copies of %d strings of 4 to 100 bytes", len(stringInputs)),
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						for _, s := range stringInputs {
							sinkString = strings.Clone(s)
						}
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					for b.Loop() {
						for _, s := range stringInputs {
							sinkString = bump.String(&a, s)
						}
						a.Reset()
					}
					sinkString = ""
				}},
			},
		},
		requestWorkload(cfg),
	}
	ws = append(ws, containerWorkloads()...)
	if cfg.json != nil {
		ws = append(ws, jsonWorkload(cfg.json))
	}
	for _, w := range ws {
		if f := arenaVariants[w.name]; f != nil {
			w.variants = append(w.variants, variant{arenaVariant, f})
		}
	}
	return ws
}

var sliceSizes = [...]int{16, 256, 4096}

// stringInputs are 1024 strings of varied lengths and contents.
var stringInputs = func() []string {
	out := make([]string, 1024)
	for i := range out {
		n := 4 + (i*37)%97
		out[i] = strings.Repeat(string(rune('a'+i%26)), n)
	}
	return out
}()
