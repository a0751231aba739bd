package btree

import (
	"cmp"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
)

// A cursor walks a Map in order, keeping the path from the root to its
// place. Each frame (n, i) of the path is a node and the index of the
// child it is in, or, for the last frame, of the next entry: in an
// ascending walk, child i has been walked and keys[i] comes next; in a
// descending walk, keys[i-1] comes next.
//
// The cursor holds all the walk's state; the Map is only read. When a
// yield changed the tree (m.mods moved), the path may point at moved or
// freed nodes, so the cursor finds its place again by the last key it
// produced.
type cursor[K, V any] struct {
	m     *Map[K, V]
	mods  uint
	depth int
	path  [maxDepth]step[K, V]
}

func (c *cursor[K, V]) push(n *node[K, V], i int) {
	c.path[c.depth] = step[K, V]{n, i}
	c.depth++
}

// seekUp places c before the first key not less than k (greater than k if
// strict), or at the first key if first is set.
func (c *cursor[K, V]) seekUp(k K, strict, first bool) {
	m := c.m
	c.mods = m.mods
	c.depth = 0
	for n := m.root; n != nil; n = n.children[c.path[c.depth-1].i] {
		i, found := 0, false
		if !first {
			i, found = m.search(n, k)
		}
		if found {
			if !strict {
				c.push(n, i)
				return
			}
			i++
		}
		c.push(n, i)
		if n.children == nil {
			return
		}
	}
}

// seekDown places c after the last key not greater than k (less than k if
// strict), or after the last key if last is set.
func (c *cursor[K, V]) seekDown(k K, strict, last bool) {
	m := c.m
	c.mods = m.mods
	c.depth = 0
	for n := m.root; n != nil; n = n.children[c.path[c.depth-1].i] {
		i, found := n.n, false
		if !last {
			i, found = m.search(n, k)
		}
		if found && !strict {
			c.push(n, i+1)
			return
		}
		c.push(n, i)
		if n.children == nil {
			return
		}
	}
}

// up yields the entries from c's place on in ascending order.
func (c *cursor[K, V]) up(yield func(K, V) bool) {
	m := c.m
	for c.depth > 0 {
		f := &c.path[c.depth-1]
		n := f.n
		if n.children == nil {
			// The slices are taken once: a yield that changes m is caught
			// by mods before they are read again.
			keys, vals, mods := n.keys[:n.n], n.vals[:n.n], c.mods
			for i := f.i; i < len(keys); i++ {
				k := keys[i]
				if !yield(k, vals[i]) {
					return
				}
				if m.mods != mods {
					c.seekUp(k, true, false)
					goto next
				}
			}
			c.depth--
			continue
		}
		if f.i >= n.n {
			c.depth--
			continue
		}
		{
			k := n.keys[f.i]
			f.i++
			if !yield(k, n.vals[f.i-1]) {
				return
			}
			if m.mods != c.mods {
				c.seekUp(k, true, false)
				continue
			}
			for ch := n.children[f.i]; ; ch = ch.children[0] {
				c.push(ch, 0)
				if ch.children == nil {
					break
				}
			}
		}
	next:
	}
}

// down yields the entries before c's place in descending order.
func (c *cursor[K, V]) down(yield func(K, V) bool) {
	m := c.m
	for c.depth > 0 {
		f := &c.path[c.depth-1]
		n := f.n
		if n.children == nil {
			keys, vals, mods := n.keys[:f.i], n.vals[:f.i], c.mods
			for i := len(keys) - 1; i >= 0; i-- {
				k := keys[i]
				if !yield(k, vals[i]) {
					return
				}
				if m.mods != mods {
					c.seekDown(k, true, false)
					goto next
				}
			}
			c.depth--
			continue
		}
		if f.i == 0 {
			c.depth--
			continue
		}
		{
			f.i--
			k := n.keys[f.i]
			if !yield(k, n.vals[f.i]) {
				return
			}
			if m.mods != c.mods {
				c.seekDown(k, true, false)
				continue
			}
			for ch := n.children[f.i]; ; ch = ch.children[ch.n] {
				c.push(ch, ch.n)
				if ch.children == nil {
					break
				}
			}
		}
	next:
	}
}

// ascend yields m's entries in ascending order, from the first key not
// less than from, or from the first key if all is set.
func (m *Map[K, V]) ascend(from K, all bool, yield func(K, V) bool) {
	if m == nil {
		return
	}
	m.check()
	if m.root == nil {
		return
	}
	c := cursor[K, V]{m: m}
	c.seekUp(from, false, all)
	c.up(yield)
}

// descend yields m's entries in descending order, from the last key not
// greater than from, or from the last key if all is set.
func (m *Map[K, V]) descend(from K, all bool, yield func(K, V) bool) {
	if m == nil {
		return
	}
	m.check()
	if m.root == nil {
		return
	}
	c := cursor[K, V]{m: m}
	c.seekDown(from, false, all)
	c.down(yield)
}

// All returns an iterator over the entries of m in ascending key order.
// Ranging over a nil m produces nothing.
//
// m may be changed during the iteration. The iteration then goes on from
// the first key greater than the last one it produced, in m as it is
// now: every key is produced at most once and in order; a key deleted
// before it is reached is not produced; a key inserted after the
// iteration's place is produced, one inserted before it is not; a value
// changed before its key is reached is produced as changed. (Finding the
// place again costs a search, after each yield that changed m.)
//
// An iteration writes nothing to m, so any number of goroutines may range
// over m at once while none changes it.
func (m *Map[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		var k K
		m.ascend(k, true, yield)
	}
}

// Keys returns an iterator over the keys of m in ascending order, with
// the semantics of [Map.All].
func (m *Map[K, V]) Keys() iter.Seq[K] {
	return func(yield func(K) bool) {
		var k K
		m.ascend(k, true, func(k K, _ V) bool { return yield(k) })
	}
}

// Values returns an iterator over the values of m in ascending order of
// their keys, with the semantics of [Map.All].
func (m *Map[K, V]) Values() iter.Seq[V] {
	return func(yield func(V) bool) {
		var k K
		m.ascend(k, true, func(_ K, v V) bool { return yield(v) })
	}
}

// Backward returns an iterator over the entries of m in descending key
// order, with the semantics of [Map.All] mirrored: after a change it goes
// on from the first key less than the last one it produced.
func (m *Map[K, V]) Backward() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		var k K
		m.descend(k, true, yield)
	}
}

// Ascend returns an iterator over the entries of m whose keys are greater
// than or equal to from, in ascending order, with the semantics of
// [Map.All]. To stop before a key hi, break out of the loop:
//
//	for k, v := range m.Ascend(lo) {
//		if k >= hi {
//			break
//		}
//		...
//	}
func (m *Map[K, V]) Ascend(from K) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		m.ascend(from, false, yield)
	}
}

// Descend returns an iterator over the entries of m whose keys are less
// than or equal to from, in descending order, with the semantics of
// [Map.Backward].
func (m *Map[K, V]) Descend(from K) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		m.descend(from, false, yield)
	}
}

// Insert sets the entries of seq in m, later ones replacing earlier ones
// with the same key, like maps.Insert. It panics like [Map.Set].
func (m *Map[K, V]) Insert(seq iter.Seq2[K, V]) {
	for k, v := range seq {
		m.Set(k, v)
	}
}

// Collect returns a new map, allocated like [New] and ordered by
// cmp.Compare, holding the entries of seq, later ones replacing earlier
// ones with the same key, like maps.Collect. It panics like [Map.Set].
func Collect[K cmp.Ordered, V any](a bump.Allocator, seq iter.Seq2[K, V]) *Map[K, V] {
	m := New[K, V](a)
	m.Insert(seq)
	return m
}
