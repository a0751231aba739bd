package main

import (
	"fmt"

	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// The container workloads compare each bumpkit container, in an arena
// reset after every operation, with the builtin way of doing the same on
// the heap; their bodies are in internal/workload, shared with the
// packages' benchmarks.
func containerWorkloads() []*task {
	return []*task{
		{
			name: "vec",
			desc: fmt.Sprintf("push %d ints into an empty vector (vec.Vec vs append)", workload.VecPushes),
			variants: []variant{
				{heapVariant, workload.VecPushAppend},
				{bumpVariant, workload.VecPushBump},
			},
		},
		{
			name: "str",
			desc: fmt.Sprintf("build a string from %d formatted parts (str.String's AppendInt vs fmt.Fprintf into a strings.Builder)", workload.StrParts),
			variants: []variant{
				{heapVariant, workload.StrFprintfBuilder},
				{bumpVariant, workload.StrAppendBump},
			},
		},
		{
			name: "hashmap",
			desc: fmt.Sprintf("insert %d int keys, then look each up (hashmap.Map vs map)", workload.MapKeys),
			variants: []variant{
				{heapVariant, workload.MapHeap},
				{bumpVariant, workload.MapBump},
			},
		},
		{
			name: "deque",
			desc: fmt.Sprintf("breadth-first walk of %d nodes of a binary tree through a FIFO queue (deque.Deque vs a slice)", workload.QueueVisits),
			variants: []variant{
				{heapVariant, workload.QueueSlice},
				{bumpVariant, workload.QueueBump},
			},
		},
	}
}
