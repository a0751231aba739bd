package btree

import "fmt"

// A step is one level of the path from the root to a node: the node and
// the index of the child taken (or of the entry found).
type step[K, V any] struct {
	n *node[K, V]
	i int
}

// insert returns a pointer to the value slot for k, inserting k with the
// zero value if it is not in m, and reports whether k was present. Its
// errors name method.
func (m *Map[K, V]) insert(k K, method string) (*V, bool, error) {
	m.mutable(method)
	if m.root == nil {
		leaf, err := m.newLeaf()
		if err != nil {
			return nil, false, fmt.Errorf("btree: %s: %w", method, err)
		}
		m.root = leaf
	}
	var path [maxDepth]step[K, V]
	depth := 0
	n := m.root
	var i int
	for {
		var found bool
		i, found = m.search(n, k)
		if found {
			n.keys[i] = k
			return &n.vals[i], true, nil
		}
		if n.children == nil {
			break
		}
		path[depth] = step[K, V]{n, i}
		depth++
		n = n.children[i]
	}
	if n.n < maxItems {
		var zero V
		n.insertAt(i, k, zero)
		m.len++
		m.mods++
		m.checkInvariants()
		return &n.vals[i], false, nil
	}
	p, err := m.insertSplit(n, i, k, path[:depth])
	if err != nil {
		return nil, false, fmt.Errorf("btree: %s: %w", method, err)
	}
	m.checkInvariants()
	return p, false, nil
}

// insertSplit inserts k at index i of the full leaf, which path leads to,
// splitting it and as many of its ancestors as are full. It takes the
// nodes it needs first, so that it fails before changing anything.
func (m *Map[K, V]) insertSplit(leaf *node[K, V], i int, k K, path []step[K, V]) (*V, error) {
	splits := 1
	for j := len(path) - 1; j >= 0 && path[j].n.n == maxItems; j-- {
		splits++
	}
	inner := splits - 1
	if splits > len(path) {
		inner++ // a new root
	}
	if err := m.allocNodes(max(1-m.nfreeLeaves, 0), max(inner-m.nfreeInner, 0)); err != nil {
		return nil, err
	}
	m.len++
	m.mods++
	right, _ := m.newLeaf()
	medK, medV := split(leaf, right)
	var zero V
	x, xi := leaf, i
	if i > minItems {
		x, xi = right, i-minItems-1
	}
	x.insertAt(xi, k, zero)
	p := &x.vals[xi]
	for j := len(path) - 1; j >= 0; j-- {
		x, xi := path[j].n, path[j].i
		if x.n < maxItems {
			x.insertAt(xi, medK, medV)
			x.insertChild(xi+1, right)
			return p, nil
		}
		r, _ := m.newInner()
		mk, mv := split(x, r)
		if xi > minItems {
			x, xi = r, xi-minItems-1
		}
		x.insertAt(xi, medK, medV)
		x.insertChild(xi+1, right)
		medK, medV, right = mk, mv, r
	}
	root, _ := m.newInner()
	root.keys[0], root.vals[0] = medK, medV
	root.n = 1
	root.children[0], root.children[1] = m.root, right
	m.root = root
	return p, nil
}

// split moves the upper half of the full node x to the empty node r (of
// the same kind) and returns the middle entry, which x no longer holds.
func split[K, V any](x, r *node[K, V]) (K, V) {
	const mid = minItems
	k, v := x.keys[mid], x.vals[mid]
	r.n = copy(r.keys[:], x.keys[mid+1:])
	copy(r.vals[:], x.vals[mid+1:])
	clear(x.keys[mid:])
	clear(x.vals[mid:])
	if x.children != nil {
		copy(r.children[:], x.children[mid+1:])
		clear(x.children[mid+1:])
	}
	x.n = mid
	return k, v
}
