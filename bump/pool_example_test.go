package bump_test

import (
	"fmt"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
)

// This example handles a stream of requests, each with an arena of its
// own taken from a pool: after warm-up, the arenas' chunks are reused and
// the requests allocate nothing from the Go heap.
func ExamplePool() {
	pool := bump.Pool{MaxRetained: 1 << 20}

	handle := func(words []string) string {
		a := pool.Get()
		defer pool.Put(a)

		upper := bump.MakeSlice[string](a, 0, len(words))
		for _, w := range words {
			upper = append(upper, bump.String(a, strings.ToUpper(w)))
		}
		// The result is returned as a heap string: nothing from the arena
		// may outlive Put.
		return strings.Join(upper, " ")
	}

	fmt.Println(handle([]string{"hello", "arena"}))
	fmt.Println(handle([]string{"bump", "pool"}))
	// Output:
	// HELLO ARENA
	// BUMP POOL
}

// Put resets an arena, which keeps its largest chunks for reuse; if those
// still exceed MaxRetained the arena is dropped rather than kept, so one
// unusually large request does not pin its memory forever.
func ExamplePool_maxRetained() {
	pool := bump.Pool{MaxRetained: 64 << 10}

	a := pool.Get()
	for range 1024 { // a large request: 1 MiB in small pieces
		_ = bump.New[[1024]byte](a)
	}
	pool.Put(a)

	fmt.Println("dropped:", pool.Stats().Dropped)
	// Output:
	// dropped: 1
}
