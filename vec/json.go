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

// UnmarshalJSON implements [json.Unmarshaler]: it sets v's elements to
// the decoded array, decoding into v's existing elements where there are
// some, exactly as [json.Unmarshal] does into a slice. Storage beyond v's
// capacity is allocated from v's allocator; encoding/json gives a nil
// *Vec field a new Vec on the Go heap. JSON null leaves v unchanged, as
// the json.Unmarshaler convention asks. If data does not decode (a syntax
// or type error) or the allocator fails, UnmarshalJSON returns the error
// and leaves v unchanged.
func (v *Vec[T]) UnmarshalJSON(data []byte) error {
	v.check()
	if string(data) == "null" {
		return nil
	}
	// Decoding into a copy on the Go heap keeps v unchanged whatever
	// json.Unmarshal gets through before an error.
	s := append([]T(nil), v.s...)
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	if len(s) <= cap(v.s) {
		n := len(v.s)
		v.s = v.s[:len(s)]
		copy(v.s, s)
		if len(s) < n {
			clear(v.s[len(s):n])
		}
		return nil
	}
	v.own("UnmarshalJSON")
	if v.a == nil {
		// Storage on the Go heap: s is such storage already.
		v.s = s
		return nil
	}
	t, err := bump.AllocateSlice[T](v.a, len(s))
	if err != nil {
		return fmt.Errorf("vec: UnmarshalJSON: %w", err)
	}
	copy(t, s)
	old := v.s
	v.s = t
	v.store.Move(v.a)
	v.free(old)
	return nil
}
