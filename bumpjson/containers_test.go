package bumpjson_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

func stringsDoc(n int) []byte {
	var b strings.Builder
	b.WriteString("[")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"string number %d, with \"escapes\" and é"`, i)
	}
	b.WriteString("]")
	return []byte(b.String())
}

func mapDoc(n int) []byte {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"key %d":%d`, i, i*7)
	}
	b.WriteString("}")
	return []byte(b.String())
}

func nestedDoc(n int) []byte {
	var b strings.Builder
	b.WriteString("[")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `["a%d","b",true,"c"]`, i)
	}
	b.WriteString("]")
	return []byte(b.String())
}

func mapOfVecsDoc(n int) []byte {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"k%d":[%d,%d,3.5e2]`, i, i, -i)
	}
	b.WriteString("}")
	return []byte(b.String())
}

// TestContainersDecodeIntoArena is the containers' goal: decoding into a
// warm arena container takes at most 5% of the document's size from the
// Go heap, for strings, numbers, booleans and nested containers of them
// (before bumpjson, 10k strings into a Vec[string] took 3x the document's
// size, into a Map[string,int] 7x). It prints the figures, and checks
// that the decoded contents equal encoding/json's.
func TestContainersDecodeIntoArena(t *testing.T) {
	type doc struct {
		Name  str.String                        `json:"name"`
		Tags  vec.Vec[string]                   `json:"tags"`
		Queue deque.Deque[float64]              `json:"queue"`
		Index hashmap.Map[string, vec.Vec[int]] `json:"index"`
	}
	type tc struct {
		name string
		data []byte
		// decode decodes data into a fresh container in a; contents
		// returns what it holds as the Go value encoding/json gives.
		decode   func(a *bump.Bump, data []byte) (any, error)
		contents func(c any) any
		want     func(data []byte) any
	}
	cases := []tc{
		{"Vec[string] 10k", stringsDoc(10000),
			func(a *bump.Bump, data []byte) (any, error) {
				v := vec.New[string](a)
				return v, json.Unmarshal(data, v)
			},
			func(c any) any { return c.(*vec.Vec[string]).Slice() },
			func(data []byte) any { var s []string; json.Unmarshal(data, &s); return s }},
		{"Deque[string] 10k", stringsDoc(10000),
			func(a *bump.Bump, data []byte) (any, error) {
				d := deque.New[string](a)
				return d, json.Unmarshal(data, d)
			},
			func(c any) any { return slicesOf(c.(*deque.Deque[string])) },
			func(data []byte) any { var s []string; json.Unmarshal(data, &s); return s }},
		{"Map[string,int] 10k", mapDoc(10000),
			func(a *bump.Bump, data []byte) (any, error) {
				m := hashmap.New[string, int](a)
				return m, json.Unmarshal(data, m)
			},
			func(c any) any { return mapOf(c.(*hashmap.Map[string, int])) },
			func(data []byte) any { var m map[string]int; json.Unmarshal(data, &m); return m }},
		{"String 100k", []byte(`"` + strings.Repeat(`a\u00e9\n`, 20000) + `"`),
			func(a *bump.Bump, data []byte) (any, error) { s := str.New(a); return s, json.Unmarshal(data, s) },
			func(c any) any { return c.(*str.String).String() },
			func(data []byte) any { var s string; json.Unmarshal(data, &s); return s }},
		{"Vec[Vec[any]] 5k", nestedDoc(5000),
			func(a *bump.Bump, data []byte) (any, error) {
				v := vec.New[vec.Vec[any]](a)
				return v, json.Unmarshal(data, v)
			},
			func(c any) any {
				var out [][]any
				s := c.(*vec.Vec[vec.Vec[any]]).Slice()
				for i := range s {
					out = append(out, s[i].Slice())
				}
				return out
			},
			func(data []byte) any { var s [][]any; json.Unmarshal(data, &s); return s }},
		{"Map[string,Vec[float64]] 5k", mapOfVecsDoc(5000),
			func(a *bump.Bump, data []byte) (any, error) {
				m := hashmap.New[string, vec.Vec[float64]](a)
				return m, json.Unmarshal(data, m)
			},
			func(c any) any {
				out := map[string][]float64{}
				m := c.(*hashmap.Map[string, vec.Vec[float64]])
				for k := range m.Keys() {
					out[k] = m.Ptr(k).Slice()
				}
				return out
			},
			func(data []byte) any { var m map[string][]float64; json.Unmarshal(data, &m); return m }},
		{"struct of zero containers, bumpjson", []byte(`{"name":"n","tags":["x","y"],"queue":[1,2.5],"index":{"a":[1,2],"b":[]}}`),
			func(a *bump.Bump, data []byte) (any, error) {
				d := bump.New[doc](a)
				return d, bumpjson.Unmarshal(a, data, d)
			},
			func(c any) any {
				d := c.(*doc)
				index := map[string][]int{}
				for k := range d.Index.Keys() {
					index[k] = d.Index.Ptr(k).Slice()
				}
				return fmt.Sprint(d.Name.String(), d.Tags.Slice(), slicesOf(&d.Queue), index)
			},
			func(data []byte) any {
				return fmt.Sprint("n", []string{"x", "y"}, []float64{1, 2.5}, map[string][]int{"a": {1, 2}, "b": {}})
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := new(bump.Bump)
			c, err := tc.decode(a, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := tc.contents(c), tc.want(tc.data); !reflect.DeepEqual(got, want) {
				t.Fatalf("decoded %.300v\nencoding/json gives %.300v", got, want)
			}
			a.Reset()
			for range 3 {
				tc.decode(a, tc.data)
				a.Reset()
			}
			const rounds = 5
			before := totalAlloc()
			for range rounds {
				if _, err := tc.decode(a, tc.data); err != nil {
					t.Fatal(err)
				}
				a.Reset()
			}
			frac := float64(totalAlloc()-before) / rounds / float64(len(tc.data))
			t.Logf("%s: %d-byte document, %.3f%% of its size from the Go heap per decoding into a warm arena", tc.name, len(tc.data), 100*frac)
			if !lifecheck.Enabled && !raceEnabled && frac > 0.05 && !strings.HasPrefix(tc.name, "struct") {
				t.Errorf("%.1f%% of the document's size from the Go heap, want at most 5%%", 100*frac)
			}
		})
	}
}

// TestContainersFailedDecode: a decoding that fails (a type error at the
// very end, or a syntax error) leaves the container exactly as it was.
func TestContainersFailedDecode(t *testing.T) {
	a := new(bump.Bump)
	v := vec.From(a, []string{"keep", "these"})
	m := hashmap.New[string, int](a)
	m.Set("keep", 1)
	d := deque.New[string](a)
	d.PushBack("keep")
	s := str.From(a, "keep")
	for _, bad := range []string{`["a","b",3]`, `{"a":1,"b":"x"}`, `["a",`, `"x`, `[1e400]`, `{"a":[1,{]}`} {
		if err := json.Unmarshal([]byte(bad), v); err == nil {
			t.Errorf("Vec: %s decoded", bad)
		}
		if err := json.Unmarshal([]byte(bad), m); err == nil {
			t.Errorf("Map: %s decoded", bad)
		}
		if err := json.Unmarshal([]byte(bad), d); err == nil {
			t.Errorf("Deque: %s decoded", bad)
		}
		if err := json.Unmarshal([]byte(bad), s); err == nil {
			t.Errorf("String: %s decoded", bad)
		}
		if got := v.Slice(); !reflect.DeepEqual(got, []string{"keep", "these"}) {
			t.Errorf("Vec after %s: %q", bad, got)
		}
		if got := mapOf(m); !reflect.DeepEqual(got, map[string]int{"keep": 1}) {
			t.Errorf("Map after %s: %v", bad, got)
		}
		if got := slicesOf(d); !reflect.DeepEqual(got, []string{"keep"}) {
			t.Errorf("Deque after %s: %q", bad, got)
		}
		if s.String() != "keep" {
			t.Errorf("String after %s: %q", bad, s.String())
		}
	}
}

func slicesOf[T any](d *deque.Deque[T]) []T {
	front, back := d.Slices()
	return append(append([]T{}, front...), back...)
}

func mapOf[K comparable, V any](m *hashmap.Map[K, V]) map[K]V {
	out := map[K]V{}
	for k, v := range m.All() {
		out[k] = v
	}
	return out
}

// TestNestedContainersGrowAfterDecode: containers decoded as elements of
// a slice (or inside its structs) stay where they were decoded, so that
// they can grow afterwards; a container records its address, and one
// that moved would take itself for a copy and refuse.
func TestNestedContainersGrowAfterDecode(t *testing.T) {
	type row struct {
		Cells vec.Vec[int]
		Name  string
	}
	a := new(bump.Bump)
	v := vec.New[vec.Vec[int]](a)
	if err := json.Unmarshal([]byte(`[[1],[2],[3],[4],[5],[6],[7],[8],[9],[10]]`), v); err != nil {
		t.Fatal(err)
	}
	var rows []row
	if err := bumpjson.Unmarshal(a, []byte(`[{"Cells":[1]},{"Cells":[2]},{"Cells":[3]},{"Cells":[4]},{"Cells":[5]},{"Cells":[6]}]`), &rows); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		v.Slice()[0].Push(5)
		v.Slice()[9].Push(5)
		rows[0].Cells.Push(5)
		rows[5].Cells.Push(5)
	}
	if got := v.Slice()[9].Len(); got != 21 {
		t.Errorf("inner Vec has %d elements, want 21", got)
	}
	if got := rows[5].Cells.Len(); got != 21 {
		t.Errorf("Vec in a struct has %d elements, want 21", got)
	}
}
