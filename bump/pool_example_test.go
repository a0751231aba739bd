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
	var pool bump.Pool

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

// Put resets an arena, which keeps the chunks its recent jobs used; with
// MaxRetained set, it trims an arena that holds more, rather than letting
// one unusually large request pin its memory. Without it, the pool trims
// arenas to what its recent jobs needed by itself.
func ExamplePool_maxRetained() {
	pool := bump.Pool{MaxRetained: 64 << 10}

	a := pool.Get()
	for range 1024 { // a large request: 1 MiB in small pieces
		_ = bump.New[[1024]byte](a)
	}
	pool.Put(a)

	st := pool.Stats()
	fmt.Println("trimmed:", st.Trimmed, "idle:", st.Idle, "within the cap:", st.Retained <= 64<<10)
	// Output:
	// trimmed: 1 idle: 1 within the cap: true
}
