package vec_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/alloctest"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

func TestZeroValue(t *testing.T) {
	var v vec.Vec[int]
	require.Equal(t, 0, v.Len())
	require.Equal(t, 0, v.Cap())
	require.Nil(t, v.Allocator())
	_, ok := v.Pop()
	require.False(t, ok)
	require.Empty(t, v.Slice())
	v.Clear()
	v.Truncate(0)
	v.ShrinkToFit()
	v.Push(1)
	v.Push(2)
	require.Equal(t, []int{1, 2}, v.Slice())
	require.Equal(t, "[1 2]", v.String())
}

func TestEmpty(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.New[string](a)
		require.Equal(t, a, v.Allocator())
		require.Equal(t, 0, v.Len())
		require.Equal(t, 0, v.Cap())
		require.Empty(t, v.IntoSlice())
		require.Equal(t, 0, v.Clone().Len())
		require.Equal(t, 0, v.SplitOff(0).Len())
		for range v.All() {
			t.Fatal("All yielded from an empty Vec")
		}
		for range v.Backward() {
			t.Fatal("Backward yielded from an empty Vec")
		}
		for range v.Values() {
			t.Fatal("Values yielded from an empty Vec")
		}
		v.Retain(func(string) bool { t.Fatal("Retain called keep"); return false })
		v.DedupFunc(func(string, string) bool { t.Fatal("DedupFunc called eq"); return false })
		v.AppendSlice(nil)
		require.Equal(t, 0, v.Len())
		require.Equal(t, 0, vec.From(a, []int{}).Len())
		require.Equal(t, 0, vec.Collect(a, slices.Values([]int(nil))).Len())
		require.Equal(t, 0, vec.WithCapacity[int](a, 0).Cap())
	})
}

func TestConstructors(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		src := []int{1, 2, 3}
		v := vec.From(a, src)
		src[0] = 99
		require.Equal(t, []int{1, 2, 3}, v.Slice(), "From copies")
		require.Equal(t, 3, v.Cap())

		w := vec.WithCapacity[int](a, 10)
		require.Equal(t, 0, w.Len())
		require.GreaterOrEqual(t, w.Cap(), 10)

		c := vec.Collect(a, slices.Values([]int{5, 6, 7}))
		require.Equal(t, []int{5, 6, 7}, c.Slice())
	})
}

func TestPushPop(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		const n = 5000
		v := vec.New[int](a)
		for i := range n {
			v.Push(i)
			require.LessOrEqual(t, v.Len(), v.Cap())
		}
		require.Equal(t, n, v.Len())
		for i, x := range v.All() {
			require.Equal(t, i, x)
		}
		for i := n - 1; i >= 0; i-- {
			x, ok := v.Pop()
			require.True(t, ok)
			require.Equal(t, i, x)
		}
		_, ok := v.Pop()
		require.False(t, ok)
	})
}

func TestAtSet(t *testing.T) {
	v := vec.From(nil, []string{"a", "b", "c"})
	v.Set(1, "B")
	require.Equal(t, "B", v.At(1))
	require.Equal(t, []string{"a", "B", "c"}, v.Slice())
}

func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		in   []int
		edit func(v *vec.Vec[int]) any
		want []int
		ret  any
	}{
		{"insert-front", []int{1, 2}, func(v *vec.Vec[int]) any { v.Insert(0, 8, 9); return nil }, []int{8, 9, 1, 2}, nil},
		{"insert-middle", []int{1, 2}, func(v *vec.Vec[int]) any { v.Insert(1, 7); return nil }, []int{1, 7, 2}, nil},
		{"insert-end", []int{1, 2}, func(v *vec.Vec[int]) any { v.Insert(2, 3); return nil }, []int{1, 2, 3}, nil},
		{"insert-empty", nil, func(v *vec.Vec[int]) any { v.Insert(0, 1); return nil }, []int{1}, nil},
		{"insert-nothing", []int{1}, func(v *vec.Vec[int]) any { v.Insert(1); return nil }, []int{1}, nil},
		{"remove-first", []int{1, 2, 3}, func(v *vec.Vec[int]) any { return v.Remove(0) }, []int{2, 3}, 1},
		{"remove-last", []int{1, 2, 3}, func(v *vec.Vec[int]) any { return v.Remove(2) }, []int{1, 2}, 3},
		{"swapremove-first", []int{1, 2, 3}, func(v *vec.Vec[int]) any { return v.SwapRemove(0) }, []int{3, 2}, 1},
		{"swapremove-last", []int{1, 2, 3}, func(v *vec.Vec[int]) any { return v.SwapRemove(2) }, []int{1, 2}, 3},
		{"truncate", []int{1, 2, 3}, func(v *vec.Vec[int]) any { v.Truncate(1); return nil }, []int{1}, nil},
		{"truncate-beyond", []int{1, 2, 3}, func(v *vec.Vec[int]) any { v.Truncate(7); return nil }, []int{1, 2, 3}, nil},
		{"truncate-zero", []int{1, 2, 3}, func(v *vec.Vec[int]) any { v.Truncate(0); return nil }, []int{}, nil},
		{"clear", []int{1, 2, 3}, func(v *vec.Vec[int]) any { v.Clear(); return nil }, []int{}, nil},
		{"retain-even", []int{1, 2, 3, 4, 6}, func(v *vec.Vec[int]) any { v.Retain(func(x int) bool { return x%2 == 0 }); return nil }, []int{2, 4, 6}, nil},
		{"retain-none", []int{1, 3}, func(v *vec.Vec[int]) any { v.Retain(func(int) bool { return false }); return nil }, []int{}, nil},
		{"dedup", []int{1, 1, 2, 2, 2, 1, 3, 3}, func(v *vec.Vec[int]) any { vec.Dedup(v); return nil }, []int{1, 2, 1, 3}, nil},
		{"dedup-one", []int{4}, func(v *vec.Vec[int]) any { vec.Dedup(v); return nil }, []int{4}, nil},
		{"dedupfunc", []int{1, 3, 5, 2, 4, 7}, func(v *vec.Vec[int]) any {
			v.DedupFunc(func(a, b int) bool { return a%2 == b%2 })
			return nil
		}, []int{1, 2, 7}, nil},
		{"splitoff-middle", []int{1, 2, 3, 4}, func(v *vec.Vec[int]) any { return v.SplitOff(1).Slice() }, []int{1}, []int{2, 3, 4}},
		{"splitoff-end", []int{1, 2}, func(v *vec.Vec[int]) any { return v.SplitOff(2).Slice() }, []int{1, 2}, []int{}},
		{"splitoff-start", []int{1, 2}, func(v *vec.Vec[int]) any { return v.SplitOff(0).Slice() }, []int{}, []int{1, 2}},
		{"appendslice", []int{1}, func(v *vec.Vec[int]) any { v.AppendSlice([]int{2, 3}); return nil }, []int{1, 2, 3}, nil},
		{"extend", []int{1}, func(v *vec.Vec[int]) any { v.Extend(slices.Values([]int{2, 3})); return nil }, []int{1, 2, 3}, nil},
		{"extend-break-source", []int{1}, func(v *vec.Vec[int]) any {
			v.Extend(func(yield func(int) bool) { _ = yield(2) && yield(3) })
			return nil
		}, []int{1, 2, 3}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				v := vec.From(a, tc.in)
				ret := tc.edit(v)
				require.Equal(t, tc.want, elems(v))
				if r, ok := ret.([]int); ok {
					ret = append([]int{}, r...)
				}
				require.Equal(t, tc.ret, ret)
				// The remaining capacity is usable and unaffected by the edit.
				v.Push(42)
				require.Equal(t, append(slices.Clone(tc.want), 42), elems(v))
			})
		})
	}
}

func TestIterators(t *testing.T) {
	v := vec.From(nil, []string{"a", "b", "c"})
	var fwd, back []string
	var idx []int
	for i, x := range v.All() {
		idx = append(idx, i)
		fwd = append(fwd, x)
	}
	for i, x := range v.Backward() {
		idx = append(idx, i)
		back = append(back, x)
	}
	require.Equal(t, []string{"a", "b", "c"}, fwd)
	require.Equal(t, []string{"c", "b", "a"}, back)
	require.Equal(t, []int{0, 1, 2, 2, 1, 0}, idx)
	require.Equal(t, []string{"a", "b", "c"}, slices.Collect(v.Values()))

	// Breaking out early stops each iterator.
	for _, seq := range []func(func(int, string) bool){v.All(), v.Backward()} {
		n := 0
		for range seq {
			n++
			break
		}
		require.Equal(t, 1, n)
	}
	n := 0
	for range v.Values() {
		n++
		break
	}
	require.Equal(t, 1, n)
}

func TestSliceIsView(t *testing.T) {
	v := vec.From(nil, []int{1, 2, 3})
	s := v.Slice()
	s[0] = 10
	require.Equal(t, 10, v.At(0))
	require.Equal(t, len(s), cap(s), "appending to the view must not write into v")
	_ = append(s, 4)
	v.Push(5)
	require.Equal(t, []int{10, 2, 3, 5}, v.Slice())
}

func TestIntoSlice(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.WithCapacity[int](a, 8)
		v.AppendSlice([]int{1, 2, 3})
		s := v.IntoSlice()
		require.Equal(t, []int{1, 2, 3}, s)
		require.GreaterOrEqual(t, cap(s), 8, "IntoSlice hands over the whole allocation")
		require.Equal(t, 0, v.Len())
		require.Equal(t, 0, v.Cap())
		require.Equal(t, a, v.Allocator())
		// v starts again with new storage and does not touch s.
		v.Push(7)
		require.Equal(t, []int{1, 2, 3}, s)
		require.Equal(t, []int{7}, v.Slice())
	})
}

func TestClone(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.From(a, []int{1, 2})
		c := v.Clone()
		c.Set(0, 5)
		c.Push(3)
		require.Equal(t, []int{1, 2}, v.Slice())
		require.Equal(t, []int{5, 2, 3}, c.Slice())
		require.Equal(t, a, c.Allocator())
	})
}

func TestReserve(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.From(a, []int{1, 2})
		v.Reserve(100)
		require.GreaterOrEqual(t, v.Cap(), 102)
		c := v.Cap()
		p := unsafe.SliceData(v.Slice())
		for i := range 100 {
			v.Push(i)
		}
		require.Equal(t, c, v.Cap(), "no growth within reserved room")
		require.Same(t, p, unsafe.SliceData(v.Slice()))
		require.NoError(t, v.TryReserve(0))
		require.Equal(t, []int{1, 2, 0, 1}, v.Slice()[:4])
	})
}

func TestShrinkToFit(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.WithCapacity[int](a, 100)
		v.AppendSlice([]int{1, 2, 3})
		v.ShrinkToFit()
		require.Equal(t, 3, v.Cap())
		require.Equal(t, []int{1, 2, 3}, v.Slice())
		v.Clear()
		v.ShrinkToFit()
		require.Equal(t, 0, v.Cap())
		v.Push(4)
		require.Equal(t, []int{4}, v.Slice())
	})
}

// TestShrinkGivesBack checks that shrinking the newest allocation of a
// Bump in place lets the next allocation reuse the space.
func TestShrinkGivesBack(t *testing.T) {
	b := bump.WithCapacity(1 << 12)
	v := vec.WithCapacity[int](b, 100)
	v.AppendSlice([]int{1, 2, 3})
	v.ShrinkToFit()
	next := bump.New[int](b)
	require.Equal(t, unsafe.Pointer(&v.Slice()[0]), unsafe.Add(unsafe.Pointer(next), -3*8),
		"the allocation after a shrunk Vec starts right after its elements")
}

// TestGrowInPlace checks that a Vec that is the newest allocation of its
// chunk grows without moving, and that one that is not moves and keeps
// its elements.
func TestGrowInPlace(t *testing.T) {
	b := bump.WithCapacity(1 << 16)
	v := vec.New[int](b)
	v.Push(0)
	p := unsafe.SliceData(v.Slice())
	for i := 1; i < 1000; i++ {
		v.Push(i)
	}
	require.Same(t, p, unsafe.SliceData(v.Slice()), "grew in place")

	_ = bump.New[int](b) // v is no longer the newest allocation
	c := v.Cap()
	for i := v.Len(); i <= c; i++ {
		v.Push(i)
	}
	require.NotSame(t, p, unsafe.SliceData(v.Slice()), "moved")
	for i, x := range v.All() {
		require.Equal(t, i, x)
	}
}

// TestGrowthAcrossChunks pushes more than a chunk holds, with other
// allocations interleaved so that some growth must move the elements
// to a new chunk.
func TestGrowthAcrossChunks(t *testing.T) {
	for _, elemType := range []string{"int", "string"} {
		t.Run(elemType, func(t *testing.T) {
			var b bump.Bump
			ints := vec.New[int](&b)
			strs := vec.New[string](&b)
			const n = 200_000
			for i := range n {
				if elemType == "int" {
					ints.Push(i)
				} else {
					strs.Push(fmt.Sprint(i))
				}
				if i%1000 == 0 {
					_ = bump.New[[3]int](&b)
					_ = bump.New[*int](&b)
				}
			}
			chunks := 0
			for range b.Chunks() {
				chunks++
			}
			require.Greater(t, chunks, 2)
			for i := range n {
				if elemType == "int" {
					require.Equal(t, i, ints.At(i))
				} else {
					require.Equal(t, fmt.Sprint(i), strs.At(i))
				}
			}
		})
	}
}

func TestAllocationLimit(t *testing.T) {
	newFull := func() (*bump.Bump, *vec.Vec[int]) {
		b := bump.WithCapacity(1 << 10)
		v := vec.From(b, []int{1, 2, 3})
		b.SetAllocationLimit(b.AllocatedBytes())
		return b, v
	}
	tests := []struct {
		name string
		op   func(v *vec.Vec[int]) error
	}{
		{"TryReserve", func(v *vec.Vec[int]) error { return v.TryReserve(1 << 20) }},
		{"TryAppendSlice", func(v *vec.Vec[int]) error { return v.TryAppendSlice(make([]int, 1<<20)) }},
		{"TryPush", func(v *vec.Vec[int]) error {
			for {
				if err := v.TryPush(0); err != nil {
					return err
				}
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, v := newFull()
			before := slices.Clone(v.Slice())
			err := tc.op(v)
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.Equal(t, before, v.Slice()[:3], "v keeps its elements")
			if tc.name != "TryPush" {
				require.Equal(t, before, v.Slice(), "v is unchanged")
			}
		})
	}

	panicking := []struct {
		name string
		op   func(v *vec.Vec[int])
	}{
		{"Reserve", func(v *vec.Vec[int]) { v.Reserve(1 << 20) }},
		{"AppendSlice", func(v *vec.Vec[int]) { v.AppendSlice(make([]int, 1<<20)) }},
		{"Insert", func(v *vec.Vec[int]) { v.Insert(0, make([]int, 1<<20)...) }},
		{"Push", func(v *vec.Vec[int]) {
			for {
				v.Push(0)
			}
		}},
		{"Extend", func(v *vec.Vec[int]) {
			v.Extend(func(yield func(int) bool) {
				for yield(0) {
				}
			})
		}},
	}
	for _, tc := range panicking {
		t.Run(tc.name, func(t *testing.T) {
			_, v := newFull()
			err := alloctest.Catch(func() { tc.op(v) })
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.Equal(t, []int{1, 2, 3}, v.Slice()[:3])
		})
	}

	t.Run("invalid-size", func(t *testing.T) {
		v := vec.From(nil, []int{1})
		err := v.TryReserve(int(^uint(0) >> 1))
		require.ErrorIs(t, err, bump.ErrInvalidSize)
		require.Equal(t, []int{1}, v.Slice())
	})
}

// elems returns a copy of v's elements that is never nil, for comparing
// with slice literals.
func elems[T any](v *vec.Vec[T]) []T {
	return append([]T{}, v.Slice()...)
}

func TestPanics(t *testing.T) {
	v := func() *vec.Vec[int] { return vec.From(nil, []int{1, 2, 3}) }
	tests := []struct {
		name string
		f    func()
		msg  string
	}{
		{"At", func() { v().At(7) }, "vec: index 7 out of range [0:3]"},
		{"At-negative", func() { v().At(-1) }, "vec: index -1 out of range [0:3]"},
		{"At-empty", func() { vec.New[int](nil).At(0) }, "vec: index 0 out of range [0:0]"},
		{"Set", func() { v().Set(3, 0) }, "vec: index 3 out of range [0:3]"},
		{"Remove", func() { v().Remove(3) }, "vec: index 3 out of range [0:3]"},
		{"SwapRemove", func() { v().SwapRemove(-2) }, "vec: index -2 out of range [0:3]"},
		{"Insert", func() { v().Insert(4, 0) }, "vec: Insert index 4 out of range [0:4]"},
		{"Insert-negative", func() { v().Insert(-1, 0) }, "vec: Insert index -1 out of range [0:4]"},
		{"SplitOff", func() { v().SplitOff(5) }, "vec: SplitOff index 5 out of range [0:4]"},
		{"Truncate", func() { v().Truncate(-1) }, "vec: negative Truncate length -1"},
		{"Reserve", func() { v().Reserve(-1) }, "vec: negative Reserve count -1"},
		{"TryReserve", func() { _ = v().TryReserve(-3) }, "vec: negative Reserve count -3"},
		{"WithCapacity", func() { vec.WithCapacity[int](nil, -1) }, "vec: negative capacity -1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.PanicsWithValue(t, tc.msg, tc.f)
		})
	}
}

func TestZeroSizeElements(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.New[struct{}](a)
		for range 1000 {
			v.Push(struct{}{})
		}
		require.Equal(t, 1000, v.Len())
		_, ok := v.Pop()
		require.True(t, ok)
		require.Equal(t, 999, v.Len())
	})
}

func TestResetReuse(t *testing.T) {
	var b bump.Bump
	for round := range 3 {
		v := vec.New[int](&b)
		for i := range 10_000 {
			v.Push(i + round)
		}
		require.Equal(t, round, v.At(0))
		require.Equal(t, 9999+round, v.At(9999))
		b.Reset()
	}
}

func TestErrorsWrap(t *testing.T) {
	b := bump.WithCapacity(64)
	b.SetAllocationLimit(b.AllocatedBytes())
	err := vec.New[int](b).TryReserve(1000)
	require.True(t, errors.Is(err, bump.ErrAllocationLimit))
	require.Contains(t, err.Error(), "vec:")
}
