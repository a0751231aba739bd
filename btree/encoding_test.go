package btree_test

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
)

var verbs = []string{"%v", "%+v", "%#v", "%d", "%x", "%5v", "%-3v|", "%q"}

// TestFormatLikeMap checks that a Map made by New prints exactly as fmt
// prints the Go map with the same entries, for every verb.
func TestFormatLikeMap(t *testing.T) {
	m := btree.New[string, int](nil)
	g := map[string]int{}
	for i, k := range []string{"b", "a", "c", "<d>"} {
		m.Set(k, i)
		g[k] = i
	}
	for _, verb := range verbs {
		require.Equal(t, fmt.Sprintf(verb, g), fmt.Sprintf(verb, m), verb)
	}
	n := btree.New[int, []string](nil)
	h := map[int][]string{}
	for i := range 100 {
		n.Set(i*37%101, []string{fmt.Sprint(i)})
		h[i*37%101] = []string{fmt.Sprint(i)}
	}
	for _, verb := range verbs {
		require.Equal(t, fmt.Sprintf(verb, h), fmt.Sprintf(verb, n), verb)
	}
	var nilMap *btree.Map[string, int]
	var nilGo map[string]int
	for _, verb := range verbs {
		require.Equal(t, fmt.Sprintf(verb, nilGo), fmt.Sprintf(verb, nilMap), verb)
	}
	s := btree.NewSet[int](nil)
	s.Insert(func(yield func(int) bool) { _ = yield(3) && yield(1) && yield(2) })
	require.Equal(t, "[1 2 3]", fmt.Sprint(s))
	require.Equal(t, "[]int{1, 2, 3}", fmt.Sprintf("%#v", s))
}

// TestJSONLikeMap checks that a Map encodes and decodes as encoding/json
// does a Go map, for string, integer and TextMarshaler keys.
func TestJSONLikeMap(t *testing.T) {
	type val struct {
		A int
		B []string `json:",omitempty"`
	}
	m := btree.New[string, val](new(bump.Bump))
	g := map[string]val{}
	for i, k := range []string{"x", "<&>", "é", ""} {
		m.Set(k, val{A: i})
		g[k] = val{A: i}
	}
	got, err := json.Marshal(m)
	require.NoError(t, err)
	want, err := json.Marshal(g)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got)) // string keys: the same order

	ints := btree.New[int8, int](nil)
	gi := map[int8]int{}
	for _, k := range []int8{-128, 9, 10, 127} {
		ints.Set(k, int(k))
		gi[k] = int(k)
	}
	got, err = json.Marshal(ints)
	require.NoError(t, err)
	require.Equal(t, `{"-128":-128,"9":9,"10":10,"127":127}`, string(got)) // the map's order
	back := btree.New[int8, int](nil)
	require.NoError(t, json.Unmarshal(got, back))
	require.Equal(t, gi, mapOf(back))

	addrs := btree.NewFunc[netip.Addr, bool](nil, func(a, b netip.Addr) int { return a.Compare(b) })
	addrs.Set(netip.MustParseAddr("10.0.0.2"), true)
	addrs.Set(netip.MustParseAddr("10.0.0.1"), false)
	got, err = json.Marshal(addrs)
	require.NoError(t, err)
	require.Equal(t, `{"10.0.0.1":false,"10.0.0.2":true}`, string(got))
	addrs2 := btree.NewFunc[netip.Addr, bool](nil, func(a, b netip.Addr) int { return a.Compare(b) })
	require.NoError(t, json.Unmarshal(got, addrs2))
	require.Equal(t, mapOf(addrs), mapOf(addrs2))

	// Decoding replaces what is there, as every bumpkit container does;
	// null does nothing; errors change nothing.
	d := btree.New[string, int](nil)
	d.Set("gone", 1)
	d.Set("a", 1)
	require.NoError(t, json.Unmarshal([]byte(`{"a":2,"b":3}`), d))
	require.NoError(t, json.Unmarshal([]byte(`null`), d))
	require.Equal(t, map[string]int{"a": 2, "b": 3}, mapOf(d))
	require.Error(t, json.Unmarshal([]byte(`{"c":4,"d":"x"}`), d))
	require.Error(t, json.Unmarshal([]byte(`[1]`), d))
	require.Error(t, json.Unmarshal([]byte(`{"300":1}`), btree.New[int8, int](nil)))
	require.Equal(t, map[string]int{"a": 2, "b": 3}, mapOf(d))
	require.Equal(t, "map[a:2 b:3]", d.String())

	_, err = json.Marshal(btree.New[float64, int](nil))
	require.NoError(t, err) // empty: no key to refuse
	f := btree.New[float64, int](nil)
	f.Set(1.5, 1)
	_, err = json.Marshal(f)
	require.ErrorContains(t, err, "btree: MarshalJSON: unsupported key type float64")

	// A zero Map, as encoding/json makes for a nil *Map field, cannot
	// know its order.
	var holder struct{ M *btree.Map[string, int] }
	err = json.Unmarshal([]byte(`{"M":{"a":1}}`), &holder)
	require.ErrorContains(t, err, "btree: UnmarshalJSON: Map not made by New or NewFunc")

	s := btree.NewSet[string](nil)
	s.Add("gone")
	require.NoError(t, json.Unmarshal([]byte(`["b","a","b"]`), s))
	got, err = json.Marshal(s)
	require.NoError(t, err)
	require.Equal(t, `["a","b"]`, string(got))
}

func mapOf[K comparable, V any](m *btree.Map[K, V]) map[K]V {
	g := map[K]V{}
	for k, v := range m.All() {
		g[k] = v
	}
	return g
}

// TestUnmarshalLimit checks that a decoding that cannot get its nodes
// leaves the map and the arena unchanged.
func TestUnmarshalLimit(t *testing.T) {
	var b bump.Bump
	b.SetAllocationLimit(8 << 10)
	m := btree.New[int, int](&b)
	m.Set(1, 1)
	used := b.AllocatedBytes()
	doc := "{"
	for i := range 2000 {
		if i > 0 {
			doc += ","
		}
		doc += fmt.Sprintf(`"%d":%d`, i+10, i)
	}
	doc += "}"
	err := json.Unmarshal([]byte(doc), m)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Equal(t, 1, m.Len())
	require.Equal(t, used, b.AllocatedBytes())
}
