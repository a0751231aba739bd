package hashmap_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
)

// A map whose storage comes from an arena: building it costs no Go-heap
// allocation once the arena is warm, and Reset frees it all at once.
func Example() {
	var arena bump.Bump
	for _, text := range []string{"a b a", "c c c b"} {
		counts := hashmap.New[string, int](&arena)
		for _, w := range strings.Fields(text) {
			p, _ := counts.Entry(w)
			*p++
		}
		var out []string
		for _, w := range slices.Sorted(counts.Keys()) {
			v, _ := counts.Get(w)
			out = append(out, fmt.Sprint(w, "=", v))
		}
		fmt.Println(strings.Join(out, " "))
		arena.Reset() // counts must not be used after this
	}
	// Output:
	// a=2 b=1
	// b=1 c=3
}

func ExampleNew() {
	m := hashmap.New[string, int](nil) // nil: the Go heap
	m.Set("one", 1)
	v, ok := m.Get("one")
	fmt.Println(v, ok, m.Len())
	// Output: 1 true 1
}

func ExampleWithCapacity() {
	var arena bump.Bump
	m := hashmap.WithCapacity[int, int](&arena, 1000)
	before := arena.AllocatedBytes()
	for i := range 1000 {
		m.Set(i, i*i)
	}
	fmt.Println(m.Len(), arena.AllocatedBytes() == before)
	// Output: 1000 true
}

func ExampleNewWithHasher() {
	// Case-insensitive keys: equal keys must hash equal, so the hasher
	// folds case too.
	type key struct{ s string }
	fold := func(seed maphash.Seed, k key) uint64 {
		return maphash.String(seed, strings.ToLower(k.s))
	}
	m := hashmap.NewWithHasher[key, int](nil, fold)
	m.Set(key{"go"}, 1)
	_, ok := m.Get(key{"go"})
	fmt.Println(ok)
	// Output: true
}

func ExampleCollect() {
	m := hashmap.Collect(nil, maps.All(map[string]int{"x": 1, "y": 2}))
	fmt.Println(m.Len())
	// Output: 2
}

func ExampleMap_Get() {
	m := hashmap.New[string, int](nil)
	m.Set("a", 1)
	v, ok := m.Get("a")
	fmt.Println(v, ok)
	v, ok = m.Get("b")
	fmt.Println(v, ok)
	// Output:
	// 1 true
	// 0 false
}

func ExampleMap_Has() {
	m := hashmap.New[float64, bool](nil)
	m.Set(0.0, true)
	fmt.Println(m.Has(math.Copysign(0, -1)), m.Has(math.NaN()))
	// Output: true false
}

func ExampleMap_Set() {
	m := hashmap.New[float64, string](nil)
	m.Set(1, "one")
	m.Set(1, "uno") // replaces
	m.Set(math.NaN(), "a")
	m.Set(math.NaN(), "b") // NaN keys are all distinct, as in Go maps
	fmt.Println(m.Len())
	// Output: 3
}

func ExampleMap_TrySet() {
	var arena bump.Bump
	arena.SetAllocationLimit(4 << 10)
	m := hashmap.New[int, int](&arena)
	var err error
	for i := 0; err == nil; i++ {
		err = m.TrySet(i, i)
	}
	fmt.Println(errors.Is(err, bump.ErrAllocationLimit))
	// Output: true
}

func ExampleMap_Delete() {
	m := hashmap.Collect(nil, maps.All(map[int]string{1: "a", 2: "b", 3: "c"}))
	// Deleting during iteration is allowed, as with Go maps.
	for k := range m.Keys() {
		if k%2 == 1 {
			m.Delete(k)
		}
	}
	fmt.Println(m.Len(), m.Has(2))
	// Output: 1 true
}

func ExampleMap_Len() {
	m := hashmap.New[string, int](nil)
	m.Set("a", 1)
	m.Set("a", 2)
	fmt.Println(m.Len())
	// Output: 1
}

func ExampleMap_Clear() {
	m := hashmap.New[string, int](nil)
	m.Set("a", 1)
	m.Clear()
	fmt.Println(m.Len(), m.Has("a"))
	// Output: 0 false
}

func ExampleMap_Ptr() {
	m := hashmap.New[string, []string](nil)
	m.Set("fruit", nil)
	if p := m.Ptr("fruit"); p != nil {
		*p = append(*p, "apple")
	}
	fmt.Println(m.Ptr("veg") == nil, *m.Ptr("fruit"))
	// Output: true [apple]
}

func ExampleMap_Entry() {
	m := hashmap.New[rune, int](nil)
	for _, r := range "hello" {
		p, _ := m.Entry(r)
		*p++
	}
	v, _ := m.Get('l')
	fmt.Println(v)
	// Output: 2
}

func ExampleMap_Grow() {
	m := hashmap.New[int, int](nil)
	m.Grow(100)
	m.Set(0, 0)
	p := m.Ptr(0)
	for i := 1; i < 100; i++ {
		m.Set(i, i) // no growth: p stays valid
	}
	*p = 42
	v, _ := m.Get(0)
	fmt.Println(v)
	// Output: 42
}

func ExampleMap_TryGrow() {
	var arena bump.Bump
	arena.SetAllocationLimit(1 << 20)
	m := hashmap.New[int, int](&arena)
	err := m.TryGrow(1 << 20)
	fmt.Println(errors.Is(err, bump.ErrAllocationLimit), m.Len())
	// Output: true 0
}

func ExampleMap_All() {
	m := hashmap.Collect(nil, maps.All(map[string]int{"a": 1, "b": 2}))
	fmt.Println(maps.Collect(m.All()))
	// Output: map[a:1 b:2]
}

func ExampleMap_Keys() {
	m := hashmap.Collect(nil, maps.All(map[string]int{"b": 1, "a": 2}))
	fmt.Println(slices.Sorted(m.Keys()))
	// Output: [a b]
}

func ExampleMap_Values() {
	m := hashmap.Collect(nil, maps.All(map[string]int{"b": 1, "a": 2}))
	fmt.Println(slices.Sorted(m.Values()))
	// Output: [1 2]
}

func ExampleMap_Insert() {
	m := hashmap.New[string, int](nil)
	m.Set("a", 0)
	m.Insert(maps.All(map[string]int{"a": 1, "b": 2}))
	fmt.Println(maps.Collect(m.All()))
	// Output: map[a:1 b:2]
}

func ExampleMap_Clone() {
	var arena bump.Bump
	m := hashmap.New[string, int](&arena)
	m.Set("a", 1)
	c := m.Clone()
	c.Set("a", 2)
	v, _ := m.Get("a")
	w, _ := c.Get("a")
	fmt.Println(v, w)
	// Output: 1 2
}

// Read-only algorithms need no method of their own: the iterators work
// with the standard maps and slices packages.
func Example_readOnly() {
	m := hashmap.New[string, int](nil)
	m.Set("b", 2)
	m.Set("a", 1)
	m.Set("c", 3)
	fmt.Println(slices.Sorted(m.Keys()))
	fmt.Println(slices.Max(slices.Collect(m.Values())))
	builtin := maps.Collect(m.All()) // a Go map holding m's entries
	fmt.Println(builtin)
	// Output:
	// [a b c]
	// 3
	// map[a:1 b:2 c:3]
}

func ExampleEqual() {
	a := hashmap.New[string, int](nil)
	b := hashmap.New[string, int](new(bump.Bump))
	for i, k := range []string{"x", "y"} {
		a.Set(k, i)
		b.Set(k, i)
	}
	fmt.Println(hashmap.Equal(a, b))
	b.Set("y", 5)
	fmt.Println(hashmap.Equal(a, b))
	fmt.Println(hashmap.EqualFunc(a, b, func(x, y int) bool { return x%2 == y%2 }))
	// Output:
	// true
	// false
	// true
}

func ExampleMap_DeleteFunc() {
	m := hashmap.New[string, int](nil)
	m.Set("one", 1)
	m.Set("two", 2)
	m.Set("three", 3)
	m.DeleteFunc(func(k string, v int) bool { return v%2 == 1 })
	fmt.Println(m)
	// Output: map[two:2]
}

func ExampleMap_MarshalJSON() {
	var arena bump.Bump
	m := hashmap.New[string, int](&arena)
	m.Set("b", 2)
	m.Set("a", 1)
	out, _ := json.Marshal(m) // like a map[string]int: sorted keys
	fmt.Println(string(out))

	back := hashmap.New[string, int](&arena) // decoded entries go to the arena
	_ = json.Unmarshal([]byte(`{"c":3}`), back)
	fmt.Println(back)
	// Output:
	// {"a":1,"b":2}
	// map[c:3]
}

func ExampleMap_Format() {
	m := hashmap.New[string, float64](nil)
	m.Set("pi", 3.14159)
	m.Set("e", 2.71828)
	// Every verb applies to keys and values, as with a Go map.
	fmt.Printf("%v\n%#v\n", m, m)
	// Output:
	// map[e:2.71828 pi:3.14159]
	// map[string]float64{"e":2.71828, "pi":3.14159}
}
