package hashmap

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
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
	return s.sortedInto(make([]K, s.Len()))
}

// sortedInto puts the values of s in keys, of their number, in the order
// of sorted, and returns keys. For numbers and strings it takes nothing
// from the Go heap.
func (s *Set[K]) sortedInto(keys []K) []K {
	keys = keys[:0]
	// The iterator rather than All, whose loop body would be a closure on
	// the Go heap.
	it := s.m.iter()
	defer it.stop()
	for sl := it.next(); sl != nil; sl = it.next() {
		keys = append(keys, sl.key)
	}
	if sortKeys(keys) {
		return keys
	}
	text := make([]string, len(keys))
	for i, k := range keys {
		text[i] = fmt.Sprint(k)
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(text[a], text[b]) })
	sorted := make([]K, len(keys))
	for i, j := range idx {
		sorted[i] = keys[j]
	}
	copy(keys, sorted)
	return keys
}

// sortKeys sorts keys in the order of sorted if K's kind is an integer,
// float or string one (named types too), and reports whether it did. It
// sorts them as the numbers or strings they are, with no comparison
// function: in generic code one would be a closure on the Go heap. Keys of
// a set are distinct (NaNs aside, which print alike), so that the sort
// need not be stable.
func sortKeys[K comparable](keys []K) bool {
	p, n := unsafe.Pointer(unsafe.SliceData(keys)), len(keys)
	var k K
	switch reflect.TypeFor[K]().Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch unsafe.Sizeof(k) {
		case 1:
			slices.Sort(unsafe.Slice((*int8)(p), n))
		case 2:
			slices.Sort(unsafe.Slice((*int16)(p), n))
		case 4:
			slices.Sort(unsafe.Slice((*int32)(p), n))
		default:
			slices.Sort(unsafe.Slice((*int64)(p), n))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		switch unsafe.Sizeof(k) {
		case 1:
			slices.Sort(unsafe.Slice((*uint8)(p), n))
		case 2:
			slices.Sort(unsafe.Slice((*uint16)(p), n))
		case 4:
			slices.Sort(unsafe.Slice((*uint32)(p), n))
		default:
			slices.Sort(unsafe.Slice((*uint64)(p), n))
		}
	case reflect.Float32:
		slices.Sort(unsafe.Slice((*float32)(p), n))
	case reflect.Float64:
		slices.Sort(unsafe.Slice((*float64)(p), n))
	case reflect.String:
		slices.Sort(unsafe.Slice((*string)(p), n))
	default:
		return false
	}
	return true
}

// MarshalJSON encodes s as a JSON array of its values, each encoded as
// encoding/json encodes a K, in the order described for [Set.Format]
// (ascending for numbers and strings), so that the output is
// deterministic; an empty s is [] and a nil s is null. A set is an array
// rather than the object a map[K]struct{} would give ({"a":{},"b":{}}):
// it is what other languages and JSON Schema's uniqueItems arrays use, and
// it admits values of any type, not only the string, integer and
// TextMarshaler keys of a JSON object. Whether <, > and & are escaped in
// strings follows the encoder that calls it, as for a slice. It writes
// nothing to s.
func (s *Set[K]) MarshalJSON() ([]byte, error) {
	return bumpjson.MarshalAppender(s)
}

// AppendJSON implements [bumpjson.Appender]: bumpjson encodes s as
// MarshalJSON does, straight to its output, with the sorted values in the
// encoding's allocator rather than on the Go heap.
func (s *Set[K]) AppendJSON(e *bumpjson.EncodeState) error {
	if s == nil {
		return bumpjson.EncodeSlice[K](e, nil)
	}
	a := e.Allocator()
	keys, err := bump.AllocateSlice[K](a, s.Len())
	if err != nil {
		return err
	}
	err = bumpjson.EncodeSlice(e, s.sortedInto(keys))
	clear(keys)
	bump.FreeSlice(a, keys)
	return err
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
