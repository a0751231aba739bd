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

// UnmarshalJSON decodes a JSON object into m as encoding/json decodes one
// into a non-nil map[K]V: entries are added, replacing the values of keys
// already present, and other entries are kept; null does nothing. New
// storage comes from m's allocator (for a *Map field that was nil,
// encoding/json allocates a Map on the Go heap). On error (a JSON type
// error, or an allocation that fails) m is unchanged.
func (m *Map[K, V]) UnmarshalJSON(data []byte) error {
	if m == nil {
		return fmt.Errorf("hashmap: UnmarshalJSON: nil Map")
	}
	var decoded map[K]V
	if err := json.Unmarshal(data, &decoded); err != nil {
		return err
	}
	added := 0
	for k := range decoded {
		if !m.Has(k) {
			added++
		}
	}
	// Room first, so that the Sets below neither fail nor leave m half
	// filled.
	if err := m.tryGrow(added); err != nil {
		return fmt.Errorf("hashmap: UnmarshalJSON: %w", err)
	}
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
