package btree

// delete removes k from the non-empty tree.
func (m *Map[K, V]) delete(k K) (V, bool) {
	var path [maxDepth]step[K, V]
	depth := 0
	n := m.root
	var i int
	for {
		var found bool
		i, found = m.search(n, k)
		if found {
			break
		}
		if n.children == nil {
			var zero V
			return zero, false
		}
		path[depth] = step[K, V]{n, i}
		depth++
		n = n.children[i]
	}
	v := n.vals[i]
	if n.children != nil {
		// Replace the entry with its predecessor, the last entry of the
		// rightmost leaf of the child before it, and remove that instead.
		path[depth] = step[K, V]{n, i}
		depth++
		c := n.children[i]
		for c.children != nil {
			path[depth] = step[K, V]{c, c.n}
			depth++
			c = c.children[c.n]
		}
		n.keys[i], n.vals[i] = c.keys[c.n-1], c.vals[c.n-1]
		n, i = c, c.n-1
	}
	n.removeAt(i)
	m.len--
	m.mods++
	m.rebalance(n, path[:depth])
	m.checkInvariants()
	return v, true
}

// rebalance restores the minimum fill of n, which path leads to and which
// just lost an entry, by borrowing an entry from a sibling or merging with
// one, and so on up the path for parents that merging leaves short.
func (m *Map[K, V]) rebalance(n *node[K, V], path []step[K, V]) {
	for d := len(path) - 1; d >= 0 && n.n < minItems; d-- {
		p, ci := path[d].n, path[d].i
		if ci > 0 {
			if l := p.children[ci-1]; l.n > minItems {
				// Rotate right: the separator comes down to the front
				// of n, l's last entry goes up in its place.
				n.insertAt(0, p.keys[ci-1], p.vals[ci-1])
				if n.children != nil {
					n.insertChild(0, l.children[l.n])
					l.children[l.n] = nil
				}
				p.keys[ci-1], p.vals[ci-1] = l.keys[l.n-1], l.vals[l.n-1]
				l.removeAt(l.n - 1)
				return
			}
		}
		if ci < p.n {
			if r := p.children[ci+1]; r.n > minItems {
				// Rotate left.
				n.insertAt(n.n, p.keys[ci], p.vals[ci])
				if n.children != nil {
					n.children[n.n] = r.children[0]
				}
				p.keys[ci], p.vals[ci] = r.keys[0], r.vals[0]
				r.removeAt(0)
				if r.children != nil {
					r.removeChild(0)
				}
				return
			}
		}
		// Merge n with a sibling: the right one of the pair, the
		// separator and all, moves into the left one.
		si := ci
		if ci > 0 {
			si = ci - 1
		}
		l, r := p.children[si], p.children[si+1]
		l.keys[l.n], l.vals[l.n] = p.keys[si], p.vals[si]
		copy(l.keys[l.n+1:], r.keys[:r.n])
		copy(l.vals[l.n+1:], r.vals[:r.n])
		if l.children != nil {
			copy(l.children[l.n+1:], r.children[:r.n+1])
		}
		l.n += 1 + r.n
		m.freeNode(r)
		p.removeAt(si)
		p.removeChild(si + 1)
		n = p
	}
	if r := m.root; r.n == 0 {
		if r.children == nil {
			m.root = nil
		} else {
			m.root = r.children[0]
		}
		m.freeNode(r)
	}
}
