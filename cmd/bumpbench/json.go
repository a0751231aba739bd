package main

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
)

// walk reads every node of a decoded tree, as a program using it would.
func walk(n *jsontree.Node) int {
	sum := len(n.Key) + len(n.Str)
	for i := range n.Children {
		sum += walk(&n.Children[i])
	}
	return sum + 1
}

// decodeLoop is the body of every variant of the JSON workload: it decodes
// data into a tree allocated from alloc (the Go heap if nil); reset
// releases the tree after each decode.
func decodeLoop(b *testing.B, data []byte, alloc bump.Allocator, reset func()) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	d := jsontree.NewDecoder(alloc)
	for b.Loop() {
		n, err := d.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt = walk(&n)
		reset()
	}
}

func jsonWorkload(data []byte) *task {
	return &task{
		name: "json",
		desc: fmt.Sprintf("decode a %.1f MB JSON document into a tree and walk it", float64(len(data))/1e6),
		variants: []variant{
			{heapVariant, func(b *testing.B) {
				decodeLoop(b, data, nil, func() {})
			}},
			{bumpVariant, func(b *testing.B) {
				var a bump.Bump
				decodeLoop(b, data, &a, a.Reset)
			}},
		},
	}
}
