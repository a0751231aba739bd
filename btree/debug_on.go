//go:build bumpdebug

package btree

import "unsafe"

// debugState is what the checked build adds to a Map: a count of
// operations, so that large trees are verified on a fraction of them.
type debugState struct {
	ops uint
}

// verifyNow reports whether the operation just done should verify the
// tree: always for trees of up to 64 nodes, otherwise on one operation
// in nodes/64, which bounds the amortized cost of the checks.
func (m *Map[K, V]) verifyNow() bool {
	m.debug.ops++
	nodes := uint(m.leaves + m.inner)
	return nodes <= 64 || m.debug.ops%(nodes/64) == 0
}

// isZero reports whether all the bytes of *p are zero.
func isZero[T any](p *T) bool {
	// Sound: p points to a T of unsafe.Sizeof(*p) bytes.
	for _, b := range unsafe.Slice((*byte)(unsafe.Pointer(p)), unsafe.Sizeof(*p)) {
		if b != 0 {
			return false
		}
	}
	return true
}
