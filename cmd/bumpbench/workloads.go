package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// A task is one workload measured with the Go heap (the baseline, always
// the first variant) and with bumpkit, and with Go's arena experiment when
// built with GOEXPERIMENT=arenas.
type task struct {
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
	treeDepth  int    // of the binary-trees workload
	json       []byte // the real-data workload's document, if it runs
	smoke      bool
}

// batch is how many allocations one operation of the allocation workloads
// makes; bumpkit resets once per batch, so the cost of Reset is included.
const batch = workload.Batch

// sinkInt keeps the compiler from optimising the work away.
//
//lint:ignore U1000 a benchmark sink is written, never read, by design
var sinkInt int

func workloads(cfg *config) []*task {
	ws := []*task{
		{
			name: "alloc-noptr",
			desc: fmt.Sprintf("%d allocations of a 24-byte pointer-free struct", batch),
			variants: []variant{
				{heapVariant, workload.NewSmallHeap},
				{bumpVariant, workload.NewSmallBump},
			},
		},
		{
			name: "alloc-ptr",
			desc: fmt.Sprintf("%d allocations of a 24-byte struct holding a pointer (a linked list)", batch),
			variants: []variant{
				{heapVariant, workload.NewPointerHeap},
				{bumpVariant, workload.NewPointerBump},
			},
		},
		{
			name: "typed-noptr",
			desc: "alloc-noptr with the typed handle bump.Of[T]'s New (compare with alloc-noptr's bumpkit row: bump.New)",
			variants: []variant{
				{heapVariant, workload.NewSmallHeap},
				{bumpVariant, workload.NewSmallTyped},
			},
		},
		{
			name: "typed-ptr",
			desc: "alloc-ptr with the typed handle bump.Of[T]'s New (compare with alloc-ptr's bumpkit row: bump.New)",
			variants: []variant{
				{heapVariant, workload.NewPointerHeap},
				{bumpVariant, workload.NewPointerTyped},
			},
		},
		{
			name: "append",
			desc: fmt.Sprintf("append %d ints to a nil slice (bump.Append vs append)", workload.VecPushes),
			variants: []variant{
				{heapVariant, workload.VecPushAppend},
				{bumpVariant, workload.AppendBump},
			},
		},
		{
			name: "slices",
			desc: fmt.Sprintf("%d each of %s-byte slices", workload.SliceRounds, sizeList(workload.SliceSizes[:])),
			variants: []variant{
				{heapVariant, workload.SlicesHeap},
				{bumpVariant, workload.SlicesBump},
			},
		},
		{
			name: "strings",
			desc: fmt.Sprintf("copies of %d strings of 4 to 100 bytes", len(workload.StringInputs)),
			variants: []variant{
				{heapVariant, workload.StringsHeap},
				{bumpVariant, workload.StringsBump},
			},
		},
		requestWorkload(cfg),
		{
			name: "binary-trees",
			desc: fmt.Sprintf("the Benchmarks Game's binary-trees, depths %d to %d: %d nodes in trees built, checked and dropped (bumpkit: an arena per tree, reset after each)",
				workload.MinTreeDepth, cfg.treeDepth, workload.BinaryTreesNodes(cfg.treeDepth)),
			variants: []variant{
				{heapVariant, workload.BinaryTreesHeapBench(cfg.treeDepth)},
				{bumpVariant, workload.BinaryTreesBumpBench(cfg.treeDepth)},
			},
		},
		{
			name: "binary-trees-typed",
			desc: "binary-trees with the typed handle bump.Of[T]'s New (compare with binary-trees' bumpkit row: bump.New)",
			variants: []variant{
				{heapVariant, workload.BinaryTreesHeapBench(cfg.treeDepth)},
				{bumpVariant, workload.BinaryTreesTypedBench(cfg.treeDepth)},
			},
		},
		fanOutWorkload(cfg),
		{
			name: "mixed-rounds",
			desc: fmt.Sprintf("one round of each kind, in one arena reset after each: %s, %s and %s (the heap's B/op is what a warm arena no longer takes)",
				workload.TextRound, workload.MapRound, workload.TreeRound),
			variants: []variant{
				{heapVariant, workload.MixedRoundsBench(false)},
				{bumpVariant, workload.MixedRoundsBench(true)},
			},
		},
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

// sizeList formats sizes as "16-, 256- and 4096".
func sizeList(sizes []int) string {
	var b strings.Builder
	for i, n := range sizes {
		switch {
		case i == 0:
		case i == len(sizes)-1:
			b.WriteString("- and ")
		default:
			b.WriteString("-, ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

// fanOutWorkload is binary-trees spread over 4 goroutines: on the heap,
// each allocates with new; with bumpkit, each builds in a child arena
// forked from one arena (bump.Bump.Fork), reset after each tree and
// joined at the end.
func fanOutWorkload(cfg *config) *task {
	const workers = 4
	heap, forked := workload.BinaryTreesParallelBench(cfg.treeDepth, workers)
	return &task{
		name: "fan-out",
		desc: fmt.Sprintf("binary-trees with each depth's trees shared among %d goroutines (bumpkit: a child arena forked per goroutine, joined at the end)", workers),
		variants: []variant{
			{heapVariant, heap},
			{bumpVariant, forked},
		},
	}
}
