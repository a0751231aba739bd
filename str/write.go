package str

import (
	"fmt"
	"unicode/utf8"

	"github.com/bumpkit/bumpkit/bump"
)

// Grow makes room for at least n more bytes, so that the next n bytes of
// writes do not allocate. It panics if n is negative or the allocator
// cannot provide the storage; see [String.TryGrow].
func (s *String) Grow(n int) {
	if err := s.TryGrow(n); err != nil {
		panic(err)
	}
}

// TryGrow is like [String.Grow] but returns an error instead of panicking
// when the storage cannot be had: one wrapping [bump.ErrAllocationLimit]
// when the arena's limit is the cause. It still panics if n is negative.
func (s *String) TryGrow(n int) error {
	s.dbg.check()
	if n < 0 {
		panic(fmt.Sprintf("str: negative Grow count %d", n))
	}
	if s.writable(n) {
		return nil
	}
	return s.grow(n)
}

// writable reports whether n bytes can be appended to s in place.
func (s *String) writable(n int) bool {
	l := len(s.buf)
	return n <= cap(s.buf)-l && l >= s.frozen
}

// Write appends the contents of p to s, implementing [io.Writer]. If the
// allocator cannot provide the storage it writes nothing and returns an
// error (wrapping [bump.ErrAllocationLimit] if the arena's limit is the
// cause).
func (s *String) Write(p []byte) (int, error) {
	s.dbg.check()
	if !s.writable(len(p)) {
		// p may share s's storage (it may come from Bytes), so storage
		// that growth moves away from is given back only after the copy.
		old, err := s.prepare(len(p))
		if err != nil {
			return 0, err
		}
		s.buf = append(s.buf, p...)
		bump.FreeSlice(s.a, old)
		return len(p), nil
	}
	s.buf = append(s.buf, p...)
	return len(p), nil
}

// WriteString appends the contents of x to s, implementing
// [io.StringWriter]. It fails like [String.Write].
func (s *String) WriteString(x string) (int, error) {
	s.dbg.check()
	if !s.writable(len(x)) {
		if err := s.grow(len(x)); err != nil {
			return 0, err
		}
	}
	s.buf = append(s.buf, x...)
	return len(x), nil
}

// WriteByte appends c to s, implementing [io.ByteWriter]. It fails like
// [String.Write].
func (s *String) WriteByte(c byte) error {
	s.dbg.check()
	if !s.writable(1) {
		if err := s.grow(1); err != nil {
			return err
		}
	}
	s.buf = append(s.buf, c)
	return nil
}

// WriteRune appends the UTF-8 encoding of r to s, or that of
// [utf8.RuneError] if r is not a valid rune, and returns the number of
// bytes written. It fails like [String.Write].
func (s *String) WriteRune(r rune) (int, error) {
	s.dbg.check()
	n := utf8.RuneLen(r)
	if n < 0 {
		r, n = utf8.RuneError, utf8.RuneLen(utf8.RuneError)
	}
	if !s.writable(n) {
		if err := s.grow(n); err != nil {
			return 0, err
		}
	}
	s.buf = utf8.AppendRune(s.buf, r)
	return n, nil
}
