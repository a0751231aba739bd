//go:build !bumpdebug

package btree

// debug turns on invariant checks after every change; it is set by the
// checked build (-tags bumpdebug).
const debug = false

func isZero[T any](*T) bool { return true }
