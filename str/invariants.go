package str

import (
	"fmt"

	"github.com/bumpkit/bumpkit/internal/header"
)

// checkInvariants panics, in the checked build (-tags bumpdebug), if s's
// bookkeeping is broken after a method that changes it. The normal build
// compiles it to nothing.
func (s *String) checkInvariants() {
	if header.Checked {
		name.CheckInvariants(s.verify)
	}
}

// verify checks what the copy-on-write rule rests on: the shared prefix
// (frozen) lies within the storage, and a String with no storage shares
// none.
func (s *String) verify() error {
	f := s.frozen.Load()
	switch {
	case f < 0 || f > int64(cap(s.buf)):
		return fmt.Errorf("frozen prefix %d outside the storage of capacity %d", f, cap(s.buf))
	case cap(s.buf) == 0 && f != 0:
		return fmt.Errorf("frozen prefix %d with no storage", f)
	}
	return nil
}
