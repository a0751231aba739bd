//go:build bumpdebug

package btree

// debugState is what the checked build adds to a Map: a count of
// operations, so that large trees are verified on a fraction of them.
type debugState struct {
	ops uint
}

// verifyNow reports whether the operation just done should verify the
// tree: always for trees of up to 512 entries, otherwise on one operation
// in len/512, which bounds the amortized cost of the checks.
func (m *Map[K, V]) verifyNow() bool {
	m.debug.ops++
	n := uint(m.len)
	return n <= 512 || m.debug.ops%(n/512) == 0
}
