package vec_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

// These tests pass a Vec its own elements, or change it from inside a
// callback, the ways the same code works with a slice and append. A Vec
// of strings is used so that storage the Vec gives back early (a Bump
// clears freed pointer-holding storage) shows up as empty strings.

// pin makes the Vec's storage no longer the newest allocation in a, so
// that its next growth must move the elements.
func pin(a bump.Allocator) {
	if b, ok := a.(*bump.Bump); ok {
		_ = bump.MakeSlice[string](b, 1, 1)
		_ = bump.New[int](b)
	}
}

func strs(n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}

func TestAppendSliceAliasing(t *testing.T) {
	for _, spare := range []int{0, 10} {
		t.Run("spare="+strconv.Itoa(spare), func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				v := vec.WithCapacity[string](a, 5+spare)
				v.AppendSlice(strs(5))
				pin(a)
				want := slices.Concat(v.Slice(), v.Slice()[1:4])
				v.AppendSlice(v.Slice()[1:4])
				require.Equal(t, want, elems(v))

				want = slices.Concat(v.Slice(), v.Slice())
				pin(a)
				require.NoError(t, v.TryAppendSlice(v.Slice()))
				require.Equal(t, want, elems(v))
			})
		})
	}
}

func TestInsertAliasing(t *testing.T) {
	tests := []struct {
		name string
		i    int
		from func(s []string) []string
	}{
		{"front-tail", 0, func(s []string) []string { return s[1:] }},
		{"front-all", 0, func(s []string) []string { return s }},
		{"middle-head", 2, func(s []string) []string { return s[:3] }},
		{"middle-tail", 2, func(s []string) []string { return s[3:] }},
		{"middle-overlapping", 2, func(s []string) []string { return s[1:4] }},
		{"end-all", 5, func(s []string) []string { return s }},
	}
	for _, tc := range tests {
		for _, spare := range []int{0, 10} {
			t.Run(tc.name+"/spare="+strconv.Itoa(spare), func(t *testing.T) {
				alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
					v := vec.WithCapacity[string](a, 5+spare)
					v.AppendSlice(strs(5))
					pin(a)
					xs := tc.from(v.Slice())
					want := slices.Insert(slices.Clone(v.Slice()), tc.i, xs...)
					v.Insert(tc.i, xs...)
					require.Equal(t, want, elems(v))
				})
			})
		}
	}
}

// TestExtendFromItself extends a Vec with its own values, which with a
// slice is slices.AppendSeq(s, slices.Values(s)).
func TestExtendFromItself(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.From(a, strs(5))
		pin(a)
		v.Extend(v.Values())
		require.Equal(t, slices.Concat(strs(5), strs(5)), elems(v))
	})
}

// TestExtendSourceChangesVec extends a Vec from an iterator that itself
// pushes to the Vec: every value lands, in the order it was added.
func TestExtendSourceChangesVec(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.New[string](a)
		var want []string
		seq := func(yield func(string) bool) {
			for i := range 100 {
				x := strconv.Itoa(i)
				v.Push("pushed " + x)
				want = append(want, "pushed "+x)
				if i%7 == 0 {
					pin(a)
				}
				want = append(want, x)
				if !yield(x) {
					return
				}
			}
		}
		v.Extend(seq)
		require.Equal(t, want, elems(v))
	})
}

// TestIterateWhilePushing pushes to a Vec while ranging over it, which
// with a slice sees the elements the slice held when the loop started.
func TestIterateWhilePushing(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.From(a, strs(50))
		var got []string
		for i, x := range v.All() {
			got = append(got, x)
			v.Push(x + "!")
			if i%10 == 0 {
				pin(a)
			}
		}
		require.Equal(t, strs(50), got)

		got = got[:0]
		for x := range v.Values() {
			got = append(got, x)
			v.Push(x)
			pin(a)
		}
		require.Len(t, got, 100)
		require.Equal(t, strs(50), got[:50])

		var idx []int
		for i := range v.Backward() {
			idx = append(idx, i)
			v.Push("")
			pin(a)
		}
		require.Len(t, idx, 200)
		require.Equal(t, 199, idx[0])
		require.Equal(t, 0, idx[199])
	})
}

// TestIterateWhileShrinking removes elements while ranging over a Vec:
// the iterators yield only elements that are still there.
func TestIterateWhileShrinking(t *testing.T) {
	v := vec.From(nil, strs(10))
	var got []string
	for i, x := range v.All() {
		got = append(got, x)
		if i == 3 {
			v.Truncate(5)
		}
	}
	require.Equal(t, strs(5), got)

	got = got[:0]
	for i, x := range v.Backward() {
		got = append(got, x)
		if i == 4 {
			v.Truncate(2)
		}
	}
	require.Equal(t, []string{"4", "1", "0"}, got)
}

// TestCompactFuncLikeCompactFunc checks CompactFunc against
// slices.CompactFunc with an eq that is not transitive, where comparing
// with the previous element and with the first of the run differ.
func TestCompactFuncLikeCompactFunc(t *testing.T) {
	near := func(a, b int) bool { return b-a == 1 || a-b == 1 }
	in := []int{1, 2, 3, 5, 4, 4, 8}
	v := vec.From(nil, in)
	v.CompactFunc(near)
	require.Equal(t, slices.CompactFunc(slices.Clone(in), near), elems(v))
}
