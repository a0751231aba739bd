package deque_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
)

// A breadth-first walk keeps its frontier in a deque whose storage lives
// in an arena, released in one step when the walk is done.
func Example() {
	var arena bump.Bump
	defer arena.Reset()

	children := map[string][]string{
		"root": {"a", "b"},
		"a":    {"a1", "a2"},
		"b":    {"b1"},
	}
	queue := deque.New[string](&arena)
	queue.PushBack("root")
	for queue.Len() > 0 {
		node, _ := queue.PopFront()
		fmt.Print(node, " ")
		for _, c := range children[node] {
			queue.PushBack(c)
		}
	}
	fmt.Println()
	// Output: root a b a1 a2 b1
}

func ExampleDeque_zero() {
	var d deque.Deque[int] // uses the Go heap
	d.PushBack(1)
	fmt.Println(d.Len(), d.Cap()) // on the heap, storage starts at 16
	// Output: 1 16
}

func ExampleNew() {
	var arena bump.Bump
	d := deque.New[int](&arena)
	fmt.Println(d.Len(), d.Cap())
	d.PushBack(1)
	fmt.Println(d.Len(), d.Cap())
	// Output:
	// 0 0
	// 1 4
}

func ExampleWithCapacity() {
	d := deque.WithCapacity[int](nil, 100)
	fmt.Println(d.Cap())
	// Output: 128
}

func ExampleDeque_PushBack() {
	d := deque.New[string](nil)
	d.PushBack("a")
	d.PushBack("b")
	fmt.Println(d.At(0), d.At(1))
	// Output: a b
}

func ExampleDeque_PushFront() {
	d := deque.New[string](nil)
	d.PushFront("b")
	d.PushFront("a")
	fmt.Println(d.At(0), d.At(1))
	// Output: a b
}

func ExampleDeque_PopFront() {
	d := deque.New[int](nil)
	d.PushBack(1)
	d.PushBack(2)
	fmt.Println(d.PopFront())
	fmt.Println(d.PopFront())
	fmt.Println(d.PopFront())
	// Output:
	// 1 true
	// 2 true
	// 0 false
}

func ExampleDeque_PopBack() {
	d := deque.New[int](nil)
	d.PushBack(1)
	d.PushBack(2)
	fmt.Println(d.PopBack())
	fmt.Println(d.PopBack())
	fmt.Println(d.PopBack())
	// Output:
	// 2 true
	// 1 true
	// 0 false
}

func ExampleDeque_Front() {
	d := deque.New[int](nil)
	fmt.Println(d.Front())
	d.PushBack(1)
	d.PushBack(2)
	fmt.Println(d.Front())
	// Output:
	// 0 false
	// 1 true
}

func ExampleDeque_Back() {
	d := deque.New[int](nil)
	fmt.Println(d.Back())
	d.PushBack(1)
	d.PushBack(2)
	fmt.Println(d.Back())
	// Output:
	// 0 false
	// 2 true
}

func ExampleDeque_At() {
	d := deque.New[rune](nil)
	for _, r := range "cde" {
		d.PushBack(r)
	}
	d.PushFront('b')
	fmt.Println(string(d.At(0)), string(d.At(d.Len()-1)))
	// Output: b e
}

func ExampleDeque_Set() {
	d := deque.New[int](nil)
	d.PushBack(1)
	d.PushBack(2)
	d.Set(1, 20)
	fmt.Println(d.At(1))
	defer func() { fmt.Println(recover()) }()
	d.Set(5, 0)
	// Output:
	// 20
	// deque: Set: index 5 out of range [0:2]
}

func ExampleDeque_Len() {
	d := deque.New[int](nil)
	d.PushBack(1)
	d.PushFront(0)
	fmt.Println(d.Len())
	// Output: 2
}

func ExampleDeque_Cap() {
	d := deque.New[int](nil)
	for i := range 17 {
		d.PushBack(i)
	}
	fmt.Println(d.Cap()) // always a power of two
	// Output: 32
}

func ExampleDeque_Clear() {
	d := deque.New[int](nil)
	for i := range 5 {
		d.PushBack(i)
	}
	d.Clear()
	fmt.Println(d.Len(), d.Cap())
	// Output: 0 16
}

func ExampleDeque_Grow() {
	var arena bump.Bump
	d := deque.New[int](&arena)
	d.Grow(1000) // one allocation instead of one per doubling
	fmt.Println(d.Cap())
	// Output: 1024
}

func ExampleDeque_TryGrow() {
	var arena bump.Bump
	arena.SetAllocationLimit(1 << 16)
	d := deque.New[int](&arena)
	if err := d.TryGrow(1 << 20); err != nil {
		fmt.Println(errors.Is(err, bump.ErrAllocationLimit), d.Cap())
	}
	// After TryGrow(n) succeeds, n pushes cannot fail.
	if err := d.TryGrow(100); err == nil {
		for i := range 100 {
			d.PushBack(i)
		}
	}
	fmt.Println(d.Len(), d.Cap())
	// Output:
	// true 0
	// 100 128
}

func ExampleDeque_Rotate() {
	d := deque.New[int](nil)
	for i := range 5 {
		d.PushBack(i)
	}
	d.Rotate(2)
	fmt.Println(d.At(0), d.At(1), d.At(2), d.At(3), d.At(4))
	d.Rotate(-3)
	fmt.Println(d.At(0), d.At(1), d.At(2), d.At(3), d.At(4))
	// Output:
	// 2 3 4 0 1
	// 4 0 1 2 3
}

func ExampleDeque_All() {
	d := deque.New[string](nil)
	d.PushBack("b")
	d.PushFront("a")
	for i, v := range d.All() {
		fmt.Println(i, v)
	}
	// Output:
	// 0 a
	// 1 b
}

func ExampleDeque_Backward() {
	d := deque.New[string](nil)
	d.PushBack("b")
	d.PushFront("a")
	for i, v := range d.Backward() {
		fmt.Println(i, v)
	}
	// Output:
	// 1 b
	// 0 a
}

func ExampleDeque_Slices() {
	d := deque.WithCapacity[int](nil, 4)
	d.PushBack(3)
	d.PushBack(4)
	d.PushFront(2)
	d.PushFront(1) // wraps around to the end of the storage
	front, back := d.Slices()
	fmt.Println(front, back)
	// Output: [1 2] [3 4]
}

func ExampleDeque_Insert() {
	d := deque.New[string](nil)
	d.PushBack("a")
	d.PushBack("c")
	d.Insert(1, "b")
	d.Insert(d.Len(), "d") // same as PushBack
	fmt.Println(d)
	// Output: [a b c d]
}

func ExampleDeque_Remove() {
	d := deque.New[string](nil)
	for _, s := range []string{"a", "b", "c"} {
		d.PushBack(s)
	}
	fmt.Println(d.Remove(1), d)
	// Output: b [a c]
}

func ExampleDeque_Swap() {
	d := deque.New[int](nil)
	for i := range 4 {
		d.PushBack(i)
	}
	d.Swap(0, 3)
	fmt.Println(d)
	// Output: [3 1 2 0]
}

func ExampleDeque_Index() {
	d := deque.New[int](nil)
	for _, v := range []int{5, 8, 13, 8} {
		d.PushBack(v)
	}
	is8 := func(v int) bool { return v == 8 }
	fmt.Println(d.Index(is8), d.RIndex(is8), d.Index(func(v int) bool { return v > 20 }))
	// Output: 1 3 -1
}

func ExampleDeque_Values() {
	d := deque.New[int](nil)
	for _, v := range []int{3, 1, 2} {
		d.PushFront(v)
	}
	// Read-only algorithms come from the slices package.
	fmt.Println(slices.Sorted(d.Values()), slices.Max(slices.Collect(d.Values())))
	// Output: [1 2 3] 3
}

func ExampleDeque_Clone() {
	var arena bump.Bump
	d := deque.New[int](&arena)
	d.PushBack(1)
	c := d.Clone()
	c.PushBack(2)
	fmt.Println(d, c)
	// Output: [1] [1 2]
}

// A Deque changed while it is ranged over panics instead of skipping or
// repeating elements.
func ExampleDeque_All_modified() {
	d := deque.New[int](nil)
	d.PushBack(1)
	d.PushBack(2)
	defer func() { fmt.Println(recover()) }()
	for _, v := range d.All() {
		d.PushBack(v * 10)
	}
	// Output: deque: Deque modified during iteration
}

func ExampleDeque_MarshalJSON() {
	type job struct {
		Queue *deque.Deque[string]
	}
	j := job{Queue: deque.New[string](nil)}
	j.Queue.PushBack("b")
	j.Queue.PushFront("a")
	out, _ := json.Marshal(j)
	fmt.Println(string(out))

	var back job // encoding/json makes the Deque, on the Go heap
	_ = json.Unmarshal(out, &back)
	fmt.Println(back.Queue.Len(), back.Queue)
	// Output:
	// {"Queue":["a","b"]}
	// 2 [a b]
}

func ExampleDeque_Format() {
	d := deque.New[string](nil)
	d.PushBack("y")
	d.PushFront("x")
	fmt.Printf("%v %q %5s|\n", d, d, d)
	// Output: [x y] ["x" "y"] [    x     y]|
}

func ExampleDeque_nil() {
	var d *deque.Deque[int]
	fmt.Println(d.Len(), d.Cap(), d.Index(func(int) bool { return true }), d)
	for range d.All() {
		fmt.Println("never")
	}
	// Output: 0 0 -1 []
}
