package bump_test

import (
	"fmt"
	"strings"
	"sync"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
)

// This example fans a request out to three goroutines. Each builds its
// part in a child arena forked from the request's arena; joining the
// children hands their memory to the request's arena, where the parts stay
// valid until its Reset.
func ExampleBump_Fork() {
	var a bump.Bump // the request's arena, from a Pool in a server
	words := [][]string{{"fork", "join"}, {"bump", "arena"}, {"go"}}

	parts := make([]*vec.Vec[string], len(words))
	children := make([]*bump.Bump, len(words))
	for i := range children {
		children[i] = a.Fork() // on the parent's goroutine
	}
	var wg sync.WaitGroup
	for i, c := range children {
		wg.Go(func() {
			parts[i] = vec.New[string](c) // allocates in c, without locking
			for _, w := range words[i] {
				parts[i].Push(bump.String(c, strings.ToUpper(w)))
			}
		})
	}
	wg.Wait()
	for _, c := range children {
		a.Join(c) // c's memory is a's now; c must not be used again
	}

	for _, p := range parts {
		fmt.Println(p.Slice())
	}
	a.Reset() // frees the children's memory too
	// Output:
	// [FORK JOIN]
	// [BUMP ARENA]
	// [GO]
}
