package hashmap_test

import (
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

func fill(a bump.Allocator, n int) *hashmap.Map[int, int] {
	m := hashmap.New[int, int](a)
	for i := range n {
		m.Set(i, i*10)
	}
	return m
}

func TestIterators(t *testing.T) {
	m := fill(new(bump.Bump), 300)
	got := maps.Collect(m.All())
	want := map[int]int{}
	for i := range 300 {
		want[i] = i * 10
	}
	require.Equal(t, want, got)

	keys := slices.Sorted(m.Keys())
	require.Equal(t, slices.Sorted(maps.Keys(want)), keys)
	vals := slices.Sorted(m.Values())
	require.Equal(t, slices.Sorted(maps.Values(want)), vals)

	n := 0
	for range m.All() {
		n++
		if n == 10 {
			break
		}
	}
	require.Equal(t, 10, n, "break stops the iteration")

	c := hashmap.Collect(nil, maps.All(want))
	require.Equal(t, want, maps.Collect(c.All()))

	c.Insert(maps.All(map[int]int{1: -1, 1000: 0}))
	require.Equal(t, 301, c.Len())
	v, _ := c.Get(1)
	require.Equal(t, -1, v)
}

func TestIterationOrderVaries(t *testing.T) {
	m := fill(nil, 100)
	first := slices.Collect(m.Keys())
	for range 100 {
		if !slices.Equal(first, slices.Collect(m.Keys())) {
			return
		}
	}
	t.Fatal("100 iterations in the same order")
}

func TestDeleteDuringIteration(t *testing.T) {
	tests := []struct {
		name  string
		del   func(k int) []int // keys to delete when k is yielded
		check func(t *testing.T, seen map[int]int, m *hashmap.Map[int, int])
	}{
		{"delete current", func(k int) []int { return []int{k} }, func(t *testing.T, seen map[int]int, m *hashmap.Map[int, int]) {
			require.Len(t, seen, 500)
			require.Equal(t, 0, m.Len())
		}},
		{"delete all at first", func(k int) []int {
			ks := make([]int, 0, 500)
			for i := range 500 {
				if i != k {
					ks = append(ks, i)
				}
			}
			return ks
		}, func(t *testing.T, seen map[int]int, m *hashmap.Map[int, int]) {
			require.Len(t, seen, 1, "deleted entries not yet reached are not produced")
			require.Equal(t, 1, m.Len())
		}},
		{"delete partner", func(k int) []int { return []int{k ^ 1} }, func(t *testing.T, seen map[int]int, m *hashmap.Map[int, int]) {
			// Of each pair {2i, 2i+1} exactly one is produced.
			for i := 0; i < 500; i += 2 {
				_, a := seen[i]
				_, b := seen[i+1]
				require.True(t, a != b, "pair %d", i)
			}
			require.Equal(t, 250, m.Len())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fill(new(bump.Bump), 500)
			seen := map[int]int{}
			for k, v := range m.All() {
				_, dup := seen[k]
				require.False(t, dup, "key %d produced twice", k)
				require.Equal(t, k*10, v)
				seen[k] = v
				for _, d := range tt.del(k) {
					m.Delete(d)
				}
			}
			tt.check(t, seen, m)
		})
	}
}

func TestInsertDuringIteration(t *testing.T) {
	for _, al := range alloctest.Allocators {
		t.Run(al.Name, func(t *testing.T) {
			// The insertions grow the table several times while the
			// iteration walks the first one; deletes and updates hit
			// entries both before and after the growth.
			m := fill(al.New(), 200)
			ref := maps.Collect(m.All())
			deleted := map[int]bool{}
			seen := map[int]bool{}
			next := 1000
			for k, v := range m.All() {
				require.False(t, seen[k], "key %d produced twice", k)
				seen[k] = true
				want, ok := ref[k]
				require.True(t, ok, "key %d produced after its deletion", k)
				require.Equal(t, want, v, "key %d produced with a stale value", k)
				for range 20 {
					m.Set(next, next)
					ref[next] = next
					next++
				}
				if k < 200 {
					d := k * 7 % 100
					m.Delete(d)
					delete(ref, d)
					deleted[d] = true
					u := 100 + k*13%100
					m.Set(u, -k)
					ref[u] = -k
				}
			}
			for k := range 200 {
				if !deleted[k] {
					require.True(t, seen[k], "key %d never deleted but not produced", k)
				}
			}
			require.Equal(t, ref, maps.Collect(m.All()))
		})
	}
}

func TestClearDuringIteration(t *testing.T) {
	m := fill(nil, 100)
	n := 0
	for range m.All() {
		n++
		m.Clear()
	}
	require.Equal(t, 1, n)

	// Also when the table was replaced first.
	m = fill(nil, 100)
	n = 0
	for range m.All() {
		n++
		if n == 1 {
			for i := range 1000 {
				m.Set(1000+i, 0)
			}
			m.Set(math.MaxInt, 0)
		}
		if n == 2 {
			m.Clear()
		}
	}
	require.Equal(t, 2, n)
	require.Equal(t, 0, m.Len())
}

func TestNaNIterationAfterGrowth(t *testing.T) {
	m := hashmap.New[float64, int](nil)
	for i := range 5 {
		m.Set(math.NaN(), i)
	}
	nans := 0
	grown := false
	for k := range m.Keys() {
		if math.IsNaN(k) {
			nans++
		}
		if !grown {
			for i := range 100 {
				m.Set(float64(i), i)
			}
			grown = true
		}
	}
	require.Equal(t, 5, nans, "NaN entries survive growth during iteration")
}

func TestNestedIterationWithGrowth(t *testing.T) {
	m := fill(new(bump.Bump), 50)
	outer := map[int]bool{}
	next := 10_000
	for k := range m.Keys() {
		require.False(t, outer[k], "outer produced %d twice", k)
		outer[k] = true
		inner := map[int]bool{}
		for j, v := range m.All() {
			require.False(t, inner[j], "inner produced %d twice", j)
			inner[j] = true
			if j < 50 {
				require.Equal(t, j*10, v)
			}
			if len(inner) == 3 {
				for range 30 { // grows the table while both iterate
					m.Set(next, next)
					next++
				}
			}
		}
	}
	for k := range 50 {
		require.True(t, outer[k], "outer missed %d", k)
	}
}
