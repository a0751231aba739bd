package pqueue_test

import (
	"encoding/json"
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/pqueue"
)

func Example() {
	var a bump.Bump
	q := pqueue.New[int](&a) // a min-queue in the arena
	for _, x := range []int{5, 2, 8, 1, 9} {
		q.Push(x)
	}
	top, _ := q.Peek()
	fmt.Println("len", q.Len(), "top", top)
	for x, ok := q.Pop(); ok; x, ok = q.Pop() {
		fmt.Print(x, ",")
	}
	fmt.Println("end")
	// Output:
	// len 5 top 1
	// 1,2,5,8,9,end
}

func ExampleNewFunc() {
	// A max-queue of tasks by priority.
	type task struct {
		name string
		prio int
	}
	q := pqueue.NewFunc(nil, func(a, b task) bool { return a.prio > b.prio })
	q.Push(task{"write", 2})
	q.Push(task{"test", 5})
	q.Push(task{"ship", 1})
	for t := range q.Drain() {
		fmt.Println(t.name)
	}
	// Output:
	// test
	// write
	// ship
}

// An item carries its own index, as in container/heap's PriorityQueue
// example, so that its priority can be changed in place.
type item struct {
	value    string
	priority int
	index    int
}

func ExampleNewIndexed() {
	q := pqueue.NewIndexed(nil,
		func(a, b *item) bool { return a.priority > b.priority },
		func(it *item, i int) { it.index = i })
	items := map[string]*item{}
	for name, prio := range map[string]int{"banana": 3, "apple": 2, "pear": 4} {
		items[name] = &item{value: name, priority: prio}
		q.Push(items[name])
	}
	orange := &item{value: "orange", priority: 1}
	q.Push(orange)
	orange.priority = 5
	q.Fix(orange.index)
	for it := range q.Drain() {
		fmt.Printf("%.2d:%s index %d\n", it.priority, it.value, it.index)
	}
	// Output:
	// 05:orange index -1
	// 04:pear index -1
	// 03:banana index -1
	// 02:apple index -1
}

func ExampleQueue_MarshalJSON() {
	q := pqueue.New[string](nil)
	q.Push("c")
	q.Push("a")
	q.Push("b")
	b, _ := json.Marshal(q)
	fmt.Println(string(b), q)
	// Output:
	// ["a","b","c"] [a b c]
}

func ExampleQueue_TryGrow() {
	var a bump.Bump
	a.SetAllocationLimit(4096)
	q := pqueue.New[int](&a)
	if err := q.TryGrow(1 << 20); err != nil {
		fmt.Println("too large")
	}
	if err := q.TryGrow(100); err == nil {
		for i := range 100 { // cannot fail now
			q.Push(i)
		}
	}
	fmt.Println(q.Len())
	// Output:
	// too large
	// 100
}
