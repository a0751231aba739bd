package hashmap

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"

	"github.com/bumpkit/bumpkit/bumpjson"
)

// sorted returns the values of s in a slice (nil for a nil s), in the
// order in which s is encoded and printed, so that both are
// deterministic, as they are for a map: integers, floats (NaN first, as fmt
// orders map keys) and strings in ascending order; values of other types
// in the order of their fmt %v text.
func (s *Set[K]) sorted() []K {
	if s == nil {
		return nil
	}
	keys := make([]K, 0, s.Len())
	for k := range s.All() {
		keys = append(keys, k)
	}
	v := reflect.ValueOf(keys)
	var less func(i, j int) bool
	switch reflect.TypeFor[K]().Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		less = func(i, j int) bool { return v.Index(i).Int() < v.Index(j).Int() }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		less = func(i, j int) bool { return v.Index(i).Uint() < v.Index(j).Uint() }
	case reflect.Float32, reflect.Float64:
		less = func(i, j int) bool { return cmp.Less(v.Index(i).Float(), v.Index(j).Float()) }
	case reflect.String:
		less = func(i, j int) bool { return v.Index(i).String() < v.Index(j).String() }
	default:
		text := make([]string, len(keys))
		for i, k := range keys {
			text[i] = fmt.Sprint(k)
		}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(text[a], text[b]) })
		out := make([]K, len(keys))
		for i, j := range idx {
			out[i] = keys[j]
		}
		return out
	}
	sort.SliceStable(keys, less)
	return keys
}

// MarshalJSON encodes s as a JSON array of its values, each encoded as
// encoding/json encodes a K, in the order described for [Set.Format]
// (ascending for numbers and strings), so that the output is
// deterministic; an empty s is [] and a nil s is null. A set is an array
// rather than the object a map[K]struct{} would give ({"a":{},"b":{}}):
// it is what other languages and JSON Schema's uniqueItems arrays use, and
// it admits values of any type, not only the string, integer and
// TextMarshaler keys of a JSON object. It writes nothing to s.
func (s *Set[K]) MarshalJSON() ([]byte, error) {
	return json.Marshal(s.sorted())
}

// UnmarshalJSON decodes a JSON array into s, replacing its values, as
// every bumpkit container does; null does nothing. New storage comes from
// s's allocator (for a *Set field that was nil, encoding/json allocates a
// Set on the Go heap). On error (not an array, a value of the wrong type,
// or an allocation that fails) s is exactly as it was. It panics on a nil
// s.
func (s *Set[K]) UnmarshalJSON(data []byte) error {
	if s == nil {
		setName.PanicNil("UnmarshalJSON")
	}
	checkSet(&s.m.h)
	s.own("UnmarshalJSON")
	// Decoding into a fresh slice keeps the container unchanged whatever
	// decoding gets through before an error.
	decoded, err := bumpjson.UnmarshalSlice[K](s.m.alloc, data)
	if err != nil {
		return setName.Wrap("UnmarshalJSON", err)
	}
	if decoded == nil {
		return nil // null
	}
	// Room first, so that the Adds below neither fail nor leave s half
	// filled (duplicates in the array only make the room larger).
	if more := len(decoded) - s.m.used; more > 0 {
		if err := s.m.tryGrow(more); err != nil {
			return setName.Wrap("UnmarshalJSON", err)
		}
	}
	s.m.Clear()
	for _, k := range decoded {
		s.Add(k)
	}
	return nil
}

// Format implements fmt.Formatter: s prints as the slice of its values in
// the order MarshalJSON uses, with every verb and flag, so %v gives [a b c]
// and %q ["a" "b" "c"]; a nil s prints as []. It writes nothing to s.
func (s *Set[K]) Format(f fmt.State, verb rune) {
	keys := s.sorted()
	if keys == nil {
		keys = []K{}
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), keys)
}

// String returns s formatted as Format does with %v: [a b c].
func (s *Set[K]) String() string {
	return fmt.Sprint(s)
}
