// Package jsontree decodes JSON documents into a tree of [Node] values whose
// storage (the children slices and the strings) comes from a
// [bump.Allocator]: a *bump.Bump, any other Allocator, or the Go heap when
// the Allocator is nil.
//
// The decoder is the same code for every allocator, which makes it a fair
// comparison of the arena with the heap: it is the real-data workload of
// bumpkit's benchmark (cmd/bumpbench) and the tree of the examples. It is
// a small hand-written scanner rather than encoding/json's Decoder.Token,
// whose own allocations (a boxed interface per token) would hide the cost
// of building the tree.
//
// A tree decoded into an arena is valid until the arena is reset.
package jsontree

import (
	"iter"
	"strconv"
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
