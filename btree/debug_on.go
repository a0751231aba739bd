//go:build bumpdebug

package btree

import (
	"unsafe"
)

// debug turns on invariant checks after every change; it is set by the
// checked build (-tags bumpdebug).
const debug = true

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
