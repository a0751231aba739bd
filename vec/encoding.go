package vec

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// MarshalJSON implements [json.Marshaler]: v encodes as its elements do
// as a slice, a JSON array (or, for a Vec[byte], a base64 string, as
// []byte encodes). An empty Vec encodes as [], even one with no storage;
// a nil *Vec encodes as null. Whether <, > and & are escaped in strings
// follows the encoder that calls it, as for a slice.
func (v *Vec[T]) MarshalJSON() ([]byte, error) {
	return bumpjson.MarshalAppender(v)
}

// AppendJSON implements [bumpjson.Appender]: bumpjson encodes v as
// MarshalJSON does, straight to its output rather than through a []byte
// on the Go heap.
func (v *Vec[T]) AppendJSON(e *bumpjson.EncodeState) error {
	if v == nil {
		return bumpjson.EncodeSlice[T](e, nil)
	}
	return bumpjson.EncodeSlice(e, v.view())
}

// UnmarshalJSON implements [json.Unmarshaler]: it replaces v's elements
// with the decoded array, as every bumpkit container does (where
// json.Unmarshal into a slice decodes into the elements it already has).
// It decodes with bumpjson into v's allocator: the elements, their
// strings and whatever else decoding creates are allocated from it, so
// that a Vec in an arena takes nothing from the Go heap to decode (a Go
// map in the elements excepted: see bumpjson). encoding/json gives a nil
// *Vec field a new Vec on the Go heap. JSON null leaves v unchanged, as
// the json.Unmarshaler convention asks. If data does not decode (a syntax
// or type error) or the allocator fails, UnmarshalJSON returns the error
// and leaves v exactly as it was (what the failed decoding allocated stays
// in the arena until its Reset). It panics on a nil *Vec.
func (v *Vec[T]) UnmarshalJSON(data []byte) error {
	if v == nil {
		name.PanicNil("UnmarshalJSON")
	}
	return v.unmarshalJSON(data, "UnmarshalJSON")
}

// UnmarshalJSONIn implements [bumpjson.Unmarshaler]: it is UnmarshalJSON,
// except that a Vec with no allocator and no storage (the zero Vec, such
// as a field of a struct bumpjson decodes) takes a as its allocator first.
func (v *Vec[T]) UnmarshalJSONIn(a bump.Allocator, data []byte) error {
	if v == nil {
		name.PanicNil("UnmarshalJSONIn")
	}
	if v.a == nil && cap(v.s) == 0 {
		check(&v.h)
		v.a = a
	}
	return v.unmarshalJSON(data, "UnmarshalJSONIn")
}

func (v *Vec[T]) unmarshalJSON(data []byte, fn string) error {
	check(&v.h)
	// Decoding into a fresh slice keeps the container unchanged whatever
	// decoding gets through before an error.
	s, err := bumpjson.UnmarshalSlice[T](v.a, data)
	if err != nil {
		return name.Wrap(fn, err)
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
	// s's storage came from v.a, whole: v takes it.
	v.h.Own(name, fn)
	old := v.s
	v.s = s
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
