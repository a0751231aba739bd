package bumpjson

import (
	"io"

	"github.com/bumpkit/bumpkit/bump"
)

// An Encoder writes JSON values to an output stream, as
// [encoding/json.Encoder] does, with the same output: each value as
// json.Marshal encodes it, followed by a newline, indented if SetIndent
// asks. The Encoder, and the buffer each value is encoded in before one
// Write to the stream, are allocated from the allocator given to
// [NewEncoder]: with an arena, encoding takes nothing from the Go heap
// (see [Append]), and the Encoder must not be used after the arena's
// Reset.
type Encoder struct {
	e              EncodeState
	w              io.Writer
	err            error
	prefix, indent string
	indented       output
}

// NewEncoder returns a new encoder that writes to w, allocated, with its
// buffers, from a (the Go heap if a is nil).
func NewEncoder(a bump.Allocator, w io.Writer) *Encoder {
	enc, err := bump.TryNewIn[Encoder](a)
	if err != nil {
		enc = new(Encoder) // a is at its limit: the buffers will say so
	}
	a = bump.Or(a)
	enc.e.a, enc.indented.a = a, a
	enc.e.escapeHTML = true
	enc.w = w
	return enc
}

// Encode writes the JSON encoding of v to the stream, followed by a
// newline, as json.Encoder's Encode does: see [Append] for the encoding
// and its errors. On error nothing is written. An error of the stream's
// Write is returned by this and every later call.
func (enc *Encoder) Encode(v any) error {
	if enc.err != nil {
		return enc.err
	}
	e := &enc.e
	e.buf = e.buf[:0]
	err := e.encode(v)
	if err == nil {
		err = e.writeByte('\n')
	}
	if err != nil {
		return err
	}
	b := e.buf
	if enc.prefix != "" || enc.indent != "" {
		o := &enc.indented
		o.buf = o.buf[:0]
		if err := o.appendIndent(b, enc.prefix, enc.indent); err != nil {
			return err
		}
		b = o.buf
	}
	if _, err := enc.w.Write(b); err != nil {
		enc.err = err
		return err
	}
	return nil
}

// SetIndent makes the encoder indent each value it encodes as json.Indent
// does, each level with indent, each line after the first starting with
// prefix. SetIndent("", "") turns indentation off.
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.prefix, enc.indent = prefix, indent
}

// SetEscapeHTML sets whether <, > and & are escaped in JSON strings (as
// \u003c, \u003e and \u0026), so that the output is safe to embed in
// HTML; they are by default, as with json.Encoder. Unlike encoding/json,
// which cannot tell what a MarshalJSON method escaped, the setting holds
// for bumpkit's containers (and other [Appender]s) too.
func (enc *Encoder) SetEscapeHTML(on bool) {
	enc.e.escapeHTML = on
}

// appendIndent appends src, compact JSON as the encoding makes it (and a
// newline), indented as encoding/json's appendIndent indents it: a line
// for each member and element, empty objects and arrays kept as {} and
// [], a space after each colon.
func (o *output) appendIndent(src []byte, prefix, indent string) error {
	needIndent := false
	depth := 0
	newline := func() error {
		if err := o.grow(1 + len(prefix) + depth*len(indent)); err != nil {
			return err
		}
		o.buf = append(append(o.buf, '\n'), prefix...)
		for range depth {
			o.buf = append(o.buf, indent...)
		}
		return nil
	}
	for i := 0; i < len(src); {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			// Indentation is delayed so that {} and [] stay as they are.
			needIndent = false
			depth++
			if err := newline(); err != nil {
				return err
			}
		}
		j := i + 1
		switch c {
		case '"':
			j = skipString(src, i)
		case '{', '[':
			needIndent = true
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				if err := newline(); err != nil {
					return err
				}
			}
		case ',':
			if err := o.grow(1); err != nil {
				return err
			}
			o.buf = append(o.buf, c)
			if err := newline(); err != nil {
				return err
			}
			i = j
			continue
		case ':':
			if err := o.grow(2); err != nil {
				return err
			}
			o.buf = append(o.buf, ':', ' ')
			i = j
			continue
		default:
			for j < len(src) && !isPunct(src[j]) {
				j++
			}
		}
		if err := o.grow(j - i); err != nil {
			return err
		}
		o.buf = append(o.buf, src[i:j]...)
		i = j
	}
	return nil
}

// isPunct reports whether c starts a string or is structural in JSON.
func isPunct(c byte) bool {
	switch c {
	case '"', '{', '}', '[', ']', ',', ':':
		return true
	}
	return false
}
