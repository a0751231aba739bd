// Command inline uses every fast path of bump.Typed, so that
// TestTypedInlines can check with -gcflags=-m that they inline, and
// Append and TryAppend likewise.
package main

import "github.com/bumpkit/bumpkit/bump"

type small struct{ a, b, c int64 }

type node struct {
	next *node
	a, b int64
}

var (
	sinkSmall *small
	sinkNode  *node
	sinkSlice []small
	sinkNodes []node
	sinkErr   error
	sinkInts  []int
)

func main() {
	var b bump.Bump
	ts, tn := bump.Of[small](&b), bump.Of[node](&b)
	sinkSmall = ts.New()
	sinkSmall = ts.Alloc(small{a: 1})
	sinkSmall, sinkErr = ts.TryNew()
	sinkSmall, sinkErr = ts.TryAlloc(small{a: 2})
	sinkSlice = ts.MakeSlice(1, 2)
	sinkSlice, sinkErr = ts.TryMakeSlice(1, 2)
	sinkNode = tn.New()
	sinkNode = tn.Alloc(node{a: 1})
	sinkNode, sinkErr = tn.TryNew()
	sinkNode, sinkErr = tn.TryAlloc(node{a: 2})
	sinkNodes = tn.MakeSlice(1, 2)
	sinkNodes, sinkErr = tn.TryMakeSlice(1, 2)
	sinkInts = bump.Append(&b, sinkInts, 1)
	sinkInts, sinkErr = bump.TryAppend(&b, sinkInts, 2, 3)
}
