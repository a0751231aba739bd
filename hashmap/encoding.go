package hashmap

import (
	"encoding/json"
	"fmt"
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
// null. It writes nothing to m, so concurrent readers may call it.
func (m *Map[K, V]) MarshalJSON() ([]byte, error) {
	return json.Marshal(m.builtin())
}

// UnmarshalJSON decodes a JSON object into m, replacing its entries, as
// every bumpkit container does (where encoding/json merges an object into
// a non-nil map[K]V, keeping the entries it does not name); null does
// nothing. Keys decode as encoding/json decodes map keys. New storage
// comes from m's allocator (for a *Map field that was nil, encoding/json
// allocates a Map on the Go heap). On error (a JSON syntax or type error,
// or an allocation that fails) m is exactly as it was. It panics on a nil
// m.
func (m *Map[K, V]) UnmarshalJSON(data []byte) error {
	if m == nil {
		mapName.PanicNil("UnmarshalJSON")
	}
	check(&m.h)
	m.own("UnmarshalJSON")
	var decoded map[K]V
	if err := json.Unmarshal(data, &decoded); err != nil {
		return mapName.Wrap("UnmarshalJSON", err)
	}
	if decoded == nil {
		return nil // null
	}
	// Room first, so that the Sets below neither fail nor leave m half
	// filled: a table that holds len(decoded) entries, which growing for
	// the difference from m's count gives (growing moves the entries but
	// does not change them).
	if more := len(decoded) - m.used; more > 0 {
		if err := m.tryGrow(more); err != nil {
			return mapName.Wrap("UnmarshalJSON", err)
		}
	}
	m.Clear()
	for k, v := range decoded {
		m.Set(k, v)
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
