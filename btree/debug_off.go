//go:build !bumpdebug

package btree

// debugState is empty outside the checked build; see debug_on.go.
//
//lint:ignore U1000 the type of a Map field that only the checked build reads
type debugState struct{}

func (m *Map[K, V]) verifyNow() bool { return false }
