package str

import (
	"strconv"
	"unsafe"
)

// The strconv appenders format straight into s's storage, so that hot
// formatting skips fmt (its interface boxing, reflection and parsing of
// the format). Like the other writes that are not part of io.Writer, they
// panic with an error wrapping the allocator's if the storage cannot be
// had, leaving s unchanged; after [String.TryGrow] of enough bytes they
// cannot fail.

// scratch is the room an appender wants in s before formatting into s's
// storage directly: enough for any integer in base 2 with its sign, and
// for a float64 in 'g' or 'e' format at full precision. Results that turn
// out longer still come out right (see adopt).
const scratch = 65

// AppendInt appends the string form of the integer i in the given base,
// as [strconv.AppendInt] does. It panics if base is not in [2, 36] (as
// strconv does) or if the storage cannot be had.
func (s *String) AppendInt(i int64, base int) {
	s.checkWrite("AppendInt")
	if s.writable(scratch) {
		// The result shares s.buf (there is room): reslicing stores only
		// the length, with no write barrier.
		s.buf = s.buf[:len(strconv.AppendInt(s.buf, i, base))]
		return
	}
	var tmp [scratch]byte
	s.mustWrite("AppendInt", strconv.AppendInt(tmp[:0], i, base))
}

// AppendUint appends the string form of the unsigned integer i in the
// given base, as [strconv.AppendUint] does. It panics like
// [String.AppendInt].
func (s *String) AppendUint(i uint64, base int) {
	s.checkWrite("AppendUint")
	if s.writable(scratch) {
		s.buf = s.buf[:len(strconv.AppendUint(s.buf, i, base))]
		return
	}
	var tmp [scratch]byte
	s.mustWrite("AppendUint", strconv.AppendUint(tmp[:0], i, base))
}

// AppendFloat appends the string form of the floating-point number f, as
// [strconv.AppendFloat] does with the same format fmt ('b', 'e', 'E',
// 'f', 'g', 'G', 'x', 'X'), precision prec and bitSize (32 or 64). It
// panics if the storage cannot be had.
func (s *String) AppendFloat(f float64, fmt byte, prec, bitSize int) {
	s.checkWrite("AppendFloat")
	if s.writable(scratch) {
		s.adopt("AppendFloat", strconv.AppendFloat(s.buf, f, fmt, prec, bitSize))
		return
	}
	var tmp [scratch]byte
	s.mustWrite("AppendFloat", strconv.AppendFloat(tmp[:0], f, fmt, prec, bitSize))
}

// AppendBool appends "true" or "false" according to b, as
// [strconv.AppendBool] does. It panics if the storage cannot be had.
func (s *String) AppendBool(b bool) {
	s.checkWrite("AppendBool")
	x := "false"
	if b {
		x = "true"
	}
	if !s.writable(len(x)) {
		if err := s.grow("AppendBool", len(x)); err != nil {
			panic(err)
		}
	}
	n := len(s.buf)
	s.buf = s.buf[:n+len(x)]
	copy(s.buf[n:], x)
}

// AppendQuote appends a double-quoted Go string literal representing x,
// as [strconv.AppendQuote] does. It panics if the storage cannot be had.
func (s *String) AppendQuote(x string) {
	s.checkWrite("AppendQuote")
	// The literal takes at least len(x)+2 bytes; escapes make it longer.
	if !s.writable(len(x) + 2) {
		if err := s.grow("AppendQuote", len(x)+2); err != nil {
			panic(err)
		}
	}
	s.adopt("AppendQuote", strconv.AppendQuote(s.buf, x))
}

// adopt takes t, the result of a strconv append to s.buf after checking
// that s.buf is writable. If strconv stayed within s's storage, t is the
// new content. If it needed more, append moved it to the Go heap: the new
// bytes are then written to s's own storage, which may panic.
func (s *String) adopt(op string, t []byte) {
	if unsafe.SliceData(t) == unsafe.SliceData(s.buf) {
		s.buf = s.buf[:len(t)] // no write barrier: the storage is the same
		return
	}
	s.mustWrite(op, t[len(s.buf):])
}

// mustWrite appends p, which does not share s's storage, and panics if it
// cannot.
func (s *String) mustWrite(op string, p []byte) {
	if !s.writable(len(p)) {
		if err := s.grow(op, len(p)); err != nil {
			panic(err)
		}
	}
	n := len(s.buf)
	s.buf = s.buf[:n+len(p)]
	copy(s.buf[n:], p)
}
