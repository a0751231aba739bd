package bumpjson

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
)

// A Decoder reads and decodes JSON values from an input stream into an
// arena, as [encoding/json.Decoder] does into the Go heap. Its methods
// behave as encoding/json's, with the same errors at the same offsets.
//
// The Decoder's own buffer is on the Go heap and reused from one value
// to the next: once it has grown to the largest value of the stream,
// decoding takes nothing more from the Go heap for it.
type Decoder struct {
	r       io.Reader
	buf     []byte
	d       decodeState
	scanp   int   // start of unread data in buf
	scanned int64 // bytes of the stream before buf
	// scanBytes counts the bytes the values read so far spanned (white
	// space before each included), which is what encoding/json's
	// scanner counts for the offsets of its syntax errors.
	scanBytes int64
	err       error

	tokenState int
	tokenStack []int
}

// NewDecoder returns a new decoder that reads from r and allocates what
// it decodes from a (the Go heap if a is nil). Like encoding/json's, it
// buffers and may read data from r beyond the values requested.
func NewDecoder(a bump.Allocator, r io.Reader) *Decoder {
	dec := &Decoder{r: r}
	dec.d.setAllocator(a)
	return dec
}

// UseNumber makes the Decoder decode a number into an interface value as
// a json.Number instead of a float64.
func (dec *Decoder) UseNumber() { dec.d.useNumber = true }

// DisallowUnknownFields makes the Decoder return an error when the
// destination is a struct and the input has an object key that matches
// no field decoded into.
func (dec *Decoder) DisallowUnknownFields() { dec.d.disallowUnknownFields = true }

// Decode reads the next JSON value from its input and stores it in the
// value pointed to by v, allocating from the Decoder's allocator; see
// [Unmarshal].
func (dec *Decoder) Decode(v any) error {
	if dec.err != nil {
		return dec.err
	}
	if err := dec.tokenPrepareForDecode(); err != nil {
		return err
	}
	if !dec.tokenValueAllowed() {
		return newSyntaxError(msgNotAtValue, 0, dec.InputOffset())
	}
	n, err := dec.readValue()
	if err != nil {
		return err
	}
	data := dec.buf[dec.scanp : dec.scanp+n]
	dec.scanp += n
	// As with encoding/json, a decoding error leaves the stream usable: the
	// whole value was read.
	err = dec.d.unmarshal(data, v)
	dec.d.data = nil
	dec.tokenValueEnd()
	return err
}

// Buffered returns a reader of the data remaining in the Decoder's
// buffer. The reader is valid until the next call to Decode.
func (dec *Decoder) Buffered() io.Reader {
	return bytes.NewReader(dec.buf[dec.scanp:])
}

// InputOffset returns the input stream byte offset of the current decoder
// position: the end of the most recently returned token and the beginning
// of the next.
func (dec *Decoder) InputOffset() int64 {
	return dec.scanned + int64(dec.scanp)
}

// readValue reads a whole JSON value into dec.buf and returns its length,
// white space before it included.
func (dec *Decoder) readValue() (int, error) {
	var err error
	for {
		buf := dec.buf[dec.scanp:]
		i := skipSpace(buf, 0)
		end, ok := validValue(buf, i, 0)
		switch {
		case ok && (end < len(buf) || !isNumberStart(buf[i]) || err != nil):
			// A number is complete only once something follows it.
			dec.scanBytes += int64(end)
			return end, nil
		case !ok && end < len(buf):
			return 0, dec.syntaxError(buf[:end+1])
		case err != nil:
			if err == io.EOF {
				if skipSpace(buf, 0) < len(buf) {
					err = io.ErrUnexpectedEOF
				}
			}
			dec.err = err
			return 0, err
		}
		err = dec.refill()
	}
}

func isNumberStart(c byte) bool { return c == '-' || '0' <= c && c <= '9' }

// syntaxError records and returns encoding/json's error for the value
// that starts buf, which is invalid at its last byte.
func (dec *Decoder) syntaxError(buf []byte) error {
	err := syntaxError(buf)
	if se, ok := err.(*json.SyntaxError); ok {
		// Rebuild it with the offset in the stream, as encoding/json's
		// stream scanner counts it.
		e := *se
		e.Offset += dec.scanBytes
		err = &e
	}
	dec.err = err
	return err
}

func (dec *Decoder) refill() error {
	if dec.scanp > 0 {
		dec.scanned += int64(dec.scanp)
		n := copy(dec.buf, dec.buf[dec.scanp:])
		dec.buf = dec.buf[:n]
		dec.scanp = 0
	}
	const minRead = 512
	if cap(dec.buf)-len(dec.buf) < minRead {
		newBuf := make([]byte, len(dec.buf), 2*cap(dec.buf)+minRead)
		copy(newBuf, dec.buf)
		dec.buf = newBuf
	}
	n, err := dec.r.Read(dec.buf[len(dec.buf):cap(dec.buf)])
	dec.buf = dec.buf[0 : len(dec.buf)+n]
	return err
}

// The token states of encoding/json's Decoder.
const (
	tokenTopValue = iota
	tokenArrayStart
	tokenArrayValue
	tokenArrayComma
	tokenObjectStart
	tokenObjectKey
	tokenObjectColon
	tokenObjectValue
	tokenObjectComma
)

func (dec *Decoder) tokenPrepareForDecode() error {
	switch dec.tokenState {
	case tokenArrayComma:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ',' {
			return newSyntaxError(msgExpectedComma, 0, dec.InputOffset())
		}
		dec.scanp++
		dec.tokenState = tokenArrayValue
	case tokenObjectColon:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ':' {
			return newSyntaxError(msgExpectedColon, 0, dec.InputOffset())
		}
		dec.scanp++
		dec.tokenState = tokenObjectValue
	}
	return nil
}

func (dec *Decoder) tokenValueAllowed() bool {
	switch dec.tokenState {
	case tokenTopValue, tokenArrayStart, tokenArrayValue, tokenObjectValue:
		return true
	}
	return false
}

func (dec *Decoder) tokenValueEnd() {
	switch dec.tokenState {
	case tokenArrayStart, tokenArrayValue:
		dec.tokenState = tokenArrayComma
	case tokenObjectValue:
		dec.tokenState = tokenObjectComma
	}
}

// Token returns the next JSON token in the input stream, as
// encoding/json's Decoder.Token does: a json.Delim for [ ] { }, a bool, a
// float64 (or json.Number after UseNumber), a string, or nil for null.
// Strings and numbers are allocated from the Decoder's allocator. At the
// end of the input it returns nil, io.EOF.
func (dec *Decoder) Token() (json.Token, error) {
	for {
		c, err := dec.peek()
		if err != nil {
			return nil, err
		}
		switch c {
		case '[', '{':
			if !dec.tokenValueAllowed() {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenStack = append(dec.tokenStack, dec.tokenState)
			if c == '[' {
				dec.tokenState = tokenArrayStart
			} else {
				dec.tokenState = tokenObjectStart
			}
			return json.Delim(c), nil
		case ']', '}':
			if c == ']' && dec.tokenState != tokenArrayStart && dec.tokenState != tokenArrayComma ||
				c == '}' && dec.tokenState != tokenObjectStart && dec.tokenState != tokenObjectComma {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenState = dec.tokenStack[len(dec.tokenStack)-1]
			dec.tokenStack = dec.tokenStack[:len(dec.tokenStack)-1]
			dec.tokenValueEnd()
			return json.Delim(c), nil
		case ':':
			if dec.tokenState != tokenObjectColon {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenState = tokenObjectValue
			continue
		case ',':
			switch dec.tokenState {
			case tokenArrayComma:
				dec.scanp++
				dec.tokenState = tokenArrayValue
				continue
			case tokenObjectComma:
				dec.scanp++
				dec.tokenState = tokenObjectKey
				continue
			}
			return dec.tokenError(c)
		case '"':
			if dec.tokenState == tokenObjectStart || dec.tokenState == tokenObjectKey {
				var x string
				old := dec.tokenState
				dec.tokenState = tokenTopValue
				err := dec.Decode(&x)
				dec.tokenState = old
				if err != nil {
					return nil, err
				}
				dec.tokenState = tokenObjectColon
				return x, nil
			}
			fallthrough
		default:
			if !dec.tokenValueAllowed() {
				return dec.tokenError(c)
			}
			var x any
			if err := dec.Decode(&x); err != nil {
				return nil, err
			}
			return x, nil
		}
	}
}

func (dec *Decoder) tokenError(c byte) (json.Token, error) {
	// encoding/json's Decoder makes the same error when it meets c in the
	// same token state, which these prefixes put it in.
	var prefix string
	switch dec.tokenState {
	case tokenArrayStart:
		prefix = "["
	case tokenArrayValue:
		prefix = "[1,"
	case tokenArrayComma:
		prefix = "[1 "
	case tokenObjectStart:
		prefix = "{"
	case tokenObjectKey:
		prefix = `{"a":1,`
	case tokenObjectColon:
		prefix = `{"a" `
	case tokenObjectValue:
		prefix = `{"a":`
	case tokenObjectComma:
		prefix = `{"a":1 `
	}
	std := json.NewDecoder(strings.NewReader(prefix + string([]byte{c})))
	var err error
	for range 4 {
		if _, err = std.Token(); err != nil {
			break
		}
	}
	if se, ok := err.(*json.SyntaxError); ok {
		e := *se
		e.Offset = dec.InputOffset()
		return nil, &e
	}
	return nil, &json.SyntaxError{Offset: dec.InputOffset()}
}

// More reports whether there is another element in the current array or
// object being parsed.
func (dec *Decoder) More() bool {
	c, err := dec.peek()
	return err == nil && c != ']' && c != '}'
}

func (dec *Decoder) peek() (byte, error) {
	var err error
	for {
		for i := dec.scanp; i < len(dec.buf); i++ {
			if c := dec.buf[i]; !isSpace(c) {
				dec.scanp = i
				return c, nil
			}
		}
		if err != nil {
			return 0, err
		}
		err = dec.refill()
	}
}

// The messages of the syntax errors a Decoder makes itself.
const (
	msgNotAtValue = iota
	msgExpectedComma
	msgExpectedColon
	msgInvalidChar
)

// newSyntaxError returns encoding/json's syntax error for the message msg
// (about the character c, for msgInvalidChar in the current token state)
// at offset off. A json.SyntaxError's message is unexported: the error
// is made by encoding/json, from an input that produces that message,
// and given the offset.
func newSyntaxError(msg int, c byte, off int64) error {
	var err error
	var x any
	switch msg {
	case msgNotAtValue:
		d := json.NewDecoder(strings.NewReader("{"))
		d.Token()
		err = d.Decode(&x)
	case msgExpectedComma:
		d := json.NewDecoder(strings.NewReader("[1 2"))
		d.Token()
		d.Decode(&x)
		err = d.Decode(&x)
	case msgExpectedColon:
		d := json.NewDecoder(strings.NewReader(`{"a" 1`))
		d.Token()
		d.Token()
		err = d.Decode(&x)
	}
	if se, ok := err.(*json.SyntaxError); ok {
		e := *se
		e.Offset = off
		return &e
	}
	return &json.SyntaxError{Offset: off}
}
