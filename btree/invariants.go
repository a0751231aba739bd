package btree

import (
	"fmt"

	"github.com/bumpkit/bumpkit/internal/header"
)

// checkInvariants panics, in the checked build (-tags bumpdebug), if the
// tree is broken after an operation; the normal build compiles it to
// nothing. Large trees are verified on a fraction of the operations (see
// verifyNow), so that checked test suites stay linear.
func (m *Map[K, V]) checkInvariants() {
	if header.Checked && m.verifyNow() {
		mapName.CheckInvariants(m.verify)
	}
}

// verify checks the tree's shape and order, the zeroed spare slots, the
// count and the free lists.
func (m *Map[K, V]) verify() error {
	if m.root == nil {
		if m.len != 0 {
			return fmt.Errorf("empty tree with length %d", m.len)
		}
	} else {
		count, leaves, inner := 0, 0, 0
		height := -1
		var prev *K
		var walk func(n *node[K, V], depth int, root bool) error
		walk = func(n *node[K, V], depth int, root bool) error {
			if n.n > maxItems || n.n < 1 || !root && n.n < minItems {
				return fmt.Errorf("node at depth %d holds %d entries", depth, n.n)
			}
			if n.next != nil {
				return fmt.Errorf("node in the tree is on a free list")
			}
			if err := zeroFrom(n); err != nil {
				return err
			}
			count += n.n
			if n.children == nil {
				leaves++
				if height < 0 {
					height = depth
				} else if height != depth {
					return fmt.Errorf("leaves at depths %d and %d", height, depth)
				}
				for i := range n.n {
					if prev != nil && m.cmp(*prev, n.keys[i]) >= 0 {
						return fmt.Errorf("keys out of order")
					}
					prev = &n.keys[i]
				}
				return nil
			}
			inner++
			for i := 0; i <= n.n; i++ {
				c := n.children[i]
				if c == nil {
					return fmt.Errorf("inner node with %d entries lacks child %d", n.n, i)
				}
				if err := walk(c, depth+1, false); err != nil {
					return err
				}
				if i < n.n {
					if prev != nil && m.cmp(*prev, n.keys[i]) >= 0 {
						return fmt.Errorf("keys out of order")
					}
					prev = &n.keys[i]
				}
			}
			for i := n.n + 1; i < len(n.children); i++ {
				if n.children[i] != nil {
					return fmt.Errorf("inner node with %d entries has child %d", n.n, i)
				}
			}
			return nil
		}
		if err := walk(m.root, 0, true); err != nil {
			return err
		}
		if count != m.len {
			return fmt.Errorf("tree holds %d entries, length is %d", count, m.len)
		}
		if leaves+m.nfreeLeaves != m.leaves || inner+m.nfreeInner != m.inner {
			return fmt.Errorf("%d+%d free leaves and %d+%d free inner nodes, owning %d and %d",
				leaves, m.nfreeLeaves, inner, m.nfreeInner, m.leaves, m.inner)
		}
	}
	nl, ni := 0, 0
	for n := m.freeLeaves; n != nil; n = n.next {
		if n.n != 0 || n.children != nil {
			return fmt.Errorf("free leaf holds %d entries or has children", n.n)
		}
		nl++
	}
	for n := m.freeInner; n != nil; n = n.next {
		if n.n != 0 || n.children == nil || *n.children != (kids[K, V]{}) {
			return fmt.Errorf("free inner node holds entries or children")
		}
		ni++
	}
	if nl != m.nfreeLeaves || ni != m.nfreeInner {
		return fmt.Errorf("free lists hold %d and %d nodes, counted %d and %d", nl, ni, m.nfreeLeaves, m.nfreeInner)
	}
	return nil
}

// zeroFrom checks that the slots of n past its entries are zero.
func zeroFrom[K, V any](n *node[K, V]) error {
	if !header.Zeroed(n.keys[n.n:]) || !header.Zeroed(n.vals[n.n:]) {
		return fmt.Errorf("a spare slot of a node of %d entries is not zero", n.n)
	}
	return nil
}
