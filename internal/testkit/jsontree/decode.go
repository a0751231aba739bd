package jsontree

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// ErrSyntax is wrapped by the errors Decode returns for input that is not
// a single valid JSON value.
var ErrSyntax = errors.New("jsontree: invalid JSON")

// MaxDepth is the deepest nesting of arrays and objects Decode accepts,
// so that hostile input cannot exhaust the stack.
const MaxDepth = 10000

// Decode decodes the JSON document data into a tree whose storage comes
// from a (the Go heap if a is nil), as NewDecoder(a).Decode(data) does.
// The Decoders it uses are pooled, so that their scratch buffers, sized
// by the widest and deepest documents seen, are not taken from the Go
// heap again for every document.
func Decode(a bump.Allocator, data []byte) (Node, error) {
	d := decoders.Get().(*Decoder)
	d.alloc = newStorage(a)
	n, err := d.Decode(data)
	d.alloc = storage{}
	decoders.Put(d)
	return n, err
}

var decoders = sync.Pool{New: func() any { return new(Decoder) }}

// A Decoder decodes JSON documents into trees allocated by its allocator.
// Reusing a Decoder reuses its scratch buffers, so that decoding many
// documents allocates nothing but the trees. A Decoder is not safe for
// concurrent use.
type Decoder struct {
	alloc storage
	data  []byte
	pos   int
	depth int
	stack []Node // children of the open arrays and objects
	buf   []byte // unescaped string bytes
}

// NewDecoder returns a Decoder that allocates trees from a, or from the
// Go heap (with make and string conversion) if a is nil or [bump.Heap].
func NewDecoder(a bump.Allocator) *Decoder {
	return &Decoder{alloc: newStorage(a)}
}

// Decode decodes the JSON document data, which must hold exactly one
// value (with optional surrounding white space). For invalid input it
// returns an error wrapping ErrSyntax that gives the byte offset; when the
// allocator fails (an arena's allocation limit, say) it returns the
// allocator's error, wrapped with the offset. Storage allocated before an
// error is not freed (reset the arena to reclaim it); the Decoder stays
// usable.
//
// Strings are copied byte for byte after unescaping; invalid UTF-8 is
// kept, not replaced. Numbers beyond the range of float64 become ±Inf.
func (d *Decoder) Decode(data []byte) (n Node, err error) {
	d.data, d.pos, d.depth = data, 0, 0
	defer func() {
		clear(d.stack[:cap(d.stack)]) // keep nothing of the tree alive
		d.stack = d.stack[:0]
		d.data = nil
	}()
	n, err = d.value()
	if err != nil {
		return Node{}, err
	}
	d.skipSpace()
	if d.pos != len(d.data) {
		return Node{}, d.errorf("data after the top-level value")
	}
	return n, nil
}

func (d *Decoder) errorf(format string, args ...any) error {
	return fmt.Errorf("%w at offset %d: %s", ErrSyntax, d.pos, fmt.Sprintf(format, args...))
}

// allocError wraps an error of the allocator.
func (d *Decoder) allocError(err error) error {
	return fmt.Errorf("jsontree: at offset %d: %w", d.pos, err)
}

func (d *Decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *Decoder) value() (Node, error) {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return Node{}, d.errorf("unexpected end of input")
	}
	switch c := d.data[d.pos]; c {
	case '{':
		return d.object()
	case '[':
		return d.array()
	case '"':
		s, err := d.string()
		return Node{Kind: String, Str: s}, err
	case 't':
		return Node{Kind: True}, d.literal("true")
	case 'f':
		return Node{Kind: False}, d.literal("false")
	case 'n':
		return Node{Kind: Null}, d.literal("null")
	default:
		if c == '-' || c >= '0' && c <= '9' {
			return d.number()
		}
		return Node{}, d.errorf("unexpected character %q", c)
	}
}

func (d *Decoder) literal(word string) error {
	if len(d.data)-d.pos < len(word) || string(d.data[d.pos:d.pos+len(word)]) != word {
		return d.errorf("invalid literal, want %s", word)
	}
	d.pos += len(word)
	return nil
}

func (d *Decoder) number() (Node, error) {
	start := d.pos
	if d.data[d.pos] == '-' {
		d.pos++
	}
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	intStart := d.pos
	if n := digits(); n == 0 || n > 1 && d.data[intStart] == '0' {
		return Node{}, d.errorf("invalid number")
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			return Node{}, d.errorf("invalid number fraction")
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return Node{}, d.errorf("invalid number exponent")
		}
	}
	raw := d.data[start:d.pos]
	// ParseFloat does not keep its argument (only its error does, and
	// copies it), so a string view of the input saves an allocation.
	f, err := strconv.ParseFloat(unsafe.String(unsafe.SliceData(raw), len(raw)), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return Node{}, d.errorf("invalid number %q", raw)
	}
	return Node{Kind: Number, Num: f}, nil
}

// newString returns a copy of b from the allocator.
func (d *Decoder) newString(b []byte) (string, error) {
	s, err := d.alloc.string(b)
	if err != nil {
		return "", d.allocError(err)
	}
	return s, nil
}

// string decodes the string starting at d.pos (a '"') and returns it
// allocated by d.alloc.
func (d *Decoder) string() (string, error) {
	d.pos++ // opening quote
	start := d.pos
	// Fast path: no escapes, the bytes are copied straight from the input.
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; {
		case c == '"':
			s := d.data[start:d.pos]
			d.pos++
			if len(s) == 0 {
				return "", nil
			}
			return d.newString(s)
		case c == '\\':
			return d.escapedString(start)
		case c < 0x20:
			return "", d.errorf("control character in string")
		}
		d.pos++
	}
	return "", d.errorf("unterminated string")
}

func (d *Decoder) escapedString(start int) (string, error) {
	buf := append(d.buf[:0], d.data[start:d.pos]...)
	defer func() { d.buf = buf[:0] }()
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			return d.newString(buf)
		case c < 0x20:
			return "", d.errorf("control character in string")
		case c != '\\':
			buf = append(buf, c)
			d.pos++
			continue
		}
		if d.pos+1 >= len(d.data) {
			break
		}
		e := d.data[d.pos+1]
		d.pos += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return "", d.errorf(`invalid \u escape`)
			}
			if utf16.IsSurrogate(r) {
				// Like encoding/json: a valid pair is one rune; otherwise
				// the first half becomes U+FFFD and whatever follows is
				// decoded on its own.
				save := d.pos
				lo, ok := rune(0), false
				if d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
					d.pos += 2
					lo, ok = d.hex4()
				}
				if dec := utf16.DecodeRune(r, lo); ok && dec != utf8.RuneError {
					r = dec
				} else {
					d.pos = save
					r = utf8.RuneError
				}
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", d.errorf("invalid escape %q", e)
		}
	}
	return "", d.errorf("unterminated string")
}

func (d *Decoder) hex4() (rune, bool) {
	if len(d.data)-d.pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range d.data[d.pos : d.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	d.pos += 4
	return r, true
}

func (d *Decoder) enter() error {
	d.depth++
	if d.depth > MaxDepth {
		return d.errorf("nesting deeper than %d", MaxDepth)
	}
	d.pos++ // '[' or '{'
	return nil
}

// children moves the nodes pushed since base into storage from the
// allocator, sized exactly: the count is known only at the closing
// bracket, so they are collected on the reusable stack first.
func (d *Decoder) children(base int) ([]Node, error) {
	d.depth--
	n := len(d.stack) - base
	if n == 0 {
		return nil, nil
	}
	c, err := d.alloc.nodes(n)
	if err != nil {
		return nil, d.allocError(err)
	}
	copy(c, d.stack[base:])
	clear(d.stack[base:])
	d.stack = d.stack[:base]
	return c, nil
}

// closed returns the array or object of kind whose children were pushed
// since base, at its closing bracket.
func (d *Decoder) closed(kind Kind, base int) (Node, error) {
	d.pos++ // ']' or '}'
	c, err := d.children(base)
	if err != nil {
		return Node{}, err
	}
	return Node{Kind: kind, Children: c}, nil
}

func (d *Decoder) array() (Node, error) {
	if err := d.enter(); err != nil {
		return Node{}, err
	}
	base := len(d.stack)
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		return d.closed(Array, base)
	}
	for {
		v, err := d.value()
		if err != nil {
			return Node{}, err
		}
		d.stack = append(d.stack, v)
		d.skipSpace()
		if d.pos >= len(d.data) {
			return Node{}, d.errorf("unterminated array")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case ']':
			return d.closed(Array, base)
		default:
			return Node{}, d.errorf("want , or ] in array")
		}
	}
}

func (d *Decoder) object() (Node, error) {
	if err := d.enter(); err != nil {
		return Node{}, err
	}
	base := len(d.stack)
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		return d.closed(Object, base)
	}
	for {
		d.skipSpace()
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return Node{}, d.errorf("want member name in object")
		}
		key, err := d.string()
		if err != nil {
			return Node{}, err
		}
		d.skipSpace()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return Node{}, d.errorf("want : after member name")
		}
		d.pos++
		v, err := d.value()
		if err != nil {
			return Node{}, err
		}
		v.Key = key
		d.stack = append(d.stack, v)
		d.skipSpace()
		if d.pos >= len(d.data) {
			return Node{}, d.errorf("unterminated object")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case '}':
			return d.closed(Object, base)
		default:
			return Node{}, d.errorf("want , or } in object")
		}
	}
}
