package bump_test

import (
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestAppendLikeAppend(t *testing.T) {
	var b bump.Bump
	var s, want []int
	for i := range 5000 {
		vs := []int{i, -i, i * 3}[:i%4%3+1]
		s = bump.Append(&b, s, vs...)
		want = append(want, vs...)
		require.Equal(t, len(want), len(s))
	}
	require.Equal(t, want, s)
	require.Nil(t, bump.Append[int](&b, nil))
	require.Equal(t, []int{}, bump.Append(&b, []int{}))
	requireChunksAccounted(t, &b)
}

// TestAppendGrowsInPlace checks that a slice that is the newest allocation
// keeps its storage while it grows, for pointer-free types of every size
// class (whose capacity Append rounds to whole words) and pointer-holding
// ones.
func TestAppendGrowsInPlace(t *testing.T) {
	testAppendInPlace(t, "byte", func(i int) byte { return byte(i) })
	testAppendInPlace(t, "[3]byte", func(i int) [3]byte { return [3]byte{byte(i)} })
	testAppendInPlace(t, "int32", func(i int) int32 { return int32(i) })
	testAppendInPlace(t, "small", func(i int) small { return small{a: int64(i)} })
	testAppendInPlace(t, "string", func(i int) string { return fmt.Sprint(i) })
	testAppendInPlace(t, "node", func(i int) node { return node{a: int64(i)} })
}

func testAppendInPlace[T comparable](t *testing.T, name string, val func(int) T) {
	t.Run(name, func(t *testing.T) {
		// A first round leaves a chunk big enough for the whole slice.
		b := new(bump.Bump)
		for range 40000 {
			bump.New[T](b)
		}
		b.Reset()
		s := bump.Append(b, nil, val(0))
		base := unsafe.SliceData(s)
		for i := 1; i < 1000; i++ {
			s = bump.Append(b, s, val(i))
		}
		require.Same(t, base, unsafe.SliceData(s), "the newest allocation grows in place")
		for i := range s {
			require.Equal(t, val(i), s[i])
		}
		requireChunksAccounted(t, b)
	})
}

// TestAppendLeavesForeignStorage checks that Append never writes to,
// clears or resizes storage that is not the Bump's newest allocation:
// Go-heap slices, slices of another arena, sub-slices of older or larger
// allocations, and slices protected by a checkpoint.
func TestAppendLeavesForeignStorage(t *testing.T) {
	var b, other bump.Bump
	cases := []struct {
		name string
		// make returns the slice to append to and the storage it views,
		// whose contents Append must leave alone.
		make func() (s, storage []int)
	}{
		{"heap", func() ([]int, []int) {
			h := []int{1, 2, 3, 4}
			return h[:3:3], h
		}},
		{"other arena", func() ([]int, []int) {
			o := bump.MakeSlice[int](&other, 4, 4)
			return o[:3:3], o
		}},
		{"prefix of the newest", func() ([]int, []int) {
			x := bump.MakeSlice[int](&b, 4, 4)
			return x[:3:3], x
		}},
		{"older", func() ([]int, []int) {
			x := bump.MakeSlice[int](&b, 4, 4)
			bump.New[int](&b)
			return x[:4:4], x
		}},
		{"prefix of a large allocation", func() ([]int, []int) {
			x := bump.MakeSlice[int](&b, 40000, 40000)
			return x[:3:3], x
		}},
		{"prefix of a typed handle's window", func() ([]int, []int) {
			h := bump.Of[int](&b)
			x := h.MakeSlice(4, 4)
			return x[:3:3], x
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, storage := c.make()
			for i := range storage {
				storage[i] = 100 + i
			}
			before := slices.Clone(storage)
			heldOther := other.AllocatedBytes()
			got := bump.Append(&b, s, 7, 8)
			require.Equal(t, append(slices.Clone(s), 7, 8), got)
			require.Equal(t, before, storage, "Append changed storage it does not own")
			require.Equal(t, heldOther, other.AllocatedBytes())
			require.NotSame(t, unsafe.SliceData(s), unsafe.SliceData(got), "moved to new storage")
		})
	}
	// A prefix of a pointer-holding large allocation.
	x := bump.MakeSlice[*int](&b, 40000, 40000)
	one := 1
	x[1] = &one
	got := bump.Append(&b, x[:1:1], nil)
	require.Same(t, &one, x[1])
	require.Len(t, got, 2)
	requireChunksAccounted(t, &b)
	requireChunksAccounted(t, &other)
}

// TestAppendCheckpoint checks that a slice from before a checkpoint moves
// instead of growing in place, so that ResetTo frees the growth and leaves
// the old slice intact.
func TestAppendCheckpoint(t *testing.T) {
	for _, ptrs := range []bool{false, true} {
		t.Run(fmt.Sprint("pointers=", ptrs), func(t *testing.T) {
			var b bump.Bump
			s := bump.Append[string](&b, nil, "a", "b", "c", "d")
			n := bump.Append[int](&b, nil, 1, 2, 3, 4)
			cp := b.Checkpoint()
			var grown []string
			var grownN []int
			if ptrs {
				grown = bump.Append(&b, s, "e")
				require.NotSame(t, unsafe.SliceData(s), unsafe.SliceData(grown))
			} else {
				grownN = bump.Append(&b, n, 5)
				require.NotSame(t, unsafe.SliceData(n), unsafe.SliceData(grownN))
			}
			require.NoError(t, b.ResetTo(cp))
			require.Equal(t, []string{"a", "b", "c", "d"}, s[:cap(s)])
			require.Equal(t, []int{1, 2, 3, 4}, n[:cap(n)])
			if bump.CheckedBuild { // which protects or poisons released memory
				return
			}
			if ptrs {
				//bumpvet:ignore reads the released memory to check that ResetTo zeroed it
				require.Equal(t, make([]string, 5), grown, "ResetTo zeroes the growth")
			} else {
				require.Equal(t, make([]int, 5), grownN) //bumpvet:ignore as above
			}
			// After the checkpoint is gone, the newest grows in place again.
			b.Reset()
			m := bump.Append[int](&b, nil, 1, 2, 3, 4)
			require.Same(t, unsafe.SliceData(m), unsafe.SliceData(bump.Append(&b, m, 5)))
		})
	}
}

func TestAppendAliasing(t *testing.T) {
	var b bump.Bump
	s := bump.Append[int](&b, nil, 1, 2, 3, 4)
	s = bump.Append(&b, s, s...) // grows in place
	require.Equal(t, []int{1, 2, 3, 4, 1, 2, 3, 4}, s)
	bump.New[int](&b)
	s = bump.Append(&b, s, s...) // moves
	require.Equal(t, []int{1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4}, s)
}

func TestTryAppendLimit(t *testing.T) {
	var b bump.Bump
	s := bump.Append[int](&b, nil, 1, 2, 3, 4)
	b.SetAllocationLimit(b.AllocatedBytes())
	bump.New[[64]byte](&b) // so that s cannot grow in place
	held := b.AllocatedBytes()
	for {
		before := slices.Clone(s)
		got, err := bump.TryAppend(&b, s, 5)
		if err != nil {
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.Equal(t, before, got, "on error TryAppend returns s")
			require.Equal(t, before, s[:len(before)])
			require.Equal(t, held, b.AllocatedBytes())
			_, want := bump.TryMakeSlice[int](&b, len(s)+1, len(s)+1)
			require.Error(t, want, "TryAppend failed where the Bump had room")
			require.Panics(t, func() { bump.Append(&b, s, 5) })
			return
		}
		s = got
	}
}

func TestAppendZeroSize(t *testing.T) {
	var b bump.Bump
	s := bump.Append(&b, nil, struct{}{}, struct{}{})
	require.Len(t, s, 2)
	require.Zero(t, b.AllocatedBytes())
}

var sinkInt int

func TestAppendAllocs(t *testing.T) {
	if bump.CheckedBuild {
		t.Skip("the checked build takes fresh chunks while released ones are in quarantine")
	}
	var b bump.Bump
	round := func() {
		var s []int
		var p []*int
		for i := range 10_000 {
			s = bump.Append(&b, s, i)
			if i%10 == 0 {
				p = bump.Append(&b, p, &sinkInt)
			}
		}
		b.Reset()
	}
	for range 3 {
		round()
	}
	require.Zero(t, testing.AllocsPerRun(10, round))
}
