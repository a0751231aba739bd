package vec_test

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
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
	v.Clip()
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
		v.DeleteFunc(func(string) bool { t.Fatal("DeleteFunc called del"); return false })
		v.CompactFunc(func(string, string) bool { t.Fatal("CompactFunc called eq"); return false })
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
		{"deletefunc-odd", []int{1, 2, 3, 4, 6}, func(v *vec.Vec[int]) any { v.DeleteFunc(func(x int) bool { return x%2 != 0 }); return nil }, []int{2, 4, 6}, nil},
		{"deletefunc-all", []int{1, 3}, func(v *vec.Vec[int]) any { v.DeleteFunc(func(int) bool { return true }); return nil }, []int{}, nil},
		{"deletefunc-none", []int{1, 3}, func(v *vec.Vec[int]) any { v.DeleteFunc(func(int) bool { return false }); return nil }, []int{1, 3}, nil},
		{"delete-middle", []int{1, 2, 3, 4}, func(v *vec.Vec[int]) any { v.Delete(1, 3); return nil }, []int{1, 4}, nil},
		{"delete-empty-range", []int{1, 2}, func(v *vec.Vec[int]) any { v.Delete(1, 1); return nil }, []int{1, 2}, nil},
		{"delete-all", []int{1, 2}, func(v *vec.Vec[int]) any { v.Delete(0, 2); return nil }, []int{}, nil},
		{"delete-at-end", []int{1, 2}, func(v *vec.Vec[int]) any { v.Delete(2, 2); return nil }, []int{1, 2}, nil},
		{"replace-same-length", []int{1, 2, 3}, func(v *vec.Vec[int]) any { v.Replace(1, 2, 9); return nil }, []int{1, 9, 3}, nil},
		{"replace-longer", []int{1, 2, 3}, func(v *vec.Vec[int]) any { v.Replace(1, 2, 7, 8, 9); return nil }, []int{1, 7, 8, 9, 3}, nil},
		{"replace-shorter", []int{1, 2, 3, 4}, func(v *vec.Vec[int]) any { v.Replace(0, 3, 5); return nil }, []int{5, 4}, nil},
		{"replace-with-nothing", []int{1, 2, 3}, func(v *vec.Vec[int]) any { v.Replace(0, 2); return nil }, []int{3}, nil},
		{"replace-empty-range", []int{1, 2}, func(v *vec.Vec[int]) any { v.Replace(1, 1, 5, 6); return nil }, []int{1, 5, 6, 2}, nil},
		{"replace-at-end", []int{1, 2}, func(v *vec.Vec[int]) any { v.Replace(2, 2, 3); return nil }, []int{1, 2, 3}, nil},
		{"dedup", []int{1, 1, 2, 2, 2, 1, 3, 3}, func(v *vec.Vec[int]) any { vec.Compact(v); return nil }, []int{1, 2, 1, 3}, nil},
		{"dedup-one", []int{4}, func(v *vec.Vec[int]) any { vec.Compact(v); return nil }, []int{4}, nil},
		{"dedupfunc", []int{1, 3, 5, 2, 4, 7}, func(v *vec.Vec[int]) any {
			v.CompactFunc(func(a, b int) bool { return a%2 == b%2 })
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
		v.Grow(100)
		require.GreaterOrEqual(t, v.Cap(), 102)
		c := v.Cap()
		p := unsafe.SliceData(v.Slice())
		for i := range 100 {
			v.Push(i)
		}
		require.Equal(t, c, v.Cap(), "no growth within reserved room")
		require.Same(t, p, unsafe.SliceData(v.Slice()))
		require.NoError(t, v.TryGrow(0))
		require.Equal(t, []int{1, 2, 0, 1}, v.Slice()[:4])
	})
}

func TestClip(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.WithCapacity[int](a, 100)
		v.AppendSlice([]int{1, 2, 3})
		v.Clip()
		require.Equal(t, 3, v.Cap())
		require.Equal(t, []int{1, 2, 3}, v.Slice())
		v.Clear()
		v.Clip()
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
	v.Clip()
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
		{"TryGrow", func(v *vec.Vec[int]) error { return v.TryGrow(1 << 20) }},
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
		{"Grow", func(v *vec.Vec[int]) { v.Grow(1 << 20) }},
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
		err := v.TryGrow(int(^uint(0) >> 1))
		require.ErrorIs(t, err, bump.ErrInvalidSize)
		require.Equal(t, []int{1}, v.Slice())
	})
}

// elems returns a copy of v's elements that is never nil, for comparing
// with slice literals.
func elems[T any](v *vec.Vec[T]) []T {
	return append([]T{}, v.Slice()...)
}

// TestPanics checks each panic's message, and that the panicking call
// leaves the Vec as it was, as the slices functions leave a slice.
func TestPanics(t *testing.T) {
	tests := []struct {
		name string
		f    func(v *vec.Vec[int])
		msg  string
	}{
		{"At", func(v *vec.Vec[int]) { v.At(7) }, "vec: At: index 7 out of range [0:3]"},
		{"At-negative", func(v *vec.Vec[int]) { v.At(-1) }, "vec: At: index -1 out of range [0:3]"},
		{"Set", func(v *vec.Vec[int]) { v.Set(3, 0) }, "vec: Set: index 3 out of range [0:3]"},
		{"Remove", func(v *vec.Vec[int]) { v.Remove(3) }, "vec: Remove: index 3 out of range [0:3]"},
		{"SwapRemove", func(v *vec.Vec[int]) { v.SwapRemove(-2) }, "vec: SwapRemove: index -2 out of range [0:3]"},
		{"Insert", func(v *vec.Vec[int]) { v.Insert(4, 0) }, "vec: Insert: index 4 out of range [0:4]"},
		{"Insert-negative", func(v *vec.Vec[int]) { v.Insert(-1, 0) }, "vec: Insert: index -1 out of range [0:4]"},
		{"Insert-nothing", func(v *vec.Vec[int]) { v.Insert(5) }, "vec: Insert: index 5 out of range [0:4]"},
		{"SplitOff", func(v *vec.Vec[int]) { v.SplitOff(5) }, "vec: SplitOff: index 5 out of range [0:4]"},
		{"Delete-reversed", func(v *vec.Vec[int]) { v.Delete(2, 1) }, "vec: Delete: slice bounds out of range [2:1]"},
		{"Delete-negative", func(v *vec.Vec[int]) { v.Delete(-1, 2) }, "vec: Delete: slice bounds out of range [-1:2]"},
		{"Delete-beyond", func(v *vec.Vec[int]) { v.Delete(1, 5) }, "vec: Delete: slice bounds out of range [1:5] with length 3"},
		{"Delete-both-beyond", func(v *vec.Vec[int]) { v.Delete(4, 4) }, "vec: Delete: slice bounds out of range [4:4] with length 3"},
		{"Replace-reversed", func(v *vec.Vec[int]) { v.Replace(3, 2, 1, 2, 3) }, "vec: Replace: slice bounds out of range [3:2]"},
		{"Replace-beyond", func(v *vec.Vec[int]) { v.Replace(0, 4) }, "vec: Replace: slice bounds out of range [0:4] with length 3"},
		{"Replace-negative", func(v *vec.Vec[int]) { v.Replace(-2, -1, 7) }, "vec: Replace: slice bounds out of range [-2:-1]"},
		{"Truncate", func(v *vec.Vec[int]) { v.Truncate(-1) }, "vec: Truncate: negative length -1"},
		{"Grow", func(v *vec.Vec[int]) { v.Grow(-1) }, "vec: Grow: negative count -1"},
		{"TryGrow", func(v *vec.Vec[int]) { _ = v.TryGrow(-3) }, "vec: TryGrow: negative count -3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				v := vec.WithCapacity[int](a, 4)
				v.AppendSlice([]int{1, 2, 3})
				require.PanicsWithValue(t, tc.msg, func() { tc.f(v) })
				require.Equal(t, []int{1, 2, 3}, v.Slice())
				require.Equal(t, 4, v.Cap())
			})
		})
	}
	require.PanicsWithValue(t, "vec: At: index 0 out of range [0:0]", func() { vec.New[int](nil).At(0) })
	require.PanicsWithValue(t, "vec: WithCapacity: negative capacity -1", func() { vec.WithCapacity[int](nil, -1) })
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

// TestErrorsWrap checks that an allocator error reaches the caller
// wrapped once, naming the method, for errors.Is and for people.
func TestErrorsWrap(t *testing.T) {
	b := bump.WithCapacity(64)
	v := vec.New[int](b)
	b.SetAllocationLimit(b.AllocatedBytes())
	for v.TryPush(1) == nil {
	}
	n := v.Len() // v is full, and so is the arena
	require.Positive(t, n)
	// The calls are made here, in order, each on the full v.
	tests := []struct {
		method string
		err    error
	}{
		{"TryGrow", v.TryGrow(1000)},
		{"TryPush", v.TryPush(1)},
		{"TryAppendSlice", v.TryAppendSlice([]int{1})},
		{"Push", alloctest.Catch(func() { v.Push(1) })},
		{"Insert", alloctest.Catch(func() { v.Insert(0, 1) })},
		{"Replace", alloctest.Catch(func() { v.Replace(0, 0, 1) })},
		{"Extend", alloctest.Catch(func() { v.Extend(slices.Values([]int{1})) })},
		{"UnmarshalJSON", v.UnmarshalJSON([]byte("[" + strings.Repeat("2,", n) + "2]"))},
		// A Vec of another type needs a header slab of its own.
		{"New", alloctest.Catch(func() { vec.New[string](b) })},
		{"WithCapacity", alloctest.Catch(func() { vec.WithCapacity[string](b, 1) })},
		{"From", alloctest.Catch(func() { vec.From(b, []string{""}) })},
		{"Collect", alloctest.Catch(func() { vec.Collect(b, slices.Values([]string{""})) })},
		{"Clone", alloctest.Catch(func() { v.Clone() })},
		{"SplitOff", alloctest.Catch(func() { v.SplitOff(0) })},
	}
	for _, tc := range tests {
		t.Run(tc.method, func(t *testing.T) {
			require.ErrorIs(t, tc.err, bump.ErrAllocationLimit)
			msg := tc.err.Error()
			require.True(t, strings.HasPrefix(msg, "vec: "+tc.method+": bump: "), msg)
			require.Equal(t, 1, strings.Count(msg, "vec:"), msg)
			require.Equal(t, n, v.Len())
		})
	}
	err := vec.New[int](nil).TryGrow(int(^uint(0) >> 1))
	require.ErrorIs(t, err, bump.ErrInvalidSize)
	require.True(t, strings.HasPrefix(err.Error(), "vec: TryGrow: "), err.Error())
}

// TestNoHeapAllocsInWarmArena checks that the constructors put the Vec
// header in the arena: once the arena has grown to its working size,
// building Vecs makes no Go-heap allocation.
func TestNoHeapAllocsInWarmArena(t *testing.T) {
	if lifecheck.Enabled {
		t.Skip("the checked build registers each Vec with the arena's cleanups")
	}
	var b bump.Bump
	src := []string{"a", "b", "c"}
	round := func() {
		v := vec.New[int](&b)
		for i := range 100 {
			v.Push(i)
		}
		w := vec.WithCapacity[string](&b, 4)
		w.AppendSlice(src)
		x := vec.From(&b, src).Clone()
		_ = x.SplitOff(1)
		b.Reset()
	}
	round() // warm the arena
	require.Zero(t, testing.AllocsPerRun(100, round))

	// Ranging over an iterator that the compiler cannot inline allocates
	// the loop body's closure and state on the Go heap (the iterator could
	// keep them); Collect allocates nothing more than slices.AppendSeq
	// does then, into a slice that has room.
	buf := make([]string, 0, 8)
	std := testing.AllocsPerRun(100, func() { buf = appendSeq(buf[:0], slices.Values(src)) })
	collect := testing.AllocsPerRun(100, func() { _ = vec.Collect(&b, slices.Values(src)); b.Reset() })
	require.LessOrEqual(t, collect, std)
}

// TestNilVec checks that the read-only methods treat a nil *Vec as an
// empty Vec, as len and range treat a nil slice.
func TestNilVec(t *testing.T) {
	var v *vec.Vec[int]
	require.Equal(t, 0, v.Len())
	require.Equal(t, 0, v.Cap())
	require.Nil(t, v.Slice())
	require.Equal(t, "[]", v.String())
	require.Equal(t, "[]", fmt.Sprint(v))
	for range v.All() {
		t.Fatal("All yielded from a nil Vec")
	}
	for range v.Values() {
		t.Fatal("Values yielded from a nil Vec")
	}
	for range v.Backward() {
		t.Fatal("Backward yielded from a nil Vec")
	}
}

//go:noinline
func appendSeq[T any](s []T, seq iter.Seq[T]) []T { return slices.AppendSeq(s, seq) }
