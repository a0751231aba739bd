package btree

import "github.com/bumpkit/bumpkit/internal/header"

// Clone returns a copy of m whose nodes, and the Map itself, come from
// m's allocator, with m's ordering. Keys and values are copied with
// assignment (a shallow clone, like maps.Clone). It copies every node
// now (google/btree's and tidwall/btree's clones share nodes and copy
// them on the next write), taking as many nodes as the tree has in two
// allocations, so a clone costs O(Len) once and nothing later. It panics
// with an error wrapping the allocator's if it cannot provide the copy,
// leaving the allocator as it was. Clone of a nil m is nil. It writes
// nothing to m, so concurrent readers may call it if the allocator is
// safe for concurrent use (the Go heap is, a Bump is not).
func (m *Map[K, V]) Clone() *Map[K, V] {
	if m == nil {
		return nil
	}
	c, err := header.New[Map[K, V]](m.a)
	if err != nil {
		panic(mapName.Wrap("Clone", err))
	}
	if err := m.cloneInto(c); err != nil {
		header.Free(m.a, c, &c.h) // so that the panic leaves the allocator as it was
		panic(mapName.Wrap("Clone", err))
	}
	return c
}

// cloneInto makes the zero Map c a copy of m.
func (m *Map[K, V]) cloneInto(c *Map[K, V]) error {
	m.check()
	if m.search == nil {
		panic("btree: Clone: Map not made by New or NewFunc")
	}
	c.init(m.a)
	c.search, c.cmp = m.search, m.cmp
	if m.root != nil {
		leaves, inner := m.root.count()
		if err := c.allocNodes(leaves, inner); err != nil {
			return err
		}
		c.root = c.copyTree(m.root)
		c.len = m.len
	}
	return nil
}

// count returns the numbers of leaves and inner nodes of the tree under n.
func (n *node[K, V]) count() (leaves, inner int) {
	if n.children == nil {
		return 1, 0
	}
	for _, c := range n.children[:n.n+1] {
		l, i := c.count()
		leaves += l
		inner += i
	}
	return leaves, inner + 1
}

// copyTree copies the tree under n into nodes from c's free lists.
func (c *Map[K, V]) copyTree(n *node[K, V]) *node[K, V] {
	var d *node[K, V]
	if n.children == nil {
		d, _ = c.newLeaf()
	} else {
		d, _ = c.newInner()
		for i, ch := range n.children[:n.n+1] {
			d.children[i] = c.copyTree(ch)
		}
	}
	d.n = n.n
	d.keys = n.keys
	d.vals = n.vals
	return d
}
