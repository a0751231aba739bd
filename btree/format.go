package btree

import (
	"fmt"
	"io"
	"reflect"
)

// Format implements fmt.Formatter: m prints as fmt prints a map[K]V, with
// every verb and flag applied to each key and value, in m's order (which,
// for a Map made by New, is the order fmt sorts a map's keys in): %v gives
// map[a:1 b:2], %#v map[string]int{"a":1, "b":2}. A nil m prints like a
// nil map. It writes nothing to m.
func (m *Map[K, V]) Format(f fmt.State, verb rune) {
	format := fmt.FormatString(f, verb)
	sharp := verb == 'v' && f.Flag('#')
	if sharp {
		typ := "map[" + reflect.TypeFor[K]().String() + "]" + reflect.TypeFor[V]().String()
		if m == nil {
			io.WriteString(f, typ+"(nil)")
			return
		}
		io.WriteString(f, typ+"{")
	} else {
		io.WriteString(f, "map[")
	}
	sep := ""
	for k, v := range m.All() {
		io.WriteString(f, sep)
		fmt.Fprintf(f, format, k)
		io.WriteString(f, ":")
		fmt.Fprintf(f, format, v)
		sep = " "
		if sharp {
			sep = ", "
		}
	}
	if sharp {
		io.WriteString(f, "}")
	} else {
		io.WriteString(f, "]")
	}
}
