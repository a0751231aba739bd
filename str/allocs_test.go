//go:build !bumpdebug && !race

// Allocation counts are only checked in normal builds: the bumpdebug
// build allocates to track lifetimes, and under the race detector
// sync.Pool drops items at random, so Sprintf's pooled builder is
// sometimes allocated anew.

package str_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// TestSprintfFewerAllocs checks that formatting into an arena allocates
// fewer Go-heap objects than fmt.Sprintf: the result lives in the arena.
func TestSprintfFewerAllocs(t *testing.T) {
	var b bump.Bump
	n := 1000
	arena := testing.AllocsPerRun(100, func() {
		_ = str.Sprintf(&b, "id=%d name=%s", n, "gopher")
		b.Reset()
	})
	heap := testing.AllocsPerRun(100, func() {
		_ = fmt.Sprintf("id=%d name=%s", n, "gopher")
	})
	require.Less(t, arena, heap)
}

// TestWriteSteadyStateNoAllocs checks that building a string in an arena
// that is reset every round allocates nothing from the Go heap once the
// arena has grown its chunk.
func TestWriteSteadyStateNoAllocs(t *testing.T) {
	var b bump.Bump
	allocs := testing.AllocsPerRun(100, func() {
		s := str.New(&b)
		for range 100 {
			s.WriteString("0123456789")
			s.WriteByte(',')
			s.WriteRune('é')
		}
		_ = s.String()
		b.Reset()
	})
	require.Zero(t, allocs)
}
