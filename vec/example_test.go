package vec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
)

// A Vec grows in an arena like a slice with append; resetting the arena
// frees all of it at once.
func Example() {
	var arena bump.Bump
	squares := vec.New[int](&arena)
	for i := range 5 {
		squares.Push(i * i)
	}
	fmt.Println(squares, squares.Len())
	arena.Reset() // squares must not be used from here on
	// Output: [0 1 4 9 16] 5
}

// Read-only algorithms come from the slices package, applied to the view
// that Slice returns; sorting the view sorts the Vec.
func Example_slices() {
	var arena bump.Bump
	v := vec.From(&arena, []string{"pear", "apple", "fig"})
	fmt.Println(slices.Index(v.Slice(), "fig"), slices.Contains(v.Slice(), "kiwi"))
	slices.Sort(v.Slice())
	fmt.Println(v)
	i, found := slices.BinarySearch(v.Slice(), "fig")
	fmt.Println(i, found)
	// Output:
	// 2 false
	// [apple fig pear]
	// 1 true
}

// A Vec prints like a slice with every verb, and encodes to JSON as an
// array.
func Example_formatAndJSON() {
	v := vec.From(nil, []string{"a", "b"})
	fmt.Printf("%v %q %#v\n", v, v, v)
	var none *vec.Vec[int]
	fmt.Printf("%v %#v\n", none, none)

	type doc struct {
		Tags *vec.Vec[string] `json:"tags"`
	}
	out, _ := json.Marshal(doc{Tags: v})
	fmt.Println(string(out))
	var d doc
	_ = json.Unmarshal([]byte(`{"tags":["x","y","z"]}`), &d)
	fmt.Println(d.Tags.Len(), d.Tags)
	// Output:
	// [a b] ["a" "b"] []string{"a", "b"}
	// [] []int(nil)
	// {"tags":["a","b"]}
	// 3 [x y z]
}

func ExampleVec_Push() {
	var v vec.Vec[string] // the zero Vec uses the Go heap
	v.Push("a")
	v.Push("b")
	fmt.Println(v.Slice())
	// Output: [a b]
}

func ExampleVec_Pop() {
	v := vec.From(nil, []int{1, 2})
	for {
		x, ok := v.Pop()
		if !ok {
			break
		}
		fmt.Println(x)
	}
	// Output:
	// 2
	// 1
}

func ExampleVec_Insert() {
	v := vec.From(nil, []string{"a", "d"})
	v.Insert(1, "b", "c")
	fmt.Println(v.Slice())
	// Output: [a b c d]
}

func ExampleVec_Remove() {
	v := vec.From(nil, []string{"a", "b", "c"})
	fmt.Println(v.Remove(0), v.Slice())
	fmt.Println(v.SwapRemove(0), v.Slice())
	// Output:
	// a [b c]
	// b [c]
}

func ExampleVec_DeleteFunc() {
	v := vec.From(nil, []int{1, 2, 3, 4, 5, 6})
	v.DeleteFunc(func(x int) bool { return x%3 == 0 })
	fmt.Println(v.Slice())
	// Output: [1 2 4 5]
}

func ExampleVec_Delete() {
	v := vec.From(nil, []string{"a", "b", "c", "d"})
	v.Delete(1, 3)
	fmt.Println(v.Slice())
	// Output: [a d]
}

func ExampleVec_Replace() {
	v := vec.From(nil, []string{"a", "b", "c", "d"})
	v.Replace(1, 3, "x", "y", "z")
	fmt.Println(v.Slice())
	// Output: [a x y z d]
}

func ExampleCompact() {
	v := vec.From(nil, []int{1, 1, 2, 3, 3, 3, 1})
	vec.Compact(v)
	fmt.Println(v.Slice())
	// Output: [1 2 3 1]
}

func ExampleVec_CompactFunc() {
	v := vec.From(nil, []string{"Go", "go", "GO", "Rust", "rust", "Go"})
	v.CompactFunc(strings.EqualFold)
	fmt.Println(v.Slice())
	// Output: [Go Rust Go]
}

// Grow makes room up front, so that the pushes after it do not allocate
// and cannot fail.
func ExampleVec_Grow() {
	var arena bump.Bump
	v := vec.New[int](&arena)
	v.Grow(100)
	c := v.Cap()
	for i := range 100 {
		v.Push(i)
	}
	fmt.Println(v.Len(), c >= 100, v.Cap() == c)
	// Output: 100 true true
}

func ExampleVec_SplitOff() {
	v := vec.From(nil, []int{1, 2, 3, 4})
	tail := v.SplitOff(1)
	fmt.Println(v.Slice(), tail.Slice())
	// Output: [1] [2 3 4]
}

// IntoSlice hands the Vec's storage over as a plain slice that lives as
// long as the arena, as bumpalo's into_bump_slice does.
func ExampleVec_IntoSlice() {
	var arena bump.Bump
	v := vec.New[string](&arena)
	v.Push("x")
	v.Push("y")
	s := v.IntoSlice()
	fmt.Println(s, v.Len())
	// Output: [x y] 0
}

func ExampleCollect() {
	v := vec.Collect(nil, slices.Values([]string{"a", "b"}))
	fmt.Println(v.Slice())
	// Output: [a b]
}

func ExampleVec_All() {
	v := vec.From(nil, []string{"a", "b"})
	for i, x := range v.All() {
		fmt.Println(i, x)
	}
	for i, x := range v.Backward() {
		fmt.Println(i, x)
	}
	// Output:
	// 0 a
	// 1 b
	// 1 b
	// 0 a
}

func ExampleVec_Extend() {
	v := vec.From(nil, []int{1})
	v.Extend(slices.Values([]int{2, 3}))
	fmt.Println(v.Slice())
	// Output: [1 2 3]
}

// TryGrow reports an arena's allocation limit as an error instead of
// panicking.
func ExampleVec_TryGrow() {
	arena := bump.WithCapacity(1024)
	v := vec.New[int](arena)
	arena.SetAllocationLimit(arena.AllocatedBytes())
	err := v.TryGrow(1 << 20)
	fmt.Println(errors.Is(err, bump.ErrAllocationLimit), v.Cap())
	// Output: true 0
}

func ExampleVec_Clip() {
	v := vec.WithCapacity[int](nil, 100)
	v.Push(1)
	v.Clip()
	fmt.Println(v.Len(), v.Cap())
	// Output: 1 1
}
