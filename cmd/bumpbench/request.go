package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// The request workload models a server handling a request: it copies
// fields out of the request into a small object graph, computes a
// response from it, and drops it, while the program keeps a large live
// heap (a cache, say). Every garbage collection the heap variant triggers
// must mark that live heap, which is where arenas pay off most.

const reqItems = 256

type reqItem struct {
	name string
	tags []string
	vals []int64
	next *reqItem
}

// reqFields are the strings a request's items are copied from, standing in
// for a reused input buffer.
var reqFields = workload.Fields

func handleHeap() int {
	var head *reqItem
	for i := range reqItems {
		it := &reqItem{name: strings.Clone(reqFields[i%len(reqFields)]), next: head}
		it.tags = make([]string, 4)
		for j := range it.tags {
			it.tags[j] = strings.Clone(reqFields[(i+j)%len(reqFields)])
		}
		it.vals = make([]int64, 16)
		for j := range it.vals {
			it.vals[j] = int64(i * j)
		}
		head = it
	}
	return respond(head)
}

func handleBump(a *bump.Bump) int {
	var head *reqItem
	for i := range reqItems {
		it := bump.New[reqItem](a)
		it.name, it.next = bump.String(a, reqFields[i%len(reqFields)]), head
		it.tags = bump.MakeSlice[string](a, 4, 4)
		for j := range it.tags {
			it.tags[j] = bump.String(a, reqFields[(i+j)%len(reqFields)])
		}
		it.vals = bump.MakeSlice[int64](a, 16, 16)
		for j := range it.vals {
			it.vals[j] = int64(i * j)
		}
		head = it
	}
	return respond(head)
}

// respond reads the whole graph, as serialising a response would.
func respond(head *reqItem) int {
	sum := 0
	for it := head; it != nil; it = it.next {
		sum += len(it.name)
		for _, t := range it.tags {
			sum += len(t)
		}
		for _, v := range it.vals {
			sum += int(v)
		}
	}
	return sum
}

// liveNode is a 64-byte node of the live heap.
type liveNode struct {
	left, right *liveNode
	payload     [6]int64
}

// liveRoot keeps the live heap alive while the request workload runs; it
// is only written, which is the point.
//
//lint:ignore U1000 written to keep the live heap reachable, never read
var liveRoot *liveNode

// buildLiveHeap makes a binary tree of about mb MiB of nodes, which the
// garbage collector must trace on every cycle.
func buildLiveHeap(mb int) *liveNode {
	n := mb << 20 / 64
	if n == 0 {
		return nil
	}
	nodes := make([]*liveNode, n)
	for i := range nodes {
		nodes[i] = &liveNode{payload: [6]int64{int64(i)}}
	}
	for i, nd := range nodes {
		if l := 2*i + 1; l < n {
			nd.left = nodes[l]
		}
		if r := 2*i + 2; r < n {
			nd.right = nodes[r]
		}
	}
	return nodes[0]
}

func requestWorkload(cfg *config) *task {
	return &task{
		name: "request",
		desc: fmt.Sprintf("one request: %d objects with strings and slices, built, read and dropped, beside a %d MiB live heap", reqItems, cfg.liveHeapMB),
		setup: func() func() {
			liveRoot = buildLiveHeap(cfg.liveHeapMB)
			return func() { liveRoot = nil }
		},
		variants: []variant{
			{heapVariant, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkInt = handleHeap()
				}
			}},
			{bumpVariant, func(b *testing.B) {
				b.ReportAllocs()
				var pool bump.Pool
				for b.Loop() {
					a := pool.Get()
					sinkInt = handleBump(a)
					pool.Put(a)
				}
			}},
		},
	}
}
