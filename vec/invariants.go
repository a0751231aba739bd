package vec

import (
	"fmt"

	"github.com/bumpkit/bumpkit/internal/header"
)

// checkInvariants panics, in the checked build (-tags bumpdebug), if v's
// representation is broken after a method that shortens it. The normal
// build compiles it to nothing.
func (v *Vec[T]) checkInvariants() {
	if header.Checked {
		name.CheckInvariants(v.verify)
	}
}

// verify checks that the slots just past v's length are zero: every
// method that shortens v clears the slots it vacates, so that the storage
// keeps nothing alive that the removed elements referred to.
func (v *Vec[T]) verify() error {
	tail := v.s[len(v.s):cap(v.s)]
	if !header.Zeroed(tail[:min(len(tail), header.ZeroWindow)]) {
		return fmt.Errorf("a slot past the length %d (capacity %d) is not zero", len(v.s), cap(v.s))
	}
	return nil
}
