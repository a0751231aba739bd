//go:build !bumpdebug && !race

// Allocation counts are only checked in normal builds: the bumpdebug
// build allocates to track lifetimes, and under the race detector
// sync.Pool drops items at random, so Sprintf's pooled builder is
// sometimes allocated anew.

package str_test

import (
	"bytes"
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

// TestHeaderInArena checks that making Strings in a warm arena costs no
// Go-heap allocation: the String itself lives in the arena too.
func TestHeaderInArena(t *testing.T) {
	ctors := []struct {
		name string
		make func(a bump.Allocator) *str.String
	}{
		{"New", func(a bump.Allocator) *str.String { return str.New(a) }},
		{"WithCapacity", func(a bump.Allocator) *str.String { return str.WithCapacity(a, 100) }},
		{"From", func(a bump.Allocator) *str.String { return str.From(a, "hello, arena") }},
	}
	for _, tc := range ctors {
		t.Run(tc.name, func(t *testing.T) {
			var b bump.Bump
			allocs := testing.AllocsPerRun(100, func() {
				for range 100 {
					s := tc.make(&b)
					s.WriteString("more")
				}
				b.Reset()
			})
			require.Zero(t, allocs)
		})
	}
}

// TestHeapGrowthLikeBuffer checks that on the Go heap a String grows its
// storage as often as a bytes.Buffer does, or less, building 1 MiB from
// 16-byte pieces: both double.
func TestHeapGrowthLikeBuffer(t *testing.T) {
	piece := []byte("0123456789abcdef")
	buffer := testing.AllocsPerRun(5, func() {
		var b bytes.Buffer
		for range (1 << 20) / len(piece) {
			b.Write(piece)
		}
	})
	builder := testing.AllocsPerRun(5, func() {
		var b str.String
		for range (1 << 20) / len(piece) {
			b.Write(piece)
		}
	})
	require.LessOrEqual(t, builder, buffer)
	t.Logf("allocations for 1 MiB: String %v, bytes.Buffer %v", builder, buffer)
}
