package deque_test

import (
	"errors"
	"fmt"

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
	fmt.Println(d.Len(), d.Cap())
	// Output: 1 4
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
	// deque: index 5 out of range [0:2]
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
	for i := range 5 {
		d.PushBack(i)
	}
	fmt.Println(d.Cap()) // always a power of two
	// Output: 8
}

func ExampleDeque_Clear() {
	d := deque.New[int](nil)
	for i := range 5 {
		d.PushBack(i)
	}
	d.Clear()
	fmt.Println(d.Len(), d.Cap())
	// Output: 0 8
}

func ExampleDeque_Reserve() {
	var arena bump.Bump
	d := deque.New[int](&arena)
	d.Reserve(1000) // one allocation instead of one per doubling
	fmt.Println(d.Cap())
	// Output: 1024
}

func ExampleDeque_TryReserve() {
	var arena bump.Bump
	arena.SetAllocationLimit(1 << 16)
	d := deque.New[int](&arena)
	err := d.TryReserve(1 << 20)
	fmt.Println(errors.Is(err, bump.ErrAllocationLimit), d.Cap())
	// Output: true 0
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
