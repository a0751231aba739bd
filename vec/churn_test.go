package vec_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

// TestChurnMemory measures what a long-lived Vec holds in an arena that is
// never reset (docs/design.md, "Memory under churn"): a Vec of live size n
// is built, something else is allocated after it (so that it is no longer
// the arena's newest allocation and cannot grow or shrink in place), and
// then each round changes it without changing its live size. The arena
// must hold about the same after a million rounds as after 20 thousand.
func TestChurnMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	// linear churns cost O(n) a round, so they run fewer rounds.
	churns := []struct {
		name   string
		linear bool
		round  func(v *vec.Vec[*int], x *int)
	}{
		{"push-pop", false, func(v *vec.Vec[*int], x *int) { v.Push(x); v.Pop() }},
		{"push-pop-clip", false, func(v *vec.Vec[*int], x *int) { v.Push(x); v.Pop(); v.Clip() }},
		{"fifo", true, func(v *vec.Vec[*int], x *int) { v.Delete(0, 1); v.Push(x) }},
		{"insert-replace", true, func(v *vec.Vec[*int], x *int) { v.Insert(v.Len()/2, x, x); v.Replace(0, 2) }},
		{"push-deletefunc", true, func(v *vec.Vec[*int], x *int) {
			for range 4 {
				v.Push(x)
			}
			v.DeleteFunc(func(p *int) bool { return p == x })
		}},
	}
	run := func(n, rounds int, round func(v *vec.Vec[*int], x *int)) int {
		b := new(bump.Bump)
		v := vec.New[*int](b)
		for range n {
			v.Push(new(int))
		}
		_ = bump.New[*int](b) // v is no longer the newest allocation
		x := new(int)
		for range rounds {
			round(v, x)
		}
		require.Equal(t, n, v.Len())
		return b.AllocatedBytes()
	}
	for _, c := range churns {
		few, many, sizes := 20_000, 1_000_000, []int{8, 100, 10_000}
		if c.linear {
			few, many, sizes = 2_000, 100_000, []int{8, 100}
		}
		for _, n := range sizes {
			t.Run(fmt.Sprintf("%s/%d", c.name, n), func(t *testing.T) {
				a, z := run(n, few, c.round), run(n, many, c.round)
				t.Logf("%d live: %d arena bytes after %d rounds, %d after %d", n, a, few, z, many)
				require.LessOrEqual(t, z, 2*a)
			})
		}
	}
}

// TestGrowthMemory measures what growing a Vec to n elements leaves in an
// arena that is never reset, when something else is allocated after each
// growth so that every growth moves the elements: each old storage stays
// allocated until Reset (a Bump reuses freed memory only when it is the
// newest allocation), so the arena holds the sum of the capacities the
// Vec went through, about 5x its final storage with append's growth of
// 1.25x for large capacities.
func TestGrowthMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	for _, n := range []int{1_000, 100_000, 2_000_000} {
		b := new(bump.Bump)
		v := vec.New[*int](b)
		for range n {
			c := v.Cap()
			v.Push(nil)
			if v.Cap() != c {
				_ = bump.New[*int](b)
			}
		}
		final := v.Cap() * 8
		t.Logf("%d *int: %d arena bytes for %d bytes of final storage (%.1fx)", n, b.AllocatedBytes(), final, float64(b.AllocatedBytes())/float64(final))
		// The capacities sum to about 5x the last; chunk rounding adds
		// the rest for small Vecs.
		require.GreaterOrEqual(t, b.AllocatedBytes(), final)
		require.LessOrEqual(t, b.AllocatedBytes(), 8*final)
	}
}
