package str

import "github.com/bumpkit/bumpkit/internal/header"

// check is [header.Header.Check] for s's methods, compiled away outside
// the checked build even in the packages that call them (see
// header.Checked).
func check(h *header.Header) {
	if header.Checked {
		h.Check(name)
	}
}

// checkWrite is called first by every method that may change s. It
// panics if s is nil; in the checked build (-tags bumpdebug) if the arena
// that holds s or its storage was reset; and in every build if s is a copy
// of the String it was made from, as strings.Builder does: the copy would
// share storage that each believes it owns, and a write through one would
// change strings the other returned.
func (s *String) checkWrite(op string) {
	if s == nil {
		name.PanicNil(op)
	}
	check(&s.h)
	if s.h.Self != &s.h {
		s.h.Own(name, op)
	}
}

// checkRead is checkWrite for read-only methods that hand out s's
// storage: it writes nothing.
func (s *String) checkRead(op string) {
	check(&s.h)
	if s.h.Self != &s.h {
		s.h.CheckCopy(name, op)
	}
}
