package str

import "fmt"

// Truncate discards all but the first n bytes of s, keeping its storage.
// It does not copy, even if String has been called: the bytes are only
// overwritten (after a copy) by a later write. It panics if n is negative
// (str: Truncate: negative length -1), greater than s.Len() (str:
// Truncate: slice bounds out of range [:7] with length 6, as
// bytes.Buffer.Truncate panics) or not at the start of a UTF-8 sequence.
func (s *String) Truncate(n int) {
	if s == nil && n == 0 {
		return // a nil String is empty
	}
	s.checkWrite("Truncate")
	if n < 0 {
		panic(fmt.Sprintf("str: Truncate: negative length %d", n))
	}
	if n > len(s.buf) {
		panic(boundsError("Truncate", fmt.Sprintf("[:%d]", n), false, len(s.buf)))
	}
	s.checkBoundary("Truncate", n)
	s.buf = s.buf[:n]
	s.checkInvariants()
}

// Insert inserts x at byte index i, moving the bytes from i on; i may be
// s.Len() to append. It panics if i is out of range [0, s.Len()] (str:
// Insert: index 8 out of range [0:7]) or not at the start of a UTF-8
// sequence (where it would split one), and, as the allocating methods of
// every bumpkit container do, with an error wrapping the allocator's if
// the storage cannot be had; s is then unchanged. After [String.TryGrow]
// of len(x) succeeds Insert cannot fail, unless String was called in
// between and shares bytes from i on, which Insert must then copy.
func (s *String) Insert(i int, x string) {
	s.checkWrite("Insert")
	n := len(s.buf)
	if uint(i) > uint(n) {
		panic(fmt.Sprintf("str: Insert: index %d out of range [0:%d]", i, n+1))
	}
	s.checkBoundary("Insert", i)
	if len(x) == 0 {
		return
	}
	// Bytes from i on change, so shared bytes there must be copied first.
	if int(s.frozen.Load()) > i {
		if err := s.copyOnWrite("Insert", len(x)); err != nil {
			panic(err)
		}
	} else if !s.writable(len(x)) {
		// x cannot share storage that growth would give back: a string
		// s returned makes its storage shared, and shared storage is
		// never given back.
		if err := s.grow("Insert", len(x)); err != nil {
			panic(err)
		}
	}
	s.buf = s.buf[:n+len(x)]
	copy(s.buf[i+len(x):], s.buf[i:n])
	copy(s.buf[i:], x)
	s.checkInvariants()
}

// Remove removes the bytes s[i:j], moving the bytes after them down. It
// panics if 0 <= i <= j <= s.Len() does not hold (str: Remove: slice
// bounds out of range [3:9] with length 6) or if i or j is not at the
// start of a UTF-8 sequence. If the removed bytes are shared by a string
// returned by String and bytes follow them, s first copies its content to
// fresh storage; if the allocator cannot provide it, Remove panics with
// an error wrapping the allocator's and leaves s unchanged.
func (s *String) Remove(i, j int) {
	if s == nil && i == 0 && j == 0 {
		return // a nil String is empty
	}
	s.checkWrite("Remove")
	n := len(s.buf)
	switch {
	case j < 0 || j > n:
		panic(boundsError("Remove", fmt.Sprintf("[%d:%d]", i, j), j < 0, n))
	case i < 0 || i > j:
		panic(fmt.Sprintf("str: Remove: slice bounds out of range [%d:%d]", i, j))
	}
	s.checkBoundary("Remove", i)
	s.checkBoundary("Remove", j)
	if i == j {
		return
	}
	if j < n && int(s.frozen.Load()) > i {
		if err := s.copyOnWrite("Remove", 0); err != nil {
			panic(err)
		}
	}
	copy(s.buf[i:], s.buf[j:])
	s.buf = s.buf[:n-(j-i)]
	s.checkInvariants()
}

// boundsError words a slice bound beyond the length as the runtime does,
// with the length, and a negative one without it.
func boundsError(op, bounds string, negative bool, n int) string {
	if negative {
		return fmt.Sprintf("str: %s: slice bounds out of range %s", op, bounds)
	}
	return fmt.Sprintf("str: %s: slice bounds out of range %s with length %d", op, bounds, n)
}

// IsBoundary reports whether byte index i of s is at the start of a UTF-8
// sequence, or at the end of s: whether Truncate, Insert and Remove accept
// it. It returns false if i is out of range. It is read-only.
func (s *String) IsBoundary(i int) bool {
	if i == s.Len() {
		return true
	}
	// A UTF-8 continuation byte has the form 10xxxxxx.
	return uint(i) < uint(s.Len()) && s.buf[i]&0xC0 != 0x80
}

func (s *String) checkBoundary(op string, i int) {
	if !s.IsBoundary(i) {
		panic(fmt.Sprintf("str: %s: index %d splits a UTF-8 sequence", op, i))
	}
}
