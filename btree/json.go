package btree

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"

	"github.com/bumpkit/bumpkit/bumpjson"
)

// MarshalJSON encodes m as a JSON object, as encoding/json encodes a
// map[K]V: keys must be strings, integers or implement
// encoding.TextMarshaler, and are written as encoding/json writes map
// keys; values are encoded as a map's. The entries come in m's order (for
// integer keys encoding/json would sort the keys' decimal strings
// instead, "10" before "9"). An empty m is {} and a nil m is null.
// Whether <, > and & are escaped in strings follows the encoder that
// calls it, as for a map. It writes nothing to m.
func (m *Map[K, V]) MarshalJSON() ([]byte, error) {
	return bumpjson.MarshalAppender(m)
}

// AppendJSON implements [bumpjson.Appender]: bumpjson encodes m as
// MarshalJSON does, straight to its output rather than through a []byte
// on the Go heap.
func (m *Map[K, V]) AppendJSON(e *bumpjson.EncodeState) error {
	if m == nil {
		return bumpjson.EncodeSlice[K](e, nil) // null
	}
	if m.Len() > 0 {
		switch kt := reflect.TypeFor[K](); kt.Kind() {
		case reflect.String,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !kt.Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
				return fmt.Errorf("btree: MarshalJSON: unsupported key type %v", kt)
			}
		}
	}
	obj := bumpjson.BeginObject[K, V](e)
	var from K
	m.ascend(from, true, func(k K, v V) bool {
		return obj.Add(k, v) == nil
	})
	return obj.End()
}

// parseKey returns the key the text s stands for, as encoding/json
// decodes a map key: with a TextUnmarshaler first, then a string kind,
// then an integer.
func parseKey[K any](s string) (K, error) {
	var k K
	if tu, ok := any(&k).(encoding.TextUnmarshaler); ok {
		err := tu.UnmarshalText([]byte(s))
		return k, err
	}
	v := reflect.ValueOf(&k).Elem()
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
		return k, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v.OverflowInt(n) {
			return k, fmt.Errorf("cannot decode key %q into %v", s, v.Type())
		}
		v.SetInt(n)
		return k, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || v.OverflowUint(n) {
			return k, fmt.Errorf("cannot decode key %q into %v", s, v.Type())
		}
		v.SetUint(n)
		return k, nil
	}
	return k, fmt.Errorf("unsupported key type %v", v.Type())
}

// UnmarshalJSON decodes a JSON object into m, replacing its entries, as
// every bumpkit container does (where encoding/json merges an object into
// a non-nil map[K]V); null does nothing. Keys decode as encoding/json
// decodes map keys (a TextUnmarshaler, a string kind, an integer), values
// with encoding/json, and a repeated key keeps its last value. Nodes come
// from m's allocator. m must have been made by [New] or [NewFunc] (a nil
// *Map field that encoding/json fills with a zero Map gets an error: it
// would not know the order). On error (a JSON type error, a key that does
// not decode, an allocation that fails) m is unchanged.
func (m *Map[K, V]) UnmarshalJSON(data []byte) error {
	if m == nil {
		mapName.PanicNil("UnmarshalJSON") // a write on nil, as every container's
	}
	m.check()
	if m.search == nil {
		return fmt.Errorf("btree: UnmarshalJSON: Map not made by New or NewFunc")
	}
	m.mutable("UnmarshalJSON")
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("btree: UnmarshalJSON: %w", err)
	}
	keys := make([]K, 0, len(raw))
	vals := make([]V, 0, len(raw))
	for s, r := range raw {
		k, err := parseKey[K](s)
		if err != nil {
			return fmt.Errorf("btree: UnmarshalJSON: %w", err)
		}
		var v V
		if err := json.Unmarshal(r, &v); err != nil {
			return fmt.Errorf("btree: UnmarshalJSON: %w", err)
		}
		keys = append(keys, k)
		vals = append(vals, v)
	}
	// Nodes first, so that the Sets below neither fail nor leave m half
	// filled: Clear keeps every node for them.
	if err := m.reserve(len(keys)); err != nil {
		return fmt.Errorf("btree: UnmarshalJSON: %w", err)
	}
	m.Clear()
	for i, k := range keys {
		m.Set(k, vals[i])
	}
	return nil
}

// String returns m formatted like a map with %v: map[a:1 b:2].
func (m *Map[K, V]) String() string { return fmt.Sprint(m) }
