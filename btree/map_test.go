package btree_test

import (
	"bytes"
	"cmp"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

func allocators() map[string]bump.Allocator {
	return map[string]bump.Allocator{"heap": nil, "bump": new(bump.Bump)}
}

func TestNilAndZero(t *testing.T) {
	for name, m := range map[string]*btree.Map[int, string]{"nil": nil, "zero": new(btree.Map[int, string])} {
		t.Run(name, func(t *testing.T) {
			require.Zero(t, m.Len())
			_, ok := m.Get(1)
			require.False(t, ok)
			require.False(t, m.Has(1))
			require.Nil(t, m.Ptr(1))
			_, ok = m.Delete(1)
			require.False(t, ok)
			m.Clear()
			_, _, ok = m.Min()
			require.False(t, ok)
			_, _, ok = m.PopMax()
			require.False(t, ok)
			for range m.All() {
				t.Fatal("ranging over an empty map")
			}
			for range m.Descend(3) {
				t.Fatal("ranging over an empty map")
			}
		})
	}
	var m *btree.Map[int, string]
	require.Nil(t, m.Clone())
	require.PanicsWithValue(t, "btree: Set: write to nil Map", func() { m.Set(1, "a") })
	require.PanicsWithValue(t, "btree: Set: Map not made by New or NewFunc", func() { new(btree.Map[int, string]).Set(1, "a") })
	require.PanicsWithValue(t, "btree: NewFunc: nil comparison function", func() { btree.NewFunc[int, int](nil, nil) })
	b, err := m.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, "null", string(b))
}

func TestCopyCheck(t *testing.T) {
	m := btree.New[int, int](nil)
	m.Set(1, 1)
	// A copy by value, made with reflect so that go vet's copylocks
	// check does not refuse the test.
	c := new(btree.Map[int, int])
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(m).Elem())
	require.PanicsWithValue(t, "btree: Set: Map copied by value after first use", func() { c.Set(2, 2) })
	require.PanicsWithValue(t, "btree: Delete: Map copied by value after first use", func() { c.Delete(1) })
	v, ok := c.Get(1) // reading through a copy is fine
	require.True(t, ok)
	require.Equal(t, 1, v)
}

func TestErrors(t *testing.T) {
	m := btree.New[int, int](nil)
	require.PanicsWithValue(t, "btree: Grow: negative count -1", func() { m.Grow(-1) })
	require.PanicsWithValue(t, "btree: TryGrow: negative count -2", func() { _ = m.TryGrow(-2) })
	err := btree.New[int, int](nil).TryGrow(math.MaxInt)
	require.ErrorIs(t, err, bump.ErrInvalidSize)
}

// TestFailureLeavesMapUnchanged fills maps in a limited arena until an
// insertion fails, and checks that the failure changed neither the map
// nor the arena, and that TryGrow's promise holds.
func TestFailureLeavesMapUnchanged(t *testing.T) {
	var b bump.Bump
	b.SetAllocationLimit(64 << 10)
	m := btree.New[int, int](&b)
	var err error
	i := 0
	for ; err == nil; i++ {
		err = m.TrySet(i*7%10007, i)
	}
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.True(t, strings.HasPrefix(err.Error(), "btree: TrySet: bump: "), err.Error())
	n, used := m.Len(), b.AllocatedBytes()
	require.Equal(t, i-1, n)
	require.Panics(t, func() { m.Set((i-1)*7%10007, 0) })
	require.Equal(t, n, m.Len())
	require.Equal(t, used, b.AllocatedBytes())
	require.False(t, m.Has((i-1)*7%10007))
	// Deleting frees nodes for later insertions: after TryGrow(k)
	// succeeds, k insertions cannot fail. (TryGrow counts on the worst
	// case, nodes half full, so it asks for less than was deleted.)
	for j := range 3 * n / 4 {
		m.Delete(j * 7 % 10007)
	}
	require.NoError(t, m.TryGrow(n/8))
	used = b.AllocatedBytes()
	for j := range n / 8 {
		require.NoError(t, m.TrySet(20000+j, j))
	}
	require.Equal(t, used, b.AllocatedBytes())
}

// TestGrowThenInsertAllocatesNothing checks Grow's promise for insertion
// orders that leave nodes as empty as they can be (ascending and
// descending) and for a random one.
func TestGrowThenInsertAllocatesNothing(t *testing.T) {
	for _, n := range []int{1, 63, 64, 1000, 20000} {
		orders := map[string]func(i int) int{
			"ascending":  func(i int) int { return i },
			"descending": func(i int) int { return -i },
			"scattered":  func(i int) int { return i * 7919 % 1000003 },
		}
		for name, key := range orders {
			var b bump.Bump
			m := btree.New[int, int](&b)
			m.Set(math.MinInt, 0)
			m.Grow(n)
			used := b.AllocatedBytes()
			for i := range n {
				m.Set(key(i), i)
			}
			require.Equal(t, used, b.AllocatedBytes(), "%s %d", name, n)
		}
	}
}

func TestEntryAndPtr(t *testing.T) {
	m := btree.New[string, int](nil)
	for _, w := range strings.Fields("a b a c b a") {
		p, _ := m.Entry(w)
		*p++
	}
	require.Equal(t, []string{"a", "b", "c"}, slices.Collect(m.Keys()))
	require.Equal(t, []int{3, 2, 1}, slices.Collect(m.Values()))
	*m.Ptr("c") = 10
	v, _ := m.Get("c")
	require.Equal(t, 10, v)
	p, present := m.Entry("a")
	require.True(t, present)
	require.Equal(t, 3, *p)
}

func TestFloatKeys(t *testing.T) {
	m := btree.New[float64, string](nil)
	m.Set(1, "one")
	m.Set(math.NaN(), "nan")
	m.Set(math.Copysign(0, -1), "-0")
	m.Set(0, "+0")
	m.Set(math.NaN(), "nan2")
	m.Set(math.Inf(-1), "-inf")
	require.Equal(t, 4, m.Len())
	v, ok := m.Get(math.NaN())
	require.True(t, ok)
	require.Equal(t, "nan2", v)
	v, _ = m.Get(math.Copysign(0, -1))
	require.Equal(t, "+0", v)
	keys := slices.Collect(m.Keys())
	require.True(t, math.IsNaN(keys[0]))
	require.Equal(t, []float64{math.Inf(-1), 0, 1}, keys[1:])
	require.False(t, math.Signbit(keys[2]), "Set replaces the key, as a Go map does")
}

func TestNewFunc(t *testing.T) {
	m := btree.NewFunc[[]byte, int](new(bump.Bump), bytes.Compare)
	for i, s := range strings.Fields("pear apple fig banana") {
		m.Set([]byte(s), i)
	}
	var got []string
	for k := range m.Backward() {
		got = append(got, string(k))
	}
	require.Equal(t, []string{"pear", "fig", "banana", "apple"}, got)
	// A reversed order.
	r := btree.NewFunc[int, int](nil, func(a, b int) int { return cmp.Compare(b, a) })
	for i := range 200 {
		r.Set(i, i)
	}
	k, _, _ := r.Min()
	require.Equal(t, 199, k)
}

// TestModifyDuringIteration checks the documented rule: the iteration
// goes on after the last key it produced, in the map as it is now.
func TestModifyDuringIteration(t *testing.T) {
	m := btree.New[int, int](new(bump.Bump))
	for i := range 1000 {
		m.Set(i*2, i)
	}
	// Deleting everything while ranging: each key produced once.
	var got []int
	for k := range m.All() {
		got = append(got, k)
		m.Delete(k)
		m.Delete(k + 2) // the next key: never produced
	}
	for i, k := range got {
		require.Equal(t, i*4, k)
	}
	require.Zero(t, m.Len())

	for i := range 1000 {
		m.Set(i*2, i)
	}
	// Inserting ahead and behind: keys ahead are produced, keys behind
	// are not, and nothing twice.
	got = got[:0]
	for k := range m.All() {
		got = append(got, k)
		if k%2 == 0 && k < 1000 {
			m.Set(k+1, 0)  // ahead
			m.Set(-k-1, 0) // behind
		}
	}
	require.True(t, slices.IsSorted(got))
	require.Equal(t, len(got), len(slices.Compact(slices.Clone(got))))
	require.Len(t, got, 1000+500)
	// Backward, with Clear in the middle: the iteration ends.
	n := 0
	for range m.Backward() {
		if n++; n == 10 {
			m.Clear()
		}
	}
	require.Equal(t, 10, n)
}

func TestIterationStops(t *testing.T) {
	m := btree.New[int, int](nil)
	for i := range 500 {
		m.Set(i, i)
	}
	for _, seq := range []func(func(int, int) bool){m.All(), m.Backward(), m.Ascend(100), m.Descend(400)} {
		n := 0
		for range seq {
			if n++; n == 77 {
				break
			}
		}
		require.Equal(t, 77, n)
	}
	var ks []int
	for k := range m.Ascend(495) {
		ks = append(ks, k)
	}
	require.Equal(t, []int{495, 496, 497, 498, 499}, ks)
	ks = ks[:0]
	for k := range m.Descend(3) {
		ks = append(ks, k)
	}
	require.Equal(t, []int{3, 2, 1, 0}, ks)
}

func TestCloneIndependent(t *testing.T) {
	for name, a := range allocators() {
		t.Run(name, func(t *testing.T) {
			m := btree.New[int, int](a)
			for i := range 3000 {
				m.Set(i, i)
			}
			c := m.Clone()
			for i := range 3000 {
				if i%3 == 0 {
					c.Delete(i)
				} else {
					c.Set(i, -i)
				}
			}
			require.Equal(t, 3000, m.Len())
			for k, v := range m.All() {
				require.Equal(t, k, v)
			}
			require.Equal(t, 2000, c.Len())
			for k, v := range c.All() {
				require.Equal(t, -k, v)
			}
		})
	}
	var b bump.Bump
	b.SetAllocationLimit(32 << 10)
	m := btree.New[int, int](&b)
	for i := 0; m.TrySet(i, i) == nil; i++ {
	}
	used := b.AllocatedBytes()
	err := func() (err error) {
		defer func() { err = recover().(error) }()
		m.Clone()
		return nil
	}()
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.True(t, strings.HasPrefix(err.Error(), "btree: Clone: "), err.Error())
	require.Equal(t, used, b.AllocatedBytes())
}

// TestArenaSteadyStateAllocatesNothing checks the goal: in an arena, a
// warm map makes no Go-heap allocation per operation.
func TestArenaSteadyStateAllocatesNothing(t *testing.T) {
	var b bump.Bump
	m := btree.New[int, int](&b)
	for i := range 10000 {
		m.Set(i, i)
	}
	// New itself takes nothing from the Go heap in an arena (but in the
	// checked build its lifetime tags do).
	if allocs := testing.AllocsPerRun(100, func() { btree.New[int, int](&b).Set(1, 1) }); allocs != 0 && !lifecheck.Enabled {
		t.Fatalf("New and a Set in an arena: %v Go-heap allocations", allocs)
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		m.Delete(i)
		m.Set(i+10000, i)
		m.Get(i + 5000)
		for range m.Ascend(i + 100) {
			break
		}
		i++
	})
	require.Zero(t, allocs)
}

func TestSet(t *testing.T) {
	s := btree.NewSet[string](new(bump.Bump))
	for _, w := range strings.Fields("to be or not to be") {
		s.Add(w)
	}
	require.Equal(t, 4, s.Len())
	require.True(t, s.Has("or"))
	require.False(t, s.Add("be"))
	require.True(t, s.Delete("be"))
	require.False(t, s.Delete("be"))
	require.Equal(t, []string{"not", "or", "to"}, slices.Collect(s.All()))
	require.Equal(t, []string{"to", "or", "not"}, slices.Collect(s.Backward()))
	c := s.Clone()
	c.Add("zz")
	require.Equal(t, 3, s.Len())
	require.Equal(t, 4, c.Len())
	lo, _ := c.Min()
	hi, _ := c.PopMax()
	require.Equal(t, "not", lo)
	require.Equal(t, "zz", hi)
	var nilSet *btree.Set[int]
	require.Zero(t, nilSet.Len())
	require.False(t, nilSet.Has(1))
	require.PanicsWithValue(t, "btree: Add: write to nil Set", func() { nilSet.Add(1) })
	_, err := btree.NewSet[int](nil).TryAdd(1)
	require.NoError(t, err)
	require.False(t, errors.Is(err, bump.ErrAllocationLimit))
}
