package str

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// MarshalJSON implements [json.Marshaler]: s encodes as a JSON string of
// its content, exactly as a Go string does (invalid UTF-8 becomes
// U+FFFD; whether <, > and & are escaped follows the encoder, as for a
// string). A nil s encodes as "". MarshalJSON is read-only.
//
// The methods have pointer receivers, as a String must not be copied: a
// struct field of type *String always encodes as a string, one of type
// String only when encoding/json can take its address (json.Marshal(&v),
// not json.Marshal(v), which gives {}). Decoding works for both.
func (s *String) MarshalJSON() ([]byte, error) {
	// The encoder that called MarshalJSON escapes HTML in what it returns
	// if, and only if, it is set to, as it does for a string.
	return bumpjson.MarshalAppender(s)
}

// AppendJSON implements [bumpjson.Appender]: bumpjson encodes s as
// MarshalJSON does, straight to its output rather than through a []byte
// on the Go heap.
func (s *String) AppendJSON(e *bumpjson.EncodeState) error {
	return bumpjson.EncodeString(e, s.view())
}

// UnmarshalJSON implements [json.Unmarshaler]: it replaces the content of
// s with the JSON string data, allocating from s's allocator (it decodes
// with bumpjson, so that a String in an arena takes nothing from the Go
// heap). JSON null leaves s unchanged, as it leaves a Go string. Any other
// JSON value, or a failed allocation, returns an error and leaves s
// unchanged. Decoding into a nil *String field makes a String on the Go
// heap, as encoding/json allocates pointer fields.
func (s *String) UnmarshalJSON(data []byte) error {
	s.checkWrite("UnmarshalJSON")
	return s.unmarshalJSON(data, "UnmarshalJSON")
}

// UnmarshalJSONIn implements [bumpjson.Unmarshaler]: it is UnmarshalJSON,
// except that a String with no allocator and no storage (the zero String,
// such as a field of a struct bumpjson decodes) takes a as its allocator
// first.
func (s *String) UnmarshalJSONIn(a bump.Allocator, data []byte) error {
	s.checkWrite("UnmarshalJSONIn")
	if s.a == nil && cap(s.buf) == 0 {
		s.a = a
	}
	return s.unmarshalJSON(data, "UnmarshalJSONIn")
}

func (s *String) unmarshalJSON(data []byte, op string) error {
	if string(data) == "null" {
		return nil
	}
	// The decoded string's header is allocated too, so that it does not
	// escape to the Go heap; the string is copied into s.
	tmp, err := bump.AllocateSlice[string](s.a, 1)
	if err != nil {
		return name.Wrap(op, err)
	}
	if err := bumpjson.Unmarshal(s.a, data, &tmp[0]); err != nil {
		return name.Wrap(op, err)
	}
	x := tmp[0]
	tmp[0] = ""
	return s.replace(op, x)
}

// MarshalText implements [encoding.TextMarshaler]: it returns a copy of
// the content of s (empty for a nil s). It is read-only.
func (s *String) MarshalText() ([]byte, error) {
	return []byte(s.view()), nil
}

// AppendText implements [encoding.TextAppender]: it appends the content of
// s to b. It is read-only.
func (s *String) AppendText(b []byte) ([]byte, error) {
	return append(b, s.view()...), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it replaces the
// content of s with text, allocating from s's allocator. If the
// allocation fails it returns an error and leaves s unchanged.
func (s *String) UnmarshalText(text []byte) error {
	s.checkWrite("UnmarshalText")
	return s.replace("UnmarshalText", string(text))
}

// replace makes x the content of s, leaving s unchanged on error.
func (s *String) replace(op string, x string) error {
	if s.frozen.Load() == 0 && len(x) <= cap(s.buf) {
		s.buf = append(s.buf[:0], x...)
		return nil
	}
	var t []byte
	if onHeap(s.a) && len(x) <= heapAppendMax {
		t = heapCopy(nil, len(x))
	} else {
		var err error
		if t, err = bump.AllocateSlice[byte](s.a, len(x)); err != nil {
			return name.Wrap(op, err)
		}
		t = t[:0]
	}
	if s.frozen.Load() == 0 {
		bump.FreeSlice(s.a, s.buf)
	}
	s.buf = append(t, x...)
	s.frozen.Store(0)
	s.h.Store(s.a)
	s.checkInvariants()
	return nil
}

// Format implements [fmt.Formatter] so that s prints like its content, a
// Go string, for every verb and flag: %s, %q, %x, %v, %10s and %#v print
// what they print for s.String(), and a verb that does not apply to
// strings reports itself the same way (%!d(string=...)). A nil s prints
// like "". Format is read-only.
func (s *String) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), s.view())
}
