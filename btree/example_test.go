package btree_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
)

func Example() {
	var a bump.Bump
	m := btree.New[string, int](&a) // nodes in the arena
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		p, _ := m.Entry(w)
		*p++
	}
	for w, n := range m.All() { // in key order
		fmt.Printf("%s:%d ", w, n)
	}
	fmt.Println("end")
	fmt.Println(m.Len(), m.Has("fox"))
	// Output:
	// brown:1 dog:1 fox:1 jumps:1 lazy:1 over:1 quick:1 the:2 end
	// 8 true
}

func ExampleMap_Ascend() {
	m := btree.New[int, string](nil)
	for i := range 10 {
		m.Set(i*10, fmt.Sprint("v", i))
	}
	// The keys in [25, 60): start at 25, stop at 60.
	for k, v := range m.Ascend(25) {
		if k >= 60 {
			break
		}
		fmt.Println(k, v)
	}
	// Output:
	// 30 v3
	// 40 v4
	// 50 v5
}

func ExampleMap_Descend() {
	m := btree.New[int, string](nil)
	for i := range 10 {
		m.Set(i*10, fmt.Sprint("v", i))
	}
	// The largest key not above 55: the floor.
	for k, v := range m.Descend(55) {
		fmt.Println(k, v)
		break
	}
	// Output:
	// 50 v5
}

func ExampleMap_Backward() {
	m := btree.New[string, int](nil)
	m.Set("a", 1)
	m.Set("b", 2)
	m.Set("c", 3)
	for k, v := range m.Backward() {
		fmt.Println(k, v)
	}
	// Output:
	// c 3
	// b 2
	// a 1
}

func ExampleMap_All_deleting() {
	m := btree.New[int, int](nil)
	for i := range 10 {
		m.Set(i, i*i)
	}
	// Deleting while ranging is allowed: the iteration goes on after the
	// last key it produced.
	for k := range m.All() {
		if k%3 != 0 {
			m.Delete(k)
		}
	}
	fmt.Println(m)
	// Output:
	// map[0:0 3:9 6:36 9:81]
}

func ExampleMap_PopMin() {
	// An ordered map doubles as a priority queue with unique keys.
	deadlines := btree.New[int, string](nil)
	deadlines.Set(30, "write docs")
	deadlines.Set(10, "fix bug")
	deadlines.Set(20, "review")
	for {
		t, task, ok := deadlines.PopMin()
		if !ok {
			break
		}
		fmt.Println(t, task)
	}
	// Output:
	// 10 fix bug
	// 20 review
	// 30 write docs
}

func ExampleNewFunc() {
	// Keys that cmp.Ordered does not cover, here byte slices.
	m := btree.NewFunc[[]byte, int](nil, bytes.Compare)
	m.Set([]byte("b"), 2)
	m.Set([]byte("a"), 1)
	k, v, _ := m.Min()
	fmt.Println(string(k), v)
	// Output:
	// a 1
}

func ExampleMap_MarshalJSON() {
	m := btree.New[string, []int](nil)
	m.Set("b", []int{2})
	m.Set("a", []int{1, 1})
	b, _ := json.Marshal(m)
	fmt.Println(string(b))
	fmt.Printf("%v\n", m)
	// Output:
	// {"a":[1,1],"b":[2]}
	// map[a:[1 1] b:[2]]
}

func ExampleMap_Grow() {
	var a bump.Bump
	a.SetAllocationLimit(1 << 20)
	m := btree.New[int, int](&a)
	// Reserve the nodes first: then the insertions cannot fail.
	if err := m.TryGrow(1000); err != nil {
		fmt.Println(err)
		return
	}
	before := a.AllocatedBytes()
	for i := range 1000 {
		m.Set(i, i)
	}
	fmt.Println(m.Len(), a.AllocatedBytes() == before)
	// Output:
	// 1000 true
}

func ExampleSet() {
	s := btree.NewSet[string](nil)
	for _, w := range strings.Fields("to be or not to be") {
		s.Add(w)
	}
	fmt.Println(s, s.Len())
	lo, _ := s.Min()
	fmt.Println(lo)
	// Output:
	// [be not or to] 4
	// be
}
