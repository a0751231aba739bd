package str

import "fmt"

// Truncate discards all but the first n bytes of s, keeping its storage.
// It does not copy, even if String has been called: the bytes are only
// overwritten (after a copy) by a later write. It panics if n is out of
// range [0, s.Len()] or not at the start of a UTF-8 sequence.
func (s *String) Truncate(n int) {
	s.dbg.check()
	if uint(n) > uint(len(s.buf)) {
		panic(fmt.Sprintf("str: Truncate length %d out of range [0:%d]", n, len(s.buf)+1))
	}
	s.checkBoundary("Truncate", n)
	s.buf = s.buf[:n]
}

// Insert inserts x at byte index i, moving the bytes from i on; i may be
// s.Len() to append. It panics if i is out of range [0, s.Len()] or not
// at the start of a UTF-8 sequence (where it would split one). If the
// allocator cannot provide the storage it leaves s unchanged and returns
// an error (wrapping [bump.ErrAllocationLimit] if the arena's limit is
// the cause).
func (s *String) Insert(i int, x string) error {
	s.dbg.check()
	n := len(s.buf)
	if uint(i) > uint(n) {
		panic(fmt.Sprintf("str: Insert index %d out of range [0:%d]", i, n+1))
	}
	s.checkBoundary("Insert", i)
	if len(x) == 0 {
		return nil
	}
	// Bytes from i on change, so shared bytes there must be copied first.
	if s.frozen > i {
		if err := s.copyOnWrite(len(x)); err != nil {
			return err
		}
	} else if !s.writable(len(x)) {
		if err := s.grow(len(x)); err != nil {
			return err
		}
	}
	s.buf = s.buf[:n+len(x)]
	copy(s.buf[i+len(x):], s.buf[i:n])
	copy(s.buf[i:], x)
	return nil
}

// Remove removes the bytes s[i:j], moving the bytes after them down. It
// panics if 0 <= i <= j <= s.Len() does not hold or if i or j is not at
// the start of a UTF-8 sequence. If the removed bytes are shared by a
// string returned by String and bytes follow them, s first copies its
// content to fresh storage; if the allocator cannot provide it, Remove
// leaves s unchanged and returns an error.
func (s *String) Remove(i, j int) error {
	s.dbg.check()
	n := len(s.buf)
	if i < 0 || j < i || j > n {
		panic(fmt.Sprintf("str: Remove range [%d:%d] out of range [0:%d]", i, j, n+1))
	}
	s.checkBoundary("Remove", i)
	s.checkBoundary("Remove", j)
	if i == j {
		return nil
	}
	if j < n && s.frozen > i {
		if err := s.copyOnWrite(0); err != nil {
			return err
		}
	}
	copy(s.buf[i:], s.buf[j:])
	s.buf = s.buf[:n-(j-i)]
	return nil
}

// IsBoundary reports whether byte index i of s is at the start of a UTF-8
// sequence, or at the end of s: whether Truncate, Insert and Remove accept
// it. It returns false if i is out of range.
func (s *String) IsBoundary(i int) bool {
	if i == len(s.buf) {
		return true
	}
	// A UTF-8 continuation byte has the form 10xxxxxx.
	return uint(i) < uint(len(s.buf)) && s.buf[i]&0xC0 != 0x80
}

func (s *String) checkBoundary(op string, i int) {
	if !s.IsBoundary(i) {
		panic(fmt.Sprintf("str: %s index %d splits a UTF-8 sequence", op, i))
	}
}
