package hashmap

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// builtin returns m's entries in a Go map (nil for a nil m), so that
// encoding/json and fmt, which know how to encode and print maps, render
// m exactly as they render the map it replaces. NaN keys each get their
// own entry, as assigning them to a Go map does.
func (m *Map[K, V]) builtin() map[K]V {
	if m == nil {
		return nil
	}
	b := make(map[K]V, m.Len())
	for k, v := range m.All() {
		b[k] = v
	}
	return b
}

// MarshalJSON encodes m as a JSON object, exactly as encoding/json
// encodes a map[K]V: keys must be strings, integers or implement
// encoding.TextMarshaler, and are sorted; an empty m is {} and a nil m is
// null. Whether <, > and & are escaped in strings follows the encoder
// that calls it, as for a map. It writes nothing to m, so concurrent
// readers may call it.
func (m *Map[K, V]) MarshalJSON() ([]byte, error) {
	return bumpjson.MarshalAppender(m)
}

// AppendJSON implements [bumpjson.Appender]: bumpjson encodes m as
// MarshalJSON does, straight to its output rather than through a Go map
// and a []byte on the Go heap.
func (m *Map[K, V]) AppendJSON(e *bumpjson.EncodeState) error {
	if m == nil {
		var null map[K]V
		return bumpjson.EncodeValue(e, &null)
	}
	obj := bumpjson.BeginMap[K, V](e)
	// The iterator rather than All, whose loop body would be a closure
	// on the Go heap.
	it := m.iter()
	defer it.stop()
	for s := it.next(); s != nil; s = it.next() {
		obj.Add(s.key, s.value)
	}
	return obj.End()
}

// UnmarshalJSON decodes a JSON object into m, replacing its entries, as
// every bumpkit container does (where encoding/json merges an object into
// a non-nil map[K]V, keeping the entries it does not name); null does
// nothing. Keys and values decode as encoding/json decodes them into a
// map[K]V, and a repeated key keeps its last value. It decodes with
// bumpjson into m's allocator: the table, the keys' and values' strings
// and whatever else decoding creates come from it, so that a Map in an
// arena takes nothing from the Go heap to decode (a Go map in the values
// excepted: see bumpjson). For a *Map field that was nil, encoding/json
// allocates a Map on the Go heap. On error (a JSON syntax or type error,
// or an allocation that fails) m is exactly as it was (what the failed
// decoding allocated stays in the arena until its Reset). It panics on a
// nil m.
func (m *Map[K, V]) UnmarshalJSON(data []byte) error {
	if m == nil {
		mapName.PanicNil("UnmarshalJSON")
	}
	return m.unmarshalJSON(data, "UnmarshalJSON")
}

// UnmarshalJSONIn implements [bumpjson.Unmarshaler]: it is UnmarshalJSON,
// except that a Map with no allocator and no table (the zero Map, such as
// a field of a struct bumpjson decodes) takes a as its allocator first.
func (m *Map[K, V]) UnmarshalJSONIn(a bump.Allocator, data []byte) error {
	if m == nil {
		mapName.PanicNil("UnmarshalJSONIn")
	}
	if m.alloc == nil && len(m.groups) == 0 && len(m.retired) == 0 {
		check(&m.h)
		m.alloc = a
	}
	return m.unmarshalJSON(data, "UnmarshalJSONIn")
}

func (m *Map[K, V]) unmarshalJSON(data []byte, fn string) error {
	check(&m.h)
	m.own(fn)
	keys, vals, err := bumpjson.UnmarshalEntries[K, V](m.alloc, data)
	if err != nil {
		return mapName.Wrap(fn, err)
	}
	if keys == nil {
		return nil // null
	}
	// Room first, so that the Sets below neither fail nor leave m half
	// filled: a table that holds len(keys) entries (at least as many as
	// the distinct keys), which growing for the difference from m's count
	// gives (growing moves the entries but does not change them).
	if more := len(keys) - m.used; more > 0 {
		if err := m.tryGrow(more); err != nil {
			return mapName.Wrap(fn, err)
		}
	}
	m.Clear()
	for i, k := range keys {
		m.Set(k, vals[i])
	}
	return nil
}

// Format implements fmt.Formatter: m prints as the map[K]V it replaces,
// with every verb and flag (fmt sorts map keys), so %v gives map[a:1 b:2]
// and a nil m prints like a nil map. It writes nothing to m.
func (m *Map[K, V]) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), m.builtin())
}

// String returns m formatted as fmt prints the map[K]V it replaces with
// %v: map[a:1 b:2], keys sorted.
func (m *Map[K, V]) String() string {
	return fmt.Sprint(m.builtin())
}
