package btree

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

// MarshalJSON encodes m as a JSON object, as encoding/json encodes a
// map[K]V: keys must be strings, integers or implement
// encoding.TextMarshaler, and are written as encoding/json writes map
// keys; values are encoded with encoding/json. The entries come in m's
// order (for integer keys encoding/json would sort the keys' decimal
// strings instead, "10" before "9"). An empty m is {} and a nil m is
// null. It writes nothing to m.
func (m *Map[K, V]) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for k, v := range m.All() {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		ks, err := keyString(k)
		if err != nil {
			return nil, fmt.Errorf("btree: MarshalJSON: %w", err)
		}
		kj, err := json.Marshal(ks)
		if err != nil {
			return nil, err
		}
		b.Write(kj)
		b.WriteByte(':')
		vj, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(vj)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// keyString returns k as encoding/json writes a map key: a string kind
// as it is, then a TextMarshaler's text, then an integer in decimal.
func keyString[K any](k K) (string, error) {
	v := reflect.ValueOf(&k).Elem()
	if v.Kind() == reflect.String {
		return v.String(), nil
	}
	if tm, ok := any(k).(encoding.TextMarshaler); ok {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return "", nil
		}
		b, err := tm.MarshalText()
		return string(b), err
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10), nil
	}
	return "", fmt.Errorf("unsupported key type %v", v.Type())
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
