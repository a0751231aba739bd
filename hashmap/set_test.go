package hashmap_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

func setOf[K comparable](a bump.Allocator, ks ...K) *hashmap.Set[K] {
	s := hashmap.NewSet[K](a)
	for _, k := range ks {
		s.Add(k)
	}
	return s
}

func TestSetBasic(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := hashmap.NewSet[int](a)
		require.Equal(t, a, s.Allocator())
		want := map[int]struct{}{}
		for i := range 3000 {
			k := i * 7 % 1000
			_, had := want[k]
			require.Equal(t, !had, s.Add(k), "Add(%d)", k)
			want[k] = struct{}{}
			if i%3 == 0 {
				s.Delete(i % 500)
				delete(want, i%500)
			}
		}
		require.Equal(t, len(want), s.Len())
		for k := range 1100 {
			_, ok := want[k]
			require.Equal(t, ok, s.Has(k), "Has(%d)", k)
		}
		require.Equal(t, want, maps.Collect(func(yield func(int, struct{}) bool) {
			for k := range s.All() {
				if !yield(k, struct{}{}) {
					return
				}
			}
		}))
		s.Clear()
		require.Equal(t, 0, s.Len())
		require.False(t, s.Has(7))
		require.True(t, s.Add(7))
	})
}

func TestSetZeroValue(t *testing.T) {
	var s hashmap.Set[string]
	require.True(t, s.Add("a"))
	require.False(t, s.Add("a"))
	require.True(t, s.Has("a"))
	require.Equal(t, 1, s.Len())
	require.Nil(t, s.Allocator())
}

func TestNilSet(t *testing.T) {
	var s *hashmap.Set[int]
	require.Equal(t, 0, s.Len())
	require.False(t, s.Has(1))
	require.Nil(t, s.Allocator())
	for range s.All() {
		t.Fatal("nil Set produced a value")
	}
	s.Delete(1)
	s.Clear()
	s.DeleteFunc(func(int) bool { return true })
	require.Nil(t, s.Clone())
	require.True(t, s.Equal(hashmap.NewSet[int](nil)))
	require.Equal(t, "[]", fmt.Sprint(s))
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.Equal(t, "null", string(b))
	require.PanicsWithValue(t, "hashmap: Add: write to nil Set", func() { s.Add(1) })
	require.PanicsWithValue(t, "hashmap: TryAdd: write to nil Set", func() { _, _ = s.TryAdd(1) })
	require.PanicsWithValue(t, "hashmap: Grow: write to nil Set", func() { s.Grow(1) })
	require.Equal(t, 0, hashmap.Union(s, s).Len())
	require.Equal(t, 0, hashmap.Intersection(s, s).Len())
	require.Equal(t, 0, hashmap.Difference(s, s).Len())
}

func TestSetFloats(t *testing.T) {
	s := hashmap.NewSet[float64](nil)
	nan := math.NaN()
	require.True(t, s.Add(nan))
	require.True(t, s.Add(nan), "every NaN is a new value")
	require.False(t, s.Has(nan))
	require.True(t, s.Add(math.Copysign(0, -1)))
	require.False(t, s.Add(0), "+0 and -0 are one value")
	require.Equal(t, 3, s.Len())
	for k := range s.All() {
		if k == 0 {
			require.False(t, math.Signbit(k), "Add replaces the stored value, as a map assignment does")
		}
	}
	require.False(t, s.Equal(s.Clone()), "a set holding NaN equals no set")
	require.Equal(t, 2, hashmap.Difference(s, hashmap.NewSet[float64](nil)).Len()-1, "Difference keeps NaN values")
	require.Equal(t, 1, hashmap.Intersection(s, s).Len(), "NaN is in no intersection")
	require.Equal(t, 5, hashmap.Union(s, s).Len(), "Union adds the second operand's NaNs")
	s.DeleteFunc(func(k float64) bool { return k != k })
	require.Equal(t, 1, s.Len(), "DeleteFunc removes NaN values")
}

func TestSetAlgebra(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s1 := setOf(a, 1, 2, 3, 4, 5)
		s2 := setOf[int](nil, 4, 5, 6)
		sorted := func(s *hashmap.Set[int]) []int { return slices.Sorted(s.All()) }
		u := hashmap.Union(s1, s2)
		require.Equal(t, []int{1, 2, 3, 4, 5, 6}, sorted(u))
		require.Equal(t, a, u.Allocator(), "the result uses s1's allocator")
		require.Equal(t, []int{4, 5}, sorted(hashmap.Intersection(s1, s2)))
		require.Equal(t, []int{4, 5}, sorted(hashmap.Intersection(s2, s1)))
		require.Equal(t, []int{1, 2, 3}, sorted(hashmap.Difference(s1, s2)))
		require.Equal(t, []int{6}, sorted(hashmap.Difference(s2, s1)))
		require.Equal(t, []int{1, 2, 3, 4, 5}, sorted(s1), "operands are unchanged")
		require.Equal(t, []int{4, 5, 6}, sorted(s2))

		require.True(t, s1.Equal(s1.Clone()))
		require.True(t, hashmap.NewSet[int](a).Equal(nil))
		require.False(t, s1.Equal(s2))
		require.False(t, s1.Equal(setOf[int](nil, 1, 2, 3, 4, 6)))

		in := s1.Clone()
		in.Insert(s2.All())
		require.True(t, in.Equal(u), "Insert is the in-place union")
		in.DeleteFunc(func(k int) bool { return !s2.Has(k) })
		require.Equal(t, []int{4, 5, 6}, sorted(in), "DeleteFunc is the in-place intersection")
		c := hashmap.CollectSet(a, slices.Values([]int{3, 1, 3}))
		require.Equal(t, []int{1, 3}, sorted(c))
	})
}

func TestSetClone(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := setOf(a, "a", "b")
		c := s.Clone()
		c.Add("c")
		s.Delete("a")
		require.Equal(t, []string{"b"}, slices.Sorted(s.All()))
		require.Equal(t, []string{"a", "b", "c"}, slices.Sorted(c.All()))
		require.Equal(t, a, c.Allocator())
	})
}

func TestSetCapacity(t *testing.T) {
	var arena bump.Bump
	s := hashmap.NewSetWithCapacity[int](&arena, 1000)
	before := arena.AllocatedBytes()
	for i := range 1000 {
		s.Add(i)
	}
	require.Equal(t, before, arena.AllocatedBytes(), "a presized set does not allocate")
	s.Grow(500)
	before = arena.AllocatedBytes()
	for i := range 500 {
		s.Add(-1 - i)
	}
	require.Equal(t, before, arena.AllocatedBytes(), "Grow made room")
	require.PanicsWithValue(t, "hashmap: NewSetWithCapacity: negative capacity -1", func() { hashmap.NewSetWithCapacity[int](nil, -1) })
	require.PanicsWithValue(t, "hashmap: NewSetWithHasher: nil Hasher", func() { hashmap.NewSetWithHasher[int](nil, nil) })
}

func TestSetAllocationLimit(t *testing.T) {
	var arena bump.Bump
	s := hashmap.NewSet[int](&arena)
	arena.SetAllocationLimit(arena.AllocatedBytes() + 2048)
	var err error
	n := 0
	for err == nil {
		_, err = s.TryAdd(n)
		n++
	}
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Contains(t, err.Error(), "hashmap: TryAdd: ")
	require.Equal(t, n-1, s.Len(), "the failed TryAdd left the set unchanged")
	require.False(t, s.Has(n-1))
	require.ErrorIs(t, s.TryGrow(1000), bump.ErrAllocationLimit)
	perr := alloctest.Catch(func() { s.Add(n) })
	require.ErrorIs(t, perr, bump.ErrAllocationLimit)
	require.Contains(t, perr.Error(), "hashmap: Add: ")
	perr = alloctest.Catch(func() { hashmap.Union(s, setOf[int](nil, -1, -2, -3)) })
	require.ErrorIs(t, perr, bump.ErrAllocationLimit)
}

func TestSetJSON(t *testing.T) {
	s := setOf(nil, 10, 9, -1, 100)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.Equal(t, "[-1,9,10,100]", string(b), "numbers in ascending order")
	b, err = json.Marshal(hashmap.NewSet[string](nil))
	require.NoError(t, err)
	require.Equal(t, "[]", string(b))

	type pt struct{ X, Y int }
	p := setOf(nil, pt{2, 1}, pt{1, 2})
	b, err = json.Marshal(p)
	require.NoError(t, err)
	require.Equal(t, `[{"X":1,"Y":2},{"X":2,"Y":1}]`, string(b), "other types in the order of their text")

	var arena bump.Bump
	back := hashmap.NewSet[int](&arena)
	back.Add(5)
	require.NoError(t, json.Unmarshal([]byte("[1,2,2,3,4]"), back))
	require.Equal(t, []int{1, 2, 3, 4}, slices.Sorted(back.All()), "decoding replaces the values")
	require.NoError(t, json.Unmarshal([]byte("null"), back))
	require.Equal(t, 4, back.Len())
	require.Error(t, json.Unmarshal([]byte(`{"a":1}`), back))
	require.Error(t, json.Unmarshal([]byte(`[1,"x"]`), back))
	require.Equal(t, 4, back.Len(), "a failed decode leaves the set unchanged")

	var field struct{ S *hashmap.Set[string] }
	require.NoError(t, json.Unmarshal([]byte(`{"S":["b","a"]}`), &field))
	require.Equal(t, []string{"a", "b"}, slices.Sorted(field.S.All()))

	arena.SetAllocationLimit(arena.AllocatedBytes())
	many, _ := json.Marshal(slices.Collect(func(yield func(int) bool) {
		for i := range 1000 {
			if !yield(i) {
				return
			}
		}
	}))
	err = json.Unmarshal(many, back)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Equal(t, 4, back.Len(), "a decode that cannot allocate leaves the set unchanged")
}

func TestSetFormat(t *testing.T) {
	s := setOf(nil, "b", "c", "a")
	require.Equal(t, "[a b c]", fmt.Sprint(s))
	require.Equal(t, `["a" "b" "c"]`, fmt.Sprintf("%q", s))
	require.Equal(t, "[-1 2 10]", fmt.Sprintf("%v", setOf(nil, 10, -1, 2)))
	require.Equal(t, "[NaN -Inf 1]", fmt.Sprint(setOf(nil, 1, math.Inf(-1), math.NaN())), "NaN first, as fmt sorts map keys")
	require.Equal(t, "[]", fmt.Sprint(hashmap.NewSet[int](nil)))
}

func TestSetMutationDuringIteration(t *testing.T) {
	s := hashmap.NewSet[int](new(bump.Bump))
	for i := range 500 {
		s.Add(i)
	}
	seen := map[int]bool{}
	for k := range s.All() {
		require.False(t, seen[k], "%d produced twice", k)
		seen[k] = true
		s.Delete(k ^ 1)
		for i := range 3 {
			s.Add(1000 + 3*k + i) // grows the table under the iteration
		}
	}
	for i := 0; i < 500; i += 2 {
		require.True(t, seen[i] != seen[i+1], "of %d and %d exactly one is produced", i, i+1)
	}
}

func TestSetWarmArenaAllocs(t *testing.T) {
	if lifecheck.Enabled {
		t.Skip("the checked build tracks lifetimes on the Go heap")
	}
	var arena bump.Bump
	keys := intKeys(1000, 0)
	round := func() {
		s := hashmap.NewSet[int](&arena)
		for _, k := range keys {
			s.Add(k)
		}
		u := hashmap.Union(s, s)
		if u.Len() != len(keys) {
			panic("wrong Len")
		}
		arena.Reset()
	}
	round()
	require.Zero(t, testing.AllocsPerRun(10, round), "Go-heap allocations per round in a warm arena")
}
