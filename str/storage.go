package str

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// grow makes room in s for extra more bytes at the end and makes
// buf[len(buf):] writable: it is called when that is not already so.
func (s *String) grow(extra int) error {
	old, err := s.prepare(extra)
	bump.FreeSlice(s.a, old)
	return err
}

// prepare is grow for a caller whose argument may share s's storage (Write
// of a slice from Bytes): if it moves the content to new storage that the
// strings s returned do not share, it returns the old storage instead of
// giving it back, and the caller frees it with bump.FreeSlice once it has
// copied its argument (a Bump may clear freed storage at once).
func (s *String) prepare(extra int) (old []byte, err error) {
	n := len(s.buf)
	need := n + extra
	if need < n {
		return nil, fmt.Errorf("str: cannot grow %d bytes by %d: %w", n, extra, bump.ErrInvalidSize)
	}
	if extra == 0 {
		// Nothing will be written: shared bytes need no copy.
		return nil, nil
	}
	if s.frozen > n {
		// Writing at n would change bytes a returned string shares.
		return nil, s.copyOnWrite(extra)
	}
	if need <= cap(s.buf) {
		return nil, nil
	}
	newCap := bump.GrowCap(cap(s.buf), need)
	// Growing in place keeps the bytes where they are, so it is sound
	// even when returned strings share them.
	if t, ok := bump.ResizeInPlace(s.a, s.buf, newCap); ok {
		s.buf = t
		return nil, nil
	}
	shared := s.frozen > 0
	old = s.buf
	if err := s.moveTo(newCap); err != nil {
		return nil, err
	}
	if shared {
		// The returned strings still use the old storage: it must never
		// be given back.
		return nil, nil
	}
	return old, nil
}

// copyOnWrite moves the content of s to fresh storage with room for extra
// more bytes, leaving the old storage to the strings that share it.
func (s *String) copyOnWrite(extra int) error {
	n := len(s.buf)
	return s.moveTo(bump.GrowCap(n, n+extra))
}

// moveTo copies the content of s to a new allocation of newCap >= Len
// bytes, which no returned string shares yet. It does not give the old
// storage back.
func (s *String) moveTo(newCap int) error {
	t, err := bump.AllocateSlice[byte](s.a, newCap)
	if err != nil {
		return fmt.Errorf("str: allocating %d bytes: %w", newCap, err)
	}
	s.buf = t[:copy(t, s.buf)]
	s.frozen = 0
	s.dbg.track(s.a)
	return nil
}
