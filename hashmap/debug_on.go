//go:build bumpdebug

package hashmap

// debugState is what the checked build adds to a Map: a count of
// operations, so that large tables are verified on a fraction of them.
type debugState struct {
	ops uint
}

// verifyNow reports whether the operation just done should verify the
// table: always for tables of up to 64 groups, otherwise on one operation
// in len(groups)/64, which bounds the amortized cost of the checks.
func (m *Map[K, V]) verifyNow() bool {
	m.debug.ops++
	return len(m.groups) <= 64 || m.debug.ops%uint(len(m.groups)/64) == 0
}
