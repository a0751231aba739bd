package str

import "unsafe"

// checkWrite is called first by every method that may change s. In the
// checked build (-tags bumpdebug) it panics if the arena that holds s or
// its storage was reset; in every build it panics if s is a copy of the
// String it was made from, as strings.Builder does: the copy would share
// storage that each believes it owns, and a write through one would change
// strings the other returned.
func (s *String) checkWrite(op string) {
	s.life.Check("str: String")
	s.store.Check("str: String")
	if s.addr == nil {
		// The String was never used, or was Reset: it holds no storage a
		// copy could share. noescape keeps a String on the stack from
		// escaping to the heap because it points to itself (as
		// strings.Builder.copyCheck does, see Go issue 23382).
		s.addr = (*String)(noescape(unsafe.Pointer(s)))
	} else if s.addr != s {
		copied(op)
	}
}

// checkRead is checkWrite for read-only methods that hand out s's
// storage: it writes nothing.
func (s *String) checkRead(op string) {
	s.life.Check("str: String")
	s.store.Check("str: String")
	if s.addr != nil && s.addr != s {
		copied(op)
	}
}

// copied panics for a String used through a copy. It is out of line to
// keep the checks small enough to inline.
func copied(op string) {
	panic("str: " + op + ": illegal use of non-zero String copied by value")
}

// noescape hides p from escape analysis, like the runtime's
// abi.NoEscape: the pointer goes through a uintptr variable, which the
// analysis does not follow, and is read back as a pointer without a
// conversion that go vet or checkptr would question. Sound because p stays
// live in the caller meanwhile, and the result is only stored in the
// String p points to (a String on the stack has its addr field adjusted
// with the stack, like any pointer into it).
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return *(*unsafe.Pointer)(unsafe.Pointer(&x))
}
