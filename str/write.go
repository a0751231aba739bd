package str

import (
	"fmt"
	"unicode/utf8"

	"github.com/bumpkit/bumpkit/bump"
)

// Grow grows s's capacity, if necessary, to guarantee space for another n
// bytes: after Grow(n), at least n bytes can be written to s without
// another allocation (and so without failing), as with
// [strings.Builder.Grow]. When it must allocate, it asks for 2*Cap+n bytes
// like strings.Builder, which the Go heap rounds up to its size class. If
// a string returned by String shares bytes past Len (after a Truncate),
// Grow moves the content to fresh storage now, so that the writes do not
// have to; calling String after Grow shares the storage again, after
// which only appends are free of copies (see [String.Insert]). Grow
// panics if n is negative (str: Grow: negative count -1) or with an error
// wrapping the allocator's if the storage cannot be had; see
// [String.TryGrow].
func (s *String) Grow(n int) {
	if err := s.tryGrow("Grow", n); err != nil {
		panic(err)
	}
}

// TryGrow is like [String.Grow] but returns an error instead of panicking
// when the storage cannot be had: one wrapping [bump.ErrAllocationLimit]
// when the arena's limit is the cause. On error s is unchanged. It still
// panics if n is negative.
func (s *String) TryGrow(n int) error {
	return s.tryGrow("TryGrow", n)
}

func (s *String) tryGrow(op string, n int) error {
	s.checkWrite(op)
	if n < 0 {
		panic(fmt.Sprintf("str: %s: negative count %d", op, n))
	}
	if s.writable(n) {
		return nil
	}
	old, err := s.prepare(op, n, forGrow)
	bump.FreeSlice(s.a, old)
	return err
}

// writable reports whether n bytes can be appended to s in place.
func (s *String) writable(n int) bool {
	l := len(s.buf)
	return n <= cap(s.buf)-l && int64(l) >= s.frozen.Load()
}

// Write appends the contents of p to s, implementing [io.Writer]. If the
// allocator cannot provide the storage it writes nothing and returns an
// error (wrapping [bump.ErrAllocationLimit] if the arena's limit is the
// cause), as an io.Writer reports a failed write.
func (s *String) Write(p []byte) (int, error) {
	s.checkWrite("Write")
	if !s.writable(len(p)) {
		// p may share s's storage (it may come from Bytes), so storage
		// that growth moves away from is given back only after the copy.
		old, err := s.prepare("Write", len(p), forWrite)
		if err != nil {
			return 0, err
		}
		s.buf = append(s.buf, p...)
		bump.FreeSlice(s.a, old)
		return len(p), nil
	}
	// Reslicing s.buf to itself stores only its length: unlike append's
	// result, it needs no write barrier while the GC runs.
	n := len(s.buf)
	s.buf = s.buf[:n+len(p)]
	copy(s.buf[n:], p)
	s.checkInvariants()
	return len(p), nil
}

// WriteString appends the contents of x to s, implementing
// [io.StringWriter]. It fails like [String.Write].
func (s *String) WriteString(x string) (int, error) {
	s.checkWrite("WriteString")
	if !s.writable(len(x)) {
		if err := s.grow("WriteString", len(x)); err != nil {
			return 0, err
		}
	}
	n := len(s.buf)
	s.buf = s.buf[:n+len(x)] // no write barrier, as in Write
	copy(s.buf[n:], x)
	s.checkInvariants()
	return len(x), nil
}

// WriteByte appends c to s, implementing [io.ByteWriter]. It fails like
// [String.Write].
func (s *String) WriteByte(c byte) error {
	s.checkWrite("WriteByte")
	if !s.writable(1) {
		if err := s.grow("WriteByte", 1); err != nil {
			return err
		}
	}
	n := len(s.buf)
	s.buf = s.buf[:n+1] // no write barrier, as in Write
	s.buf[n] = c
	s.checkInvariants()
	return nil
}

// WriteRune appends the UTF-8 encoding of r to s, or that of
// [utf8.RuneError] if r is not a valid rune, and returns the number of
// bytes written. It fails like [String.Write].
func (s *String) WriteRune(r rune) (int, error) {
	s.checkWrite("WriteRune")
	n := utf8.RuneLen(r)
	if n < 0 {
		r, n = utf8.RuneError, utf8.RuneLen(utf8.RuneError)
	}
	if !s.writable(n) {
		if err := s.grow("WriteRune", n); err != nil {
			return 0, err
		}
	}
	l := len(s.buf)
	s.buf = s.buf[:l+n] // no write barrier, as in Write
	utf8.EncodeRune(s.buf[l:], r)
	s.checkInvariants()
	return n, nil
}
