package hashmap_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

func TestNilMap(t *testing.T) {
	var m *hashmap.Map[string, int]
	var builtin map[string]int
	require.Equal(t, len(builtin), m.Len())
	v, ok := m.Get("a")
	require.False(t, ok)
	require.Zero(t, v)
	require.False(t, m.Has("a"))
	require.Nil(t, m.Ptr("a"))
	for range m.All() {
		t.Fatal("All of a nil Map produced an entry")
	}
	for range m.Keys() {
		t.Fatal("Keys of a nil Map produced a key")
	}
	for range m.Values() {
		t.Fatal("Values of a nil Map produced a value")
	}
	m.Delete("a")
	m.Clear()
	m.DeleteFunc(func(string, int) bool { return true })
	require.Nil(t, m.Clone())
	require.True(t, hashmap.Equal(m, hashmap.New[string, int](nil)))
	js, err := json.Marshal(m)
	require.NoError(t, err)
	want, _ := json.Marshal(builtin)
	require.Equal(t, string(want), string(js))
	require.Equal(t, fmt.Sprintf("%v %#v", builtin, builtin), fmt.Sprintf("%v %#v", m, m))
	err = alloctest.Catch(func() { m.Set("a", 1) })
	require.ErrorContains(t, err, "hashmap: Set: assignment to entry in nil Map")
}

func TestIterationOrderVariesEverySize(t *testing.T) {
	for _, n := range []int{2, 3, 7, 8, 9, 100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			m := fill(nil, n)
			first := slices.Collect(m.Keys())
			for range 200 {
				if !slices.Equal(first, slices.Collect(m.Keys())) {
					return
				}
			}
			t.Fatalf("200 iterations of %d entries in the same order", n)
		})
	}
}

func TestEqual(t *testing.T) {
	a := fill(nil, 50)
	b := fill(new(bump.Bump), 50)
	require.True(t, hashmap.Equal(a, b))
	require.True(t, hashmap.EqualFunc(a, b, func(x, y int) bool { return x == y }))
	b.Set(3, -1)
	require.False(t, hashmap.Equal(a, b))
	require.True(t, hashmap.EqualFunc(a, b, func(x, y int) bool { return x == y || y == -1 }))
	b.Delete(3)
	b.Set(1000, 30)
	require.False(t, hashmap.Equal(a, b), "same length, different keys")
	require.True(t, hashmap.Equal[int, int](nil, hashmap.New[int, int](nil)))

	n1, n2 := hashmap.New[float64, int](nil), hashmap.New[float64, int](nil)
	n1.Set(math.NaN(), 1)
	n2.Set(math.NaN(), 1)
	b1, b2 := map[float64]int{math.NaN(): 1}, map[float64]int{math.NaN(): 1}
	require.Equal(t, maps.Equal(b1, b2), hashmap.Equal(n1, n2), "NaN keys, as maps.Equal")
	require.Equal(t, maps.Equal(b1, b1), hashmap.Equal(n1, n1))
}

func TestDeleteFunc(t *testing.T) {
	for _, al := range alloctest.Allocators {
		t.Run(al.Name, func(t *testing.T) {
			m := fill(al.New(), 500)
			m.DeleteFunc(func(k, v int) bool { return k%3 == 0 })
			want := maps.Collect(fill(nil, 500).All())
			maps.DeleteFunc(want, func(k, v int) bool { return k%3 == 0 })
			require.Equal(t, want, maps.Collect(m.All()))
			require.Equal(t, len(want), m.Len())

			// del that grows the table.
			next := 10_000
			m.DeleteFunc(func(k, v int) bool {
				if next < 12_000 {
					for range 100 {
						m.Set(next, 0)
						next++
					}
				}
				return k < 500 && k%3 == 1
			})
			for k := range 500 {
				require.Equal(t, k%3 == 2, m.Has(k), "key %d", k)
			}
		})
	}
	f := hashmap.New[float64, int](nil)
	f.Set(math.NaN(), 1)
	f.Set(math.NaN(), 2)
	f.Set(1, 3)
	f.DeleteFunc(func(k float64, _ int) bool { return k != k })
	require.Equal(t, map[float64]int{1: 3}, maps.Collect(f.All()), "DeleteFunc removes NaN keys")
}

type point struct{ x, y int }

func (p point) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%d,%d", p.x, p.y), nil }
func (p *point) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "%d,%d", &p.x, &p.y)
	return err
}

// jsonCase checks that a Map marshals exactly like the Go map with the
// same entries, and that unmarshaling the output restores it.
func jsonCase[K comparable, V any](t *testing.T, entries map[K]V) {
	t.Helper()
	m := hashmap.Collect(new(bump.Bump), maps.All(entries))
	got, err := json.Marshal(m)
	want, wantErr := json.Marshal(entries)
	if wantErr != nil {
		require.Error(t, err)
		return
	}
	require.NoError(t, err)
	require.Equal(t, string(want), string(got))
	back := hashmap.New[K, V](new(bump.Bump))
	require.NoError(t, json.Unmarshal(got, back))
	require.Equal(t, entries, maps.Collect(back.All()))
}

func TestJSON(t *testing.T) {
	jsonCase(t, map[string]int{"b": 2, "a": 1, "": 0})
	jsonCase(t, map[int]string{3: "c", -1: "z", 10: "x"})
	jsonCase(t, map[uint8][]int{1: {1}, 2: nil})
	jsonCase(t, map[point]bool{{1, 2}: true, {0, 0}: false})
	jsonCase(t, map[string]map[string]int{"x": {"y": 1}})
	jsonCase(t, map[float64]int{1.5: 1}) // encoding/json refuses float keys
	jsonCase(t, map[string]int{})

	// In a struct, through a pointer field and a value field.
	type doc struct {
		P *hashmap.Map[string, int] `json:"p"`
		Q *hashmap.Map[string, int] `json:"q"`
	}
	var d doc
	require.NoError(t, json.Unmarshal([]byte(`{"p":{"a":1,"b":2},"q":null}`), &d))
	require.Equal(t, map[string]int{"a": 1, "b": 2}, maps.Collect(d.P.All()))
	require.Nil(t, d.Q)
	out, err := json.Marshal(d)
	require.NoError(t, err)
	require.Equal(t, `{"p":{"a":1,"b":2},"q":null}`, string(out))

	// Unmarshal replaces the entries, as every bumpkit container does
	// (where a non-nil Go map would keep "keep"); a type error or a failed
	// allocation leaves the Map unchanged.
	var b bump.Bump
	m := hashmap.New[string, int](&b)
	m.Set("keep", 1)
	m.Set("a", 0)
	require.NoError(t, json.Unmarshal([]byte(`{"a":5,"c":3}`), m))
	require.Equal(t, map[string]int{"a": 5, "c": 3}, maps.Collect(m.All()))
	m.Set("keep", 1)
	require.NoError(t, json.Unmarshal([]byte(`null`), m))
	require.Equal(t, 3, m.Len())
	var typeErr *json.UnmarshalTypeError
	require.ErrorAs(t, json.Unmarshal([]byte(`{"a":"x","d":4}`), m), &typeErr)
	require.Equal(t, map[string]int{"keep": 1, "a": 5, "c": 3}, maps.Collect(m.All()))
	b.SetAllocationLimit(b.AllocatedBytes())
	var big strings.Builder
	big.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&big, `"k%d":%d,`, i, i)
	}
	big.WriteString(`"a":6}`)
	err = json.Unmarshal([]byte(big.String()), m)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.ErrorContains(t, err, "hashmap: UnmarshalJSON: bump: ")
	require.Equal(t, map[string]int{"keep": 1, "a": 5, "c": 3}, maps.Collect(m.All()))
}

func TestFormat(t *testing.T) {
	entries := map[string]int{"b": 2, "a": 1, "c": -3}
	m := hashmap.Collect(nil, maps.All(entries))
	for _, verb := range []string{"%v", "%+v", "%#v", "%d", "%x", "%q", "%s", "%5d", "%-8v", "%T"} {
		if verb == "%T" {
			continue // the type is the Map's own
		}
		require.Equal(t, fmt.Sprintf(verb, entries), fmt.Sprintf(verb, m), verb)
	}
	require.Equal(t, "map[a:1 b:2 c:-3]", fmt.Sprint(m))
	f := hashmap.New[float64, string](nil)
	f.Set(math.NaN(), "n")
	f.Set(1, "one")
	require.Equal(t, "map[NaN:n 1:one]", fmt.Sprint(f))
	require.Equal(t, "map[]", fmt.Sprint(hashmap.New[int, int](nil)))
}

func TestPanicMessages(t *testing.T) {
	tests := []struct {
		name string
		f    func()
		want string
	}{
		{"WithCapacity", func() { hashmap.WithCapacity[int, int](nil, -1) }, "hashmap: WithCapacity: negative capacity -1"},
		{"Grow", func() { new(hashmap.Map[int, int]).Grow(-2) }, "hashmap: Grow: negative count -2"},
		{"TryGrow", func() { _ = new(hashmap.Map[int, int]).TryGrow(-3) }, "hashmap: TryGrow: negative count -3"},
		{"NewWithHasher", func() { hashmap.NewWithHasher[int, int](nil, nil) }, "hashmap: NewWithHasher: nil Hasher"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				require.Equal(t, tt.want, fmt.Sprint(recover()))
			}()
			tt.f()
		})
	}
}

func TestErrorMessages(t *testing.T) {
	b := new(bump.Bump)
	m := hashmap.New[int, int](b)
	b.SetAllocationLimit(b.AllocatedBytes()) // room for the header only
	err := m.TrySet(1, 1)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.True(t, strings.HasPrefix(err.Error(), "hashmap: TrySet: bump: "), err.Error())
	require.Equal(t, 1, strings.Count(err.Error(), "hashmap:"))
	require.Equal(t, 1, strings.Count(err.Error(), "bump:"), err.Error())
	err = alloctest.Catch(func() { m.Set(1, 1) })
	require.True(t, strings.HasPrefix(err.Error(), "hashmap: Set: bump: "), err.Error())
	err = m.TryGrow(math.MaxInt)
	require.ErrorIs(t, err, bump.ErrInvalidSize)
	require.True(t, strings.HasPrefix(err.Error(), "hashmap: TryGrow: "), err.Error())
	err = alloctest.Catch(func() { hashmap.WithCapacity[int, int](b, 1000) })
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.True(t, strings.HasPrefix(err.Error(), "hashmap: WithCapacity: bump: "), err.Error())
}

// TestWarmArenaAllocs checks that a map built and dropped in a warm
// arena costs no Go-heap allocation: header and table are in the arena.
func TestWarmArenaAllocs(t *testing.T) {
	if lifecheck.Enabled {
		t.Skip("the checked build tracks lifetimes on the Go heap")
	}
	var b bump.Bump
	build := func() {
		m := hashmap.WithCapacity[int, int](&b, 100)
		for i := range 100 {
			m.Set(i, i)
		}
		c := m.Clone()
		c.Set(1000, 1)
		b.Reset()
	}
	build()
	require.Zero(t, testing.AllocsPerRun(100, build))
}
