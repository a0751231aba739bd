package containers

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
)

func sets() {
	var a bump.Bump
	s := hashmap.NewSet[string](&a)
	s.Add("x")
	t := hashmap.CollectSet(&a, func(yield func(string) bool) { yield("y") })
	u := hashmap.Union(s, t)
	all := s.All()
	heap := hashmap.Union(hashmap.NewSet[string](nil), t) // from s1's allocator: the Go heap
	a.Reset()
	fmt.Println(u.Len()) // want `u \(from hashmap.Union\(s, t\), line 15\) is used after a.Reset\(\)`
	for x := range all { // want `all .* is used after a.Reset\(\)`
		fmt.Println(x)
	}
	s.Add("z") // want `s .* is used after a.Reset\(\)`
	fmt.Println(heap.Len())
}
