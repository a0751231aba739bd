package hashmap_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
)

// A set in an arena replaces a map[string]struct{} built per request.
func ExampleSet() {
	var arena bump.Bump
	seen := hashmap.NewSet[string](&arena)
	var unique []string
	for _, w := range strings.Fields("to be or not to be") {
		if seen.Add(w) { // one lookup: add, and report whether it was new
			unique = append(unique, w)
		}
	}
	fmt.Println(unique, seen.Len(), seen.Has("be"))
	arena.Reset() // seen must not be used after this
	// Output: [to be or not] 4 true
}

func ExampleNewSet() {
	s := hashmap.NewSet[int](nil) // nil: the Go heap
	s.Add(3)
	s.Add(1)
	s.Add(3)
	fmt.Println(s, s.Len())
	// Output: [1 3] 2
}

func ExampleCollectSet() {
	s := hashmap.CollectSet(nil, slices.Values([]string{"b", "a", "b"}))
	fmt.Println(s)
	// Output: [a b]
}

func ExampleUnion() {
	a := hashmap.CollectSet(nil, slices.Values([]int{1, 2, 3}))
	b := hashmap.CollectSet(nil, slices.Values([]int{3, 4}))
	fmt.Println(hashmap.Union(a, b), hashmap.Intersection(a, b), hashmap.Difference(a, b))
	// Output: [1 2 3 4] [3] [1 2]
}

func ExampleSet_Insert() {
	// The in-place forms: add every value of b to a, then keep only
	// those also in c.
	a := hashmap.CollectSet(nil, slices.Values([]int{1, 2}))
	b := hashmap.CollectSet(nil, slices.Values([]int{2, 3, 4}))
	c := hashmap.CollectSet(nil, slices.Values([]int{1, 4}))
	a.Insert(b.All())
	fmt.Println(a)
	a.DeleteFunc(func(k int) bool { return !c.Has(k) })
	fmt.Println(a)
	// Output:
	// [1 2 3 4]
	// [1 4]
}

func ExampleSet_Equal() {
	a := hashmap.CollectSet(nil, slices.Values([]string{"x", "y"}))
	b := a.Clone()
	fmt.Println(a.Equal(b))
	b.Delete("x")
	fmt.Println(a.Equal(b))
	// Output:
	// true
	// false
}

func ExampleSet_MarshalJSON() {
	s := hashmap.CollectSet(nil, slices.Values([]int{10, 2, 33}))
	b, _ := json.Marshal(s)
	fmt.Println(string(b))

	back := hashmap.NewSet[int](nil)
	back.Add(7)
	_ = json.Unmarshal([]byte(`[5, 1, 5]`), back) // replaces the values
	fmt.Println(back)
	// Output:
	// [2,10,33]
	// [1 5]
}
