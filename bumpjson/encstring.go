package bumpjson

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// plainSet[html][c] is set for the ASCII bytes a JSON string holds as
// they are: not a quote, a backslash or a control character, and with
// html not <, > or &.
var plainSet = func() (set [2][utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		plain := c >= ' ' && c != '"' && c != '\\'
		set[0][c] = plain
		set[1][c] = plain && c != '<' && c != '>' && c != '&'
	}
	return set
}()

// encSpecial returns the index of the first byte of s from i on that a
// JSON string does not hold as it is (see plainSet), or that starts or
// continues a multi-byte sequence, which may be invalid UTF-8 or U+2028
// or U+2029; or len(s). It looks at eight bytes at a time.
func encSpecial(s []byte, i int, html bool) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64(s[i:])
		q := x ^ (lo * '"')
		b := x ^ (lo * '\\')
		// Each term flags (in its high bit) the bytes that are zero, or
		// below 0x20; the lowest flag is exact, which is the one used.
		m := (q-lo)&^q | (b-lo)&^b | (x-lo*0x20)&^x | x
		if html {
			l := x ^ (lo * '<')
			g := x ^ (lo * '>')
			a := x ^ (lo * '&')
			m |= (l-lo)&^l | (g-lo)&^g | (a-lo)&^a
		}
		if m &= hi; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	set := &plainSet[0]
	if html {
		set = &plainSet[1]
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !set[c] {
			return i
		}
	}
	return i
}

// str appends s as a JSON string, as encoding/json's appendString does:
// invalid UTF-8 replaced by U+FFFD, U+2028 and U+2029 escaped, and HTML
// escaped if e escapes HTML. s may be a string's bytes: it is only read.
func (e *EncodeState) str(s []byte) error {
	if err := e.grow(len(s) + 2); err != nil {
		return err
	}
	buf := append(e.buf, '"')
	start, i := 0, 0
	for {
		if i = encSpecial(s, i, e.escapeHTML); i == len(s) {
			break
		}
		c := s[i]
		var esc [6]byte
		n, size := 2, 1
		if c < utf8.RuneSelf {
			esc[0] = '\\'
			switch c {
			case '\\', '"':
				esc[1] = c
			case '\b':
				esc[1] = 'b'
			case '\f':
				esc[1] = 'f'
			case '\n':
				esc[1] = 'n'
			case '\r':
				esc[1] = 'r'
			case '\t':
				esc[1] = 't'
			default:
				// The other control characters, and <, > and &.
				esc = [6]byte{'\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF]}
				n = 6
			}
		} else {
			r, sz := utf8.DecodeRune(s[i:])
			switch {
			case r == utf8.RuneError && sz == 1:
				esc = [6]byte{'\\', 'u', 'f', 'f', 'f', 'd'}
			case r == '\u2028' || r == '\u2029':
				esc = [6]byte{'\\', 'u', '2', '0', '2', hexDigits[r&0xF]}
				size = sz
			default:
				i += sz
				continue
			}
			n = 6
		}
		buf = append(buf, s[start:i]...)
		// Room for the escape, the rest of s unescaped, and the quote.
		if need := n + len(s) - i - size + 1; cap(buf)-len(buf) < need {
			e.buf = buf
			if err := e.grow(need); err != nil {
				return err
			}
			buf = e.buf
		}
		buf = append(buf, esc[:n]...)
		i += size
		start = i
	}
	buf = append(buf, s[start:]...)
	e.buf = append(buf, '"')
	return nil
}

// quotedString appends s as encoding/json encodes a string with the
// ",string" option: the JSON string of its JSON string. The inner string
// is made in place, then its quotes and backslashes escaped from the end.
func (e *EncodeState) quotedString(s string) error {
	mark := len(e.buf)
	if err := e.str(stringBytes(s)); err != nil {
		return err
	}
	extra := 2
	for _, c := range e.buf[mark:] {
		if c == '"' || c == '\\' {
			extra++
		}
	}
	if err := e.grow(extra); err != nil {
		return err
	}
	n := len(e.buf)
	e.buf = e.buf[:n+extra]
	b := e.buf[mark:]
	j := len(b) - 1
	b[j] = '"'
	for k := n - mark - 1; k >= 0; k-- {
		c := b[k]
		j--
		b[j] = c
		if c == '"' || c == '\\' {
			j--
			b[j] = '\\'
		}
	}
	b[0] = '"'
	return nil
}
