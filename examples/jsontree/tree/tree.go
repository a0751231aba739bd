// Package tree decodes JSON documents into a tree of [Node] values whose
// storage (the children slices and the strings) comes from a pluggable
// [Allocator]: the Go heap ([Heap]) or a bump arena ([Arena]).
//
// The decoder is the same code for both; only the allocator differs, which
// makes it a fair comparison of the two and the real-data workload of
// bumpkit's benchmark (cmd/bumpbench). It is a small hand-written scanner
// rather than encoding/json's Decoder.Token, whose own allocations (a
// boxed interface per token) would hide the cost of building the tree.
//
// A tree decoded with an Arena is valid until the arena is reset.
package tree

import (
	"iter"
	"strconv"

	"github.com/bumpkit/bumpkit/bump"
)

// A Kind is the JSON type of a Node.
type Kind uint8

// The kinds of JSON value.
const (
	Null Kind = iota
	False
	True
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "false", "true", "number", "string", "array", "object"}

// String returns the JSON name of k ("null", "object", ...), or "Kind(n)"
// for an unknown kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// A Node is one JSON value. Children holds the elements of an Array or the
// members of an Object, in document order; each member's name is in its
// Key. Str holds the value of a String, Num the value of a Number.
type Node struct {
	Kind     Kind
	Num      float64
	Key      string
	Str      string
	Children []Node
}

// Get returns the member of the object n named key, or nil if n is not an
// object or has no such member. If key occurs more than once, Get returns
// the first.
func (n *Node) Get(key string) *Node {
	if n.Kind != Object {
		return nil
	}
	for i := range n.Children {
		if n.Children[i].Key == key {
			return &n.Children[i]
		}
	}
	return nil
}

// All returns an iterator over n and all its descendants, depth first, in
// document order.
func (n *Node) All() iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		n.walk(yield)
	}
}

func (n *Node) walk(yield func(*Node) bool) bool {
	if !yield(n) {
		return false
	}
	for i := range n.Children {
		if !n.Children[i].walk(yield) {
			return false
		}
	}
	return true
}

// An Allocator provides the storage of a tree. Nodes returns a zeroed slice
// of n nodes (n > 0); String returns a string with the bytes of b, which
// the decoder reuses after the call, so String must copy them.
type Allocator interface {
	Nodes(n int) []Node
	String(b []byte) string
}

// Heap is the Allocator that allocates from the Go heap with make and
// string conversion: the baseline.
type Heap struct{}

// Nodes returns make([]Node, n).
func (Heap) Nodes(n int) []Node { return make([]Node, n) }

// String returns string(b).
func (Heap) String(b []byte) string { return string(b) }

// Arena is the Allocator that allocates in the bump arena B. The tree is
// valid until B is reset.
type Arena struct{ B *bump.Bump }

// Nodes returns a zeroed slice of n nodes allocated in a.B. Node holds
// pointers, so the arena keeps them in memory the garbage collector scans.
func (a Arena) Nodes(n int) []Node { return bump.MakeSlice[Node](a.B, n, n) }

// String returns a copy of b allocated in a.B.
func (a Arena) String(b []byte) string { return bump.String(a.B, b) }
