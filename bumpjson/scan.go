package bumpjson

import (
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth is encoding/json's limit on nesting: deeper input is a syntax
// error.
const maxDepth = 10000

// isSpace reports whether c is JSON white space.
func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')
}

// valid reports whether data is exactly one JSON value, with white space
// around it, accepted by encoding/json: the grammar of RFC 8259, invalid
// UTF-8 allowed in strings, nesting at most maxDepth deep.
func valid(data []byte) bool {
	i := skipSpace(data, 0)
	i, ok := validValue(data, i, 0)
	return ok && skipSpace(data, i) == len(data)
}

// syntaxError returns the error encoding/json reports for data, which
// valid rejected. Both accept exactly the same inputs (a differential test
// and a fuzz target keep them so), so the message and offset are
// encoding/json's own.
func syntaxError(data []byte) error {
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		if _, ok := err.(*json.SyntaxError); ok {
			return err
		}
	}
	// Unreachable while the two agree; stay on the safe side.
	return &json.SyntaxError{Offset: int64(len(data))}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// validValue checks the value starting at data[i], nested depth deep, and
// returns the index after it.
func validValue(data []byte, i, depth int) (int, bool) {
	if i >= len(data) {
		return i, false
	}
	switch c := data[i]; c {
	case '{':
		if depth++; depth > maxDepth {
			return i, false
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == '}' {
			return i + 1, true
		}
		for {
			if i >= len(data) || data[i] != '"' {
				return i, false
			}
			var ok bool
			if i, ok = validString(data, i); !ok {
				return i, false
			}
			i = skipSpace(data, i)
			if i >= len(data) || data[i] != ':' {
				return i, false
			}
			i = skipSpace(data, i+1)
			if i, ok = validValue(data, i, depth); !ok {
				return i, false
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return i, false
			}
			switch data[i] {
			case ',':
				i = skipSpace(data, i+1)
			case '}':
				return i + 1, true
			default:
				return i, false
			}
		}
	case '[':
		if depth++; depth > maxDepth {
			return i, false
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == ']' {
			return i + 1, true
		}
		for {
			var ok bool
			if i, ok = validValue(data, i, depth); !ok {
				return i, false
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return i, false
			}
			switch data[i] {
			case ',':
				i = skipSpace(data, i+1)
			case ']':
				return i + 1, true
			default:
				return i, false
			}
		}
	case '"':
		return validString(data, i)
	case 't':
		return validWord(data, i, "true")
	case 'f':
		return validWord(data, i, "false")
	case 'n':
		return validWord(data, i, "null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return validNumber(data, i)
		}
		return i, false
	}
}

func validWord(data []byte, i int, w string) (int, bool) {
	for k := 1; k < len(w); k++ {
		if i+k >= len(data) {
			return i + k, false
		}
		if data[i+k] != w[k] {
			return i + k, false
		}
	}
	return i + len(w), true
}

// validString checks the string whose opening quote is data[i] and
// returns the index after its closing quote.
func validString(data []byte, i int) (int, bool) {
	i++
	for {
		i = stringSpecial(data, i, false)
		if i >= len(data) {
			return i, false
		}
		switch c := data[i]; {
		case c == '"':
			return i + 1, true
		case c < ' ':
			return i, false
		default: // '\\'
			if i+1 >= len(data) {
				return i + 1, false
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := i + 2; k < i+6; k++ {
					if k >= len(data) || !isHex(data[k]) {
						return k, false
					}
				}
				i += 6
			default:
				return i + 1, false
			}
		}
	}
}

// stringSpecial returns the index of the first byte from data[i] on that
// a string scan must look at: a quote, a backslash or a control
// character, and with nonASCII a byte of a multi-byte sequence too; or
// len(data). It looks at eight bytes at a time.
func stringSpecial(data []byte, i int, nonASCII bool) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	var high uint64
	if nonASCII {
		high = hi
	}
	for ; i+8 <= len(data); i += 8 {
		x := binary.LittleEndian.Uint64(data[i:])
		q := x ^ (lo * '"')
		b := x ^ (lo * '\\')
		// Each term flags (in its high bit) the bytes that are zero, or
		// below 0x20; the lowest flag is exact, which is the one used.
		m := ((q-lo)&^q | (b-lo)&^b | (x-lo*0x20)&^x) & hi
		m |= x & high
		if m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c == '"' || c == '\\' || c < ' ' || nonASCII && c >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// validNumber checks the number starting at data[i] and returns the index
// after it.
func validNumber(data []byte, i int) (int, bool) {
	if data[i] == '-' {
		i++
	}
	if i >= len(data) {
		return i, false
	}
	switch c := data[i]; {
	case c == '0':
		i++
	case '1' <= c && c <= '9':
		i = digits(data, i+1)
	default:
		return i, false
	}
	if i < len(data) && data[i] == '.' {
		j := digits(data, i+1)
		if j == i+1 {
			return j, false
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := digits(data, i)
		if j == i {
			return j, false
		}
		i = j
	}
	return i, true
}

func digits(data []byte, i int) int {
	for i < len(data) && '0' <= data[i] && data[i] <= '9' {
		i++
	}
	return i
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// hex4 decodes four hex digits, or returns -1.
func hex4(s []byte) rune {
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// The functions below work on input that valid accepted.

// skipValue returns the index after the value starting at data[i].
func skipValue(data []byte, i int) int {
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for {
			switch data[i] {
			case '"':
				i = skipString(data, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
	case 't', 'n':
		return i + 4
	case 'f':
		return i + 5
	default:
		return scanNumber(data, i)
	}
}

// skipString returns the index after the string whose opening quote is
// data[i].
func skipString(data []byte, i int) int {
	i++
	for {
		i = stringSpecial(data, i, false)
		switch data[i] {
		case '"':
			return i + 1
		case '\\':
			i += 2
		default:
			i++
		}
	}
}

// scanNumber returns the index after the number starting at data[i].
func scanNumber(data []byte, i int) int {
	for i < len(data) {
		switch c := data[i]; {
		case '0' <= c && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
			i++
		default:
			return i
		}
	}
	return i
}

// stringEnd returns the index after the string whose opening quote is
// data[i], and whether its contents can be used as they are: no escapes,
// no invalid UTF-8.
func stringEnd(data []byte, i int) (int, bool) {
	i++
	plain := true
	for {
		i = stringSpecial(data, i, plain)
		switch c := data[i]; {
		case c == '"':
			return i + 1, plain
		case c == '\\':
			plain = false
			i += 2
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				plain = false
			}
			i += n
		}
	}
}

// plain reports whether the contents s of a quoted string are their own
// value: no escapes, quotes, control characters or invalid UTF-8.
func plain(s []byte) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\\' || c == '"' || c < ' ' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		i += n
	}
	return true
}

// unquote appends the contents of the quoted string s, escapes decoded and
// invalid UTF-8 replaced by U+FFFD, to buf. s is a string literal that
// valid accepted, or (under a ",string" option) any text, in which case
// unquote reports false for what encoding/json would reject.
func unquote(buf, s []byte) ([]byte, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return buf, false
	}
	s = s[1 : len(s)-1]
	for r := 0; r < len(s); {
		switch c := s[r]; {
		case c == '\\':
			r++
			if r >= len(s) {
				return buf, false
			}
			switch s[r] {
			default:
				return buf, false
			case '"', '\\', '/', '\'':
				buf = append(buf, s[r])
				r++
			case 'b':
				buf = append(buf, '\b')
				r++
			case 'f':
				buf = append(buf, '\f')
				r++
			case 'n':
				buf = append(buf, '\n')
				r++
			case 'r':
				buf = append(buf, '\r')
				r++
			case 't':
				buf = append(buf, '\t')
				r++
			case 'u':
				r--
				rr := getu4(s[r:])
				if rr < 0 {
					return buf, false
				}
				r += 6
				if utf16.IsSurrogate(rr) {
					rr1 := getu4(s[r:])
					if dec := utf16.DecodeRune(rr, rr1); dec != unicode.ReplacementChar {
						r += 6
						buf = utf8.AppendRune(buf, dec)
						break
					}
					rr = unicode.ReplacementChar
				}
				buf = utf8.AppendRune(buf, rr)
			}
		case c == '"', c < ' ':
			return buf, false
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			buf = utf8.AppendRune(buf, rr)
		}
	}
	return buf, true
}

// getu4 decodes \uXXXX at the start of s, or returns -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	return hex4(s[2:6])
}
