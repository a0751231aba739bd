package btree

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// maxItems is the number of entries a node holds when full. It is odd so
// that a full node splits around its middle entry into two nodes of
// minItems entries each. 31 keeps a node of int keys and values at about
// half a kilobyte: a search touches a few cache lines per level, and an
// insertion shifts at most 30 entries.
const (
	maxItems = 63
	minItems = maxItems / 2
)

// maxDepth bounds the height of a tree: every node but the root has at
// least minItems+1 children, so a tree of height maxDepth would hold more
// than 2 * 16^22 entries, more than an int counts.
const maxDepth = 24

// A node holds n entries, sorted by key, in keys[:n] and vals[:n]; the
// slots from n on are zero, so that a node never keeps alive what a
// removed entry referred to. An inner node has n+1 children, child i
// holding the keys between keys[i-1] and keys[i]; a leaf has none.
//
// Keys and values are kept in separate arrays so that a search reads
// only keys. The children live in their own allocation, which leaves do
// not need: a leaf of int keys and values is 512 bytes instead of 768.
// A node holds a pointer (children) whatever K and V are, so allocators
// always place it in memory the garbage collector scans as a node.
type node[K, V any] struct {
	n        int
	children *kids[K, V] // nil for a leaf
	// next links the nodes of a free list (see Map.freeLeaves).
	next *node[K, V]
	keys [maxItems]K
	vals [maxItems]V
}

type kids[K, V any] [maxItems + 1]*node[K, V]

// insertAt shifts the entries from i on one slot to the right and puts k,
// v at i. n must not be full.
func (n *node[K, V]) insertAt(i int, k K, v V) {
	copy(n.keys[i+1:n.n+1], n.keys[i:n.n])
	copy(n.vals[i+1:n.n+1], n.vals[i:n.n])
	n.keys[i], n.vals[i] = k, v
	n.n++
}

// removeAt removes the entry at i, shifting those after it left and
// zeroing the slot it frees.
func (n *node[K, V]) removeAt(i int) {
	copy(n.keys[i:n.n-1], n.keys[i+1:n.n])
	copy(n.vals[i:n.n-1], n.vals[i+1:n.n])
	n.n--
	var k K
	var v V
	n.keys[n.n], n.vals[n.n] = k, v
}

// insertChild shifts the children from i on one place to the right and
// puts c at i. n has n.n children before the call (one fewer than its
// entries plus one, since the matching entry was inserted first).
func (n *node[K, V]) insertChild(i int, c *node[K, V]) {
	ch := n.children
	copy(ch[i+1:n.n+1], ch[i:n.n])
	ch[i] = c
}

// removeChild removes child i of n, which has n.n+2 children before the
// call (its entry was removed first).
func (n *node[K, V]) removeChild(i int) {
	ch := n.children
	copy(ch[i:n.n+1], ch[i+1:n.n+2])
	ch[n.n+1] = nil
}

// nodeCounts returns how many leaves and inner nodes a tree of n entries
// may need at most: every node but the root holds at least minItems
// entries, so there are at most n/minItems leaves, and every inner node
// but the root has more than minItems children, so each level has at
// most 1/(minItems+1) as many nodes as the one below, or is the root.
func nodeCounts(n int) (leaves, inner int) {
	if n <= maxItems {
		return min(n, 1), 0
	}
	leaves = n / minItems
	for level := leaves; level > 1; {
		level = max(1, level/(minItems+1))
		inner += level
	}
	return leaves, inner
}

// newLeaf returns an empty leaf, from the free list if there is one.
func (m *Map[K, V]) newLeaf() (*node[K, V], error) {
	if n := m.freeLeaves; n != nil {
		m.freeLeaves, n.next = n.next, nil
		m.nfreeLeaves--
		return n, nil
	}
	if err := m.allocNodes(1, 0); err != nil {
		return nil, err
	}
	return m.newLeaf()
}

// newInner returns an empty inner node (with its children array), from
// the free list if there is one.
func (m *Map[K, V]) newInner() (*node[K, V], error) {
	if n := m.freeInner; n != nil {
		m.freeInner, n.next = n.next, nil
		m.nfreeInner--
		return n, nil
	}
	if err := m.allocNodes(0, 1); err != nil {
		return nil, err
	}
	return m.newInner()
}

// allocNodes adds leaves new leaves and inner new inner nodes to the free
// lists, each kind in one allocation (two for the inner nodes and their
// children arrays). If one fails, those already made are given back, so
// that m and its allocator are as they were.
func (m *Map[K, V]) allocNodes(leaves, inner int) error {
	ls, err := allocSlice[node[K, V]](m.a, leaves)
	if err != nil {
		return err
	}
	is, err := allocSlice[node[K, V]](m.a, inner)
	if err != nil {
		bump.FreeSlice(m.a, ls)
		return err
	}
	ks, err := allocSlice[kids[K, V]](m.a, inner)
	if err != nil {
		bump.FreeSlice(m.a, is)
		bump.FreeSlice(m.a, ls)
		return err
	}
	for i := range ls {
		ls[i].next = m.freeLeaves
		m.freeLeaves = &ls[i]
	}
	for i := range is {
		is[i].children = &ks[i]
		is[i].next = m.freeInner
		m.freeInner = &is[i]
	}
	m.leaves += leaves
	m.inner += inner
	m.nfreeLeaves += leaves
	m.nfreeInner += inner
	// The newest allocation is released by any reset that releases one of
	// the tree's nodes (a Reset, or a ResetTo a checkpoint taken before
	// it), so in the checked build one tag on it watches them all.
	m.h.Store(m.a)
	return nil
}

// allocSlice returns n zeroed values from a (nil for none).
func allocSlice[T any](a bump.Allocator, n int) ([]T, error) {
	if n == 0 {
		return nil, nil
	}
	return bump.AllocateSlice[T](a, n)
}

// freeNode clears n and puts it on its free list. The entries were moved
// or cleared already, except when the whole tree is dropped (Clear).
func (m *Map[K, V]) freeNode(n *node[K, V]) {
	clear(n.keys[:n.n])
	clear(n.vals[:n.n])
	n.n = 0
	if n.children != nil {
		clear(n.children[:])
		n.next = m.freeInner
		m.freeInner = n
		m.nfreeInner++
		return
	}
	n.next = m.freeLeaves
	m.freeLeaves = n
	m.nfreeLeaves++
}

// freeTree puts n and all its descendants on the free lists.
func (m *Map[K, V]) freeTree(n *node[K, V]) {
	if n.children != nil {
		for _, c := range n.children[:n.n+1] {
			m.freeTree(c)
		}
	}
	m.freeNode(n)
}

// reserve makes sure that the free lists hold what a tree of total
// entries needs beyond the nodes m has: after it, growing the tree to
// total entries allocates nothing.
func (m *Map[K, V]) reserve(total int) error {
	leaves, inner := nodeCounts(total)
	return m.allocNodes(max(leaves-m.leaves, 0), max(inner-m.inner, 0))
}

// Grow makes room for at least n more entries: after Grow(n), the next n
// insertions of new keys neither allocate nor fail, whatever deletions
// come between them. The room is nodes kept on m's free lists. It panics
// if n is negative ("btree: Grow: negative count -1") or, leaving m
// unchanged, with an error wrapping the allocator's if it cannot provide
// the nodes; see [Map.TryGrow].
func (m *Map[K, V]) Grow(n int) {
	if n < 0 {
		panic(fmt.Sprintf("btree: Grow: negative count %d", n))
	}
	if err := m.tryGrow(n, "Grow"); err != nil {
		panic(err)
	}
}

// TryGrow is like [Map.Grow] but returns an error wrapping the
// allocator's (such as [bump.ErrAllocationLimit]), or
// [bump.ErrInvalidSize] if n entries would not fit in memory, instead of
// panicking. On error m is unchanged. It panics if n is negative.
func (m *Map[K, V]) TryGrow(n int) error {
	if n < 0 {
		panic(fmt.Sprintf("btree: TryGrow: negative count %d", n))
	}
	return m.tryGrow(n, "TryGrow")
}

// tryGrow is Grow and TryGrow, whose errors name method.
func (m *Map[K, V]) tryGrow(n int, method string) error {
	m.mutable(method)
	total := m.len + n
	if total < m.len {
		return fmt.Errorf("btree: %s: cannot hold %d more entries: %w", method, n, bump.ErrInvalidSize)
	}
	if err := m.reserve(total); err != nil {
		return fmt.Errorf("btree: %s: %w", method, err)
	}
	return nil
}
