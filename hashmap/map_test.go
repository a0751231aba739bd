package hashmap_test

import (
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

// allocators returns the allocators every behaviour is checked with.

func TestZeroValue(t *testing.T) {
	var m hashmap.Map[string, int]
	require.Equal(t, 0, m.Len())
	_, ok := m.Get("a")
	require.False(t, ok)
	require.Nil(t, m.Ptr("a"))
	m.Delete("a")
	m.Clear()
	for range m.All() {
		t.Fatal("empty map yielded an entry")
	}
	m.Set("a", 1)
	m.Set("b", 2)
	v, ok := m.Get("a")
	require.True(t, ok)
	require.Equal(t, 1, v)
	require.Equal(t, 2, m.Len())
}

func TestBasic(t *testing.T) {
	for _, al := range alloctest.Allocators {
		t.Run(al.Name, func(t *testing.T) {
			m := hashmap.New[int, string](al.New())
			const n = 1000
			for i := range n {
				m.Set(i, fmt.Sprint(i))
			}
			require.Equal(t, n, m.Len())
			for i := range n {
				v, ok := m.Get(i)
				require.True(t, ok)
				require.Equal(t, fmt.Sprint(i), v)
				require.True(t, m.Has(i))
			}
			require.False(t, m.Has(n))
			_, ok := m.Get(-1)
			require.False(t, ok)

			m.Set(5, "five")
			require.Equal(t, n, m.Len(), "replacing must not add")
			v, _ := m.Get(5)
			require.Equal(t, "five", v)

			for i := 0; i < n; i += 2 {
				m.Delete(i)
			}
			m.Delete(-1)
			require.Equal(t, n/2, m.Len())
			for i := range n {
				require.Equal(t, i%2 == 1, m.Has(i), "key %d", i)
			}

			m.Clear()
			require.Equal(t, 0, m.Len())
			require.False(t, m.Has(1))
			m.Set(1, "one")
			require.Equal(t, 1, m.Len())
		})
	}
}

func TestPtrAndEntry(t *testing.T) {
	m := hashmap.New[string, int](new(bump.Bump))
	require.Nil(t, m.Ptr("x"))
	for _, w := range []string{"a", "b", "a", "c", "a", "b"} {
		p, _ := m.Entry(w)
		*p++
	}
	got := map[string]int{}
	for k, v := range m.All() {
		got[k] = v
	}
	require.Equal(t, map[string]int{"a": 3, "b": 2, "c": 1}, got)

	p, found := m.Entry("a")
	require.True(t, found)
	require.Equal(t, 3, *p)
	_, found = m.Entry("z")
	require.False(t, found)
	require.Equal(t, 4, m.Len())

	*m.Ptr("c") = 10
	v, _ := m.Get("c")
	require.Equal(t, 10, v)
}

func TestFloatKeys(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		run  func(t *testing.T, m *hashmap.Map[float64, int])
	}{
		{"NaN always inserts", func(t *testing.T, m *hashmap.Map[float64, int]) {
			m.Set(nan, 1)
			m.Set(nan, 2)
			m.Set(nan, 3)
			require.Equal(t, 3, m.Len())
			_, ok := m.Get(nan)
			require.False(t, ok)
			require.False(t, m.Has(nan))
			require.Nil(t, m.Ptr(nan))
			m.Delete(nan)
			require.Equal(t, 3, m.Len(), "Delete(NaN) removes nothing")
			var vals []int
			for k, v := range m.All() {
				require.True(t, math.IsNaN(k))
				vals = append(vals, v)
			}
			slices.Sort(vals)
			require.Equal(t, []int{1, 2, 3}, vals)
			m.Clear()
			require.Equal(t, 0, m.Len())
		}},
		{"NaN Entry inserts", func(t *testing.T, m *hashmap.Map[float64, int]) {
			_, found := m.Entry(nan)
			require.False(t, found)
			_, found = m.Entry(nan)
			require.False(t, found)
			require.Equal(t, 2, m.Len())
		}},
		{"+0 and -0 are one key", func(t *testing.T, m *hashmap.Map[float64, int]) {
			m.Set(0.0, 1)
			m.Set(math.Copysign(0, -1), 2)
			require.Equal(t, 1, m.Len())
			v, ok := m.Get(0.0)
			require.True(t, ok)
			require.Equal(t, 2, v)
			for k := range m.Keys() {
				require.True(t, math.Signbit(k), "Set stores the new key, as assigning to a Go map does")
			}
			m.Delete(math.Copysign(0, -1))
			require.Equal(t, 0, m.Len())
		}},
		{"Entry and TrySet store the new zero", func(t *testing.T, m *hashmap.Map[float64, int]) {
			m.Set(math.Copysign(0, -1), 1)
			p, found := m.Entry(0.0)
			require.True(t, found)
			*p++ // like m[0.0]++ on a Go map
			for k, v := range m.All() {
				require.False(t, math.Signbit(k), "Entry stores the new key")
				require.Equal(t, 2, v)
			}
			require.NoError(t, m.TrySet(math.Copysign(0, -1), 3))
			for k := range m.Keys() {
				require.True(t, math.Signbit(k), "TrySet stores the new key")
			}
			require.Equal(t, 1, m.Len())
		}},
		{"infinities", func(t *testing.T, m *hashmap.Map[float64, int]) {
			m.Set(math.Inf(1), 1)
			m.Set(math.Inf(-1), 2)
			require.Equal(t, 2, m.Len())
			v, _ := m.Get(math.Inf(-1))
			require.Equal(t, 2, v)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(t, hashmap.New[float64, int](new(bump.Bump)))
		})
	}
}

func TestUnhashableInterfaceKey(t *testing.T) {
	expect := func(f func()) (msg string) {
		defer func() {
			r := recover()
			require.NotNil(t, r, "no panic")
			err, ok := r.(runtime.Error)
			require.True(t, ok, "panic value %T is not a runtime.Error", r)
			msg = err.Error()
		}()
		f()
		return ""
	}
	// The message the runtime gives for a built-in map.
	builtin := expect(func() {
		m := map[any]int{}
		m[[]int{1}] = 1
	})
	require.Equal(t, "runtime error: hash of unhashable type []int", builtin)

	m := hashmap.New[any, int](nil)
	ops := []struct {
		name string
		f    func()
	}{
		{"Get empty", func() { m.Get([]int{1}) }},
		{"Has empty", func() { m.Has(map[int]int{}) }},
		{"Delete empty", func() { m.Delete([]int{1}) }},
		{"Set", func() { m.Set([]int{1}, 1) }},
		{"Get", func() { m.Set(1, 1); m.Get([]int{1}) }},
		{"Entry", func() { m.Entry(func() {}) }},
		{"struct holding a slice", func() { m.Set(struct{ x any }{[]int{}}, 1) }},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			msg := expect(op.f)
			require.Contains(t, msg, "runtime error: hash of unhashable type ")
		})
	}
	require.Equal(t, builtin, expect(func() { m.Set([]int{1}, 1) }))
}

func TestInterfaceKeys(t *testing.T) {
	m := hashmap.New[any, int](new(bump.Bump))
	keys := []any{1, int64(1), "1", 1.0, struct{ a int }{1}, [2]int{1, 1}, nil, true}
	for i, k := range keys {
		m.Set(k, i)
	}
	require.Equal(t, len(keys), m.Len(), "keys of different dynamic types are distinct")
	for i, k := range keys {
		v, ok := m.Get(k)
		require.True(t, ok, "%#v", k)
		require.Equal(t, i, v)
	}
}

func TestWithCapacityAndGrow(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 100, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b bump.Bump
			m := hashmap.WithCapacity[int, int](&b, n)
			before := b.AllocatedBytes()
			for i := range n {
				m.Set(i, i)
			}
			require.Equal(t, before, b.AllocatedBytes(), "inserting within capacity must not allocate")
			require.Equal(t, n, m.Len())

			// Pointers stay valid across insertions Grow made room for.
			m.Set(-1, 42)
			m.Grow(50)
			p := m.Ptr(-1)
			for i := range 50 {
				m.Set(n+i, 0)
			}
			require.Equal(t, 42, *p)
			*p = 43
			v, _ := m.Get(-1)
			require.Equal(t, 43, v)
		})
	}
	require.Panics(t, func() { hashmap.WithCapacity[int, int](nil, -1) })
	require.Panics(t, func() { new(hashmap.Map[int, int]).Grow(-1) })
	err := new(hashmap.Map[int, int]).TryGrow(math.MaxInt)
	require.ErrorIs(t, err, bump.ErrInvalidSize)
}

func TestAllocationLimit(t *testing.T) {
	var b bump.Bump
	b.SetAllocationLimit(16 << 10)
	m := hashmap.New[int, [8]int](&b)
	err := m.TryGrow(1 << 20)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Equal(t, 0, m.Len())

	var setErr error
	i := 0
	for ; i < 1<<20; i++ {
		if setErr = m.TrySet(i, [8]int{i}); setErr != nil {
			break
		}
	}
	require.ErrorIs(t, setErr, bump.ErrAllocationLimit)
	require.Equal(t, i, m.Len(), "a failed TrySet leaves the map unchanged")
	for j := range i {
		v, ok := m.Get(j)
		require.True(t, ok)
		require.Equal(t, j, v[0])
	}
	require.False(t, m.Has(i))

	defer func() {
		err, ok := recover().(error)
		require.True(t, ok)
		require.True(t, errors.Is(err, bump.ErrAllocationLimit))
	}()
	for j := i; ; j++ {
		m.Set(j, [8]int{})
	}
}

func TestTombstoneReuse(t *testing.T) {
	// A long run of inserts and deletes with a small live set must keep
	// the table small: tombstones are reclaimed by same-size rehashes.
	var b bump.Bump
	m := hashmap.New[int, int](&b)
	for i := range 100 {
		m.Set(i, i)
	}
	for i := 100; i < 200_000; i++ {
		m.Set(i, i)
		m.Delete(i - 100)
	}
	require.Equal(t, 100, m.Len())
	for i := 200_000 - 100; i < 200_000; i++ {
		require.True(t, m.Has(i))
	}
	require.Less(t, b.AllocatedBytes(), 1<<20, "table grew without bound")
}

func TestNewWithHasher(t *testing.T) {
	calls := 0
	h := func(seed maphash.Seed, k string) uint64 {
		calls++
		return maphash.String(seed, k)
	}
	m := hashmap.NewWithHasher[string, int](new(bump.Bump), h)
	for i := range 100 {
		m.Set(fmt.Sprint(i), i)
	}
	for i := range 100 {
		v, ok := m.Get(fmt.Sprint(i))
		require.True(t, ok)
		require.Equal(t, i, v)
	}
	require.Greater(t, calls, 200)
	require.Panics(t, func() { hashmap.NewWithHasher[string, int](nil, nil) })

	// A constant hash still works: every key collides.
	bad := hashmap.NewWithHasher[int, int](nil, func(maphash.Seed, int) uint64 { return 42 })
	for i := range 200 {
		bad.Set(i, -i)
	}
	for i := range 200 {
		v, ok := bad.Get(i)
		require.True(t, ok)
		require.Equal(t, -i, v)
	}
	for i := 0; i < 200; i += 3 {
		bad.Delete(i)
	}
	require.Equal(t, 200-67, bad.Len())
}

func TestClone(t *testing.T) {
	for _, al := range alloctest.Allocators {
		t.Run(al.Name, func(t *testing.T) {
			m := hashmap.New[int, int](al.New())
			require.Equal(t, 0, m.Clone().Len())
			for i := range 500 {
				m.Set(i, i*i)
			}
			for i := 0; i < 500; i += 5 {
				m.Delete(i)
			}
			c := m.Clone()
			require.Equal(t, m.Len(), c.Len())
			m.Set(1, -1)
			c.Set(2, -2)
			c.Set(1000, 0)
			v, _ := c.Get(1)
			require.Equal(t, 1, v, "the clone does not share storage")
			v, _ = m.Get(2)
			require.Equal(t, 4, v)
			require.False(t, m.Has(1000))
			for i := range 500 {
				require.Equal(t, i%5 != 0, c.Has(i))
			}
		})
	}
}

func TestGrowthFreesOldTable(t *testing.T) {
	// On a Bump, a map grown to n entries should hold about twice its
	// final table, not the sum of every table it ever had.
	var b bump.Bump
	m := hashmap.New[int64, int64](&b)
	for i := range int64(100_000) {
		m.Set(i, i)
	}
	// 16384 groups * 8 slots * 16 bytes = 2 MiB in the final table.
	require.Less(t, b.AllocatedBytes(), 8<<20)
}

func TestSeedPerMap(t *testing.T) {
	// Each map gets its own random seed, so keys chosen to collide in one
	// map do not collide in another.
	seeds := map[maphash.Seed]bool{}
	for range 10 {
		var seen maphash.Seed
		h := func(seed maphash.Seed, k int) uint64 {
			seen = seed
			return maphash.Comparable(seed, k)
		}
		m := hashmap.NewWithHasher[int, int](nil, h)
		m.Set(1, 1)
		seeds[seen] = true
	}
	require.Len(t, seeds, 10)
}
