package vec_test

import (
	"errors"
	"fmt"
	"slices"

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
	fmt.Println(squares.Slice(), squares.Len())
	arena.Reset() // squares must not be used from here on
	// Output: [0 1 4 9 16] 5
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

func ExampleVec_Retain() {
	v := vec.From(nil, []int{1, 2, 3, 4, 5, 6})
	v.Retain(func(x int) bool { return x%3 != 0 })
	fmt.Println(v.Slice())
	// Output: [1 2 4 5]
}

func ExampleDedup() {
	v := vec.From(nil, []int{1, 1, 2, 3, 3, 3, 1})
	vec.Dedup(v)
	fmt.Println(v.Slice())
	// Output: [1 2 3 1]
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

// TryReserve reports an arena's allocation limit as an error instead of
// panicking.
func ExampleVec_TryReserve() {
	arena := bump.WithCapacity(1024)
	arena.SetAllocationLimit(arena.AllocatedBytes())
	v := vec.New[int](arena)
	err := v.TryReserve(1 << 20)
	fmt.Println(errors.Is(err, bump.ErrAllocationLimit), v.Cap())
	// Output: true 0
}

func ExampleVec_ShrinkToFit() {
	v := vec.WithCapacity[int](nil, 100)
	v.Push(1)
	v.ShrinkToFit()
	fmt.Println(v.Len(), v.Cap())
	// Output: 1 1
}
