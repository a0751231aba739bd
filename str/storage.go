package str

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// prepare makes room in s for extra more bytes at the end and makes
// buf[len(buf):] writable: it is called when that is not already so.
func (s *String) prepare(extra int) error {
	n := len(s.buf)
	need := n + extra
	if need < n {
		return fmt.Errorf("str: cannot grow %d bytes by %d: %w", n, extra, bump.ErrInvalidSize)
	}
	if s.frozen > n {
		// Writing at n would change bytes a returned string shares.
		return s.copyOnWrite(extra)
	}
	if need <= cap(s.buf) {
		return nil
	}
	newCap := bump.GrowCap(cap(s.buf), need)
	if cap(s.buf) == 0 {
		t, err := allocate(s.a, newCap)
		if err != nil {
			return err
		}
		s.moved(t[:0])
		return nil
	}
	if s.frozen == 0 {
		t, err := bump.ResizeSlice(s.a, s.buf, newCap)
		if err != nil {
			return fmt.Errorf("str: growing to %d bytes: %w", newCap, err)
		}
		s.moved(t)
		return nil
	}
	// The storage is shared, so it may grow in place (which keeps its
	// bytes) but must not be freed, as ResizeSlice would do after moving.
	if s.growInPlace(newCap) {
		return nil
	}
	return s.copyOnWrite(extra)
}

// copyOnWrite moves the content of s to fresh storage with room for extra
// more bytes, leaving the old storage to the strings that share it.
func (s *String) copyOnWrite(extra int) error {
	n := len(s.buf)
	newCap := bump.GrowCap(n, n+extra)
	t, err := allocate(s.a, newCap)
	if err != nil {
		return err
	}
	copy(t, s.buf)
	s.frozen = 0
	s.moved(t[:n])
	return nil
}

// allocate returns new storage of n bytes from a.
func allocate(a bump.Allocator, n int) ([]byte, error) {
	t, err := bump.AllocateSlice[byte](a, n)
	if err != nil {
		return nil, fmt.Errorf("str: allocating %d bytes: %w", n, err)
	}
	return t, nil
}

// growInPlace asks the allocator to extend s's storage to newCap bytes
// without moving it, and reports whether it did.
func (s *String) growInPlace(newCap int) bool {
	t, ok := bump.ResizeInPlace(s.a, s.buf, newCap)
	s.buf = t
	return ok
}

// moved installs t as s's storage, which came from a new allocation.
func (s *String) moved(t []byte) {
	s.buf = t
	s.dbg.track(s.a)
}
