package containers

import (
	"fmt"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/pqueue"
)

func ordered() {
	var a bump.Bump
	m := btree.New[string, int](&a)
	m.Set("a", 1)
	p := m.Ptr("a")
	e, _ := m.Entry("b")
	asc := m.Ascend("a")
	c := m.Clone()
	s := btree.NewSet[int](&a)
	q := pqueue.New[int](&a)
	q.Push(1)
	drain := q.Drain()
	heap := btree.New[string, int](nil)
	a.Reset()
	*p++                 // want `p .* is used after a.Reset\(\)`
	*e++                 // want `e .* is used after a.Reset\(\)`
	for k := range asc { // want `asc .* is used after a.Reset\(\)`
		fmt.Println(k)
	}
	fmt.Println(c.Len())   // want `c .* is used after a.Reset\(\)`
	s.Add(1)               // want `s .* is used after a.Reset\(\)`
	q.Push(2)              // want `q .* is used after a.Reset\(\)`
	for x := range drain { // want `drain .* is used after a.Reset\(\)`
		fmt.Println(x)
	}
	heap.Set("x", 1)
	fmt.Println(heap.Len())
}
