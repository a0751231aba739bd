package vec

import (
	"encoding/json"
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// MarshalJSON implements [json.Marshaler]: v encodes as its elements do
// as a slice, a JSON array (or, for a Vec[byte], a base64 string, as
// []byte encodes). An empty Vec encodes as [], even one with no storage;
// a nil *Vec encodes as null.
func (v *Vec[T]) MarshalJSON() ([]byte, error) {
	if v == nil {
		return []byte("null"), nil
	}
	return json.Marshal(v.view())
}

// UnmarshalJSON implements [json.Unmarshaler]: it replaces v's elements
// with the decoded array, as every bumpkit container does (where
// json.Unmarshal into a slice decodes into the elements it already has).
// Storage beyond v's capacity is allocated from v's allocator;
// encoding/json gives a nil *Vec field a new Vec on the Go heap. JSON null
// leaves v unchanged, as the json.Unmarshaler convention asks. If data
// does not decode (a syntax or type error) or the allocator fails,
// UnmarshalJSON returns the error and leaves v exactly as it was. It
// panics on a nil *Vec.
func (v *Vec[T]) UnmarshalJSON(data []byte) error {
	if v == nil {
		name.PanicNil("UnmarshalJSON")
	}
	check(&v.h)
	// Decoding into a fresh slice on the Go heap keeps v unchanged
	// whatever json.Unmarshal gets through before an error.
	var s []T
	if err := json.Unmarshal(data, &s); err != nil {
		return name.Wrap("UnmarshalJSON", err)
	}
	if s == nil {
		return nil // null
	}
	if len(s) <= cap(v.s) {
		n := len(v.s)
		v.s = v.s[:len(s)]
		copy(v.s, s)
		if len(s) < n {
			clear(v.s[len(s):n])
		}
		v.checkInvariants()
		return nil
	}
	v.h.Own(name, "UnmarshalJSON")
	if v.a == nil {
		// Storage on the Go heap: s is such storage already.
		v.s = s
		return nil
	}
	t, err := bump.AllocateSlice[T](v.a, len(s))
	if err != nil {
		return name.Wrap("UnmarshalJSON", err)
	}
	copy(t, s)
	old := v.s
	v.s = t
	v.h.Store(v.a)
	v.free(old)
	return nil
}

// Format implements [fmt.Formatter]: v prints exactly as the slice of its
// elements does, for every verb and flag (%v, %+v, %#v, %d, %q, %x,
// width and precision...). An empty Vec prints as an empty slice ([]int{}
// with %#v), and a nil *Vec as a nil slice ([]int(nil) with %#v), as
// with encoding/json, where they give [] and null. (fmt handles %T and %p
// itself: they print the *Vec.)
func (v *Vec[T]) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), v.view())
}

// view returns v.Slice(), but never nil for a non-nil v: formatting and
// encoding tell a nil *Vec from an empty Vec, whether or not it has
// storage.
func (v *Vec[T]) view() []T {
	s := v.Slice()
	if s == nil && v != nil {
		s = []T{}
	}
	return s
}

// String returns v's elements formatted like a slice with %v: [1 2 3].
func (v *Vec[T]) String() string {
	return fmt.Sprint(v.view())
}
