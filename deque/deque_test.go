package deque_test

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/stretchr/testify/require"
)

// contents returns the elements of d front to back, read through All.
func contents[T any](d *deque.Deque[T]) []T {
	out := []T{}
	for i, v := range d.All() {
		if i != len(out) {
			panic("All yielded indices out of order")
		}
		out = append(out, v)
	}
	return out
}

func TestZeroValue(t *testing.T) {
	var d deque.Deque[string]
	require.Equal(t, 0, d.Len())
	require.Equal(t, 0, d.Cap())
	for _, pop := range []func() (string, bool){d.PopFront, d.PopBack, d.Front, d.Back} {
		v, ok := pop()
		require.False(t, ok)
		require.Equal(t, "", v)
	}
	front, back := d.Slices()
	require.Empty(t, front)
	require.Empty(t, back)
	require.Empty(t, contents(&d))
	d.Rotate(3)
	d.Clear()
	require.Equal(t, 0, d.Len())

	d.PushBack("b")
	d.PushFront("a")
	require.Equal(t, []string{"a", "b"}, contents(&d))
	require.Equal(t, 16, d.Cap(), "a heap deque's first storage holds 16, as gammazero's")
}

func TestPushPop(t *testing.T) {
	// Each op is one of "b" (PushBack), "f" (PushFront), "B" (PopBack) or
	// "F" (PopFront); pushes push the step number.
	tests := []struct {
		name   string
		ops    string
		popped []int
		want   []int
	}{
		{"back only", "bbb", nil, []int{0, 1, 2}},
		{"front only", "fff", nil, []int{2, 1, 0}},
		{"queue", "bbbFF", []int{0, 1}, []int{2}},
		{"stack", "bbbBB", []int{2, 1}, []int{0}},
		{"front stack", "fffFF", []int{2, 1}, []int{0}},
		{"mixed", "bfbfFB", []int{3, 2}, []int{1, 0}},
		{"drain", "bbfFFF", []int{2, 0, 1}, []int{}},
		{"pop empty", "FBbF", []int{2}, []int{}},
		{"wrap and grow", "ffbbbbbbbb", nil, []int{1, 0, 2, 3, 4, 5, 6, 7, 8, 9}},
	}
	for _, alloc := range alloctest.Allocators {
		for _, tt := range tests {
			t.Run(alloc.Name+"/"+tt.name, func(t *testing.T) {
				d := deque.New[int](alloc.New())
				popped := []int{}
				for i, op := range tt.ops {
					var v int
					var ok bool
					switch op {
					case 'b':
						d.PushBack(i)
					case 'f':
						d.PushFront(i)
					case 'B':
						v, ok = d.PopBack()
					case 'F':
						v, ok = d.PopFront()
					}
					if ok {
						popped = append(popped, v)
					}
				}
				require.Equal(t, append([]int{}, tt.popped...), popped)
				require.Equal(t, tt.want, contents(d))
				require.Equal(t, len(tt.want), d.Len())
				if len(tt.want) > 0 {
					front, ok := d.Front()
					require.True(t, ok)
					require.Equal(t, tt.want[0], front)
					back, ok := d.Back()
					require.True(t, ok)
					require.Equal(t, tt.want[len(tt.want)-1], back)
				}
			})
		}
	}
}

func TestAtSet(t *testing.T) {
	d := deque.New[int](nil)
	for i := range 3 {
		d.PushFront(i) // 2 1 0, starting at the last slot of the ring
	}
	require.Equal(t, []int{2, 1, 0}, []int{d.At(0), d.At(1), d.At(2)})
	d.Set(0, 20)
	d.Set(2, 22)
	require.Equal(t, []int{20, 1, 22}, contents(d))

	for _, i := range []int{-1, 3, 5, math.MinInt, math.MaxInt} {

		for _, m := range []struct {
			name string
			f    func()
		}{
			{"At", func() { d.At(i) }},
			{"Set", func() { d.Set(i, 0) }},
			{"Remove", func() { d.Remove(i) }},
			{"Swap", func() { d.Swap(0, i) }},
		} {
			t.Run(m.name+"/"+itoa(i), func(t *testing.T) {
				msg := "deque: " + m.name + ": index " + itoa(i) + " out of range [0:3]"
				require.PanicsWithValue(t, msg, m.f)
				require.Equal(t, []int{20, 1, 22}, contents(d), "a panic leaves d unchanged")
			})
		}
	}
	var empty deque.Deque[int]
	require.PanicsWithValue(t, "deque: At: index 0 out of range [0:0]", func() { empty.At(0) })
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestGrowWrapped grows full rings wrapped at every offset, covering both
// ways of closing the gap (moving the part before or after the old end).
func TestGrowWrapped(t *testing.T) {
	for _, alloc := range alloctest.Allocators {
		for front := range 9 {
			t.Run(alloc.Name+"/front="+itoa(front), func(t *testing.T) {
				d := deque.WithCapacity[int](alloc.New(), 8)
				require.Equal(t, 8, d.Cap())
				want := []int{}
				for i := range front {
					d.PushFront(-i - 1)
					want = slices.Insert(want, 0, -i-1)
				}
				for i := range 8 - front {
					d.PushBack(i)
					want = append(want, i)
				}
				require.Equal(t, 8, d.Cap())
				d.PushBack(100)
				want = append(want, 100)
				require.Equal(t, 16, d.Cap())
				require.Equal(t, want, contents(d))
				f, b := d.Slices()
				require.Equal(t, want, slices.Concat(f, b))
			})
		}
	}
}

func TestSlices(t *testing.T) {
	d := deque.WithCapacity[int](nil, 4)
	d.PushBack(2)
	d.PushBack(3)
	d.PushFront(1)
	d.PushFront(0)
	front, back := d.Slices()
	require.Equal(t, []int{0, 1}, front)
	require.Equal(t, []int{2, 3}, back)
	require.Equal(t, len(back), cap(back), "back must be clipped so appends cannot overwrite the ring")
	_ = append(back, 99)
	require.Equal(t, []int{0, 1, 2, 3}, contents(d))

	d.PopFront()
	d.PopFront()
	front, back = d.Slices()
	require.Equal(t, []int{2, 3}, front)
	require.Empty(t, back)
	require.Equal(t, len(front), cap(front))
}

func TestBackward(t *testing.T) {
	d := deque.New[string](nil)
	for _, s := range []string{"c", "b", "a"} {
		d.PushFront(s)
	}
	var idx []int
	var vals []string
	for i, v := range d.Backward() {
		idx = append(idx, i)
		vals = append(vals, v)
	}
	require.Equal(t, []int{2, 1, 0}, idx)
	require.Equal(t, []string{"c", "b", "a"}, vals)

	for i := range d.Backward() {
		require.Equal(t, 2, i)
		break
	}
	for i := range d.All() {
		require.Equal(t, 0, i)
		break
	}
}

func TestModifyDuringIteration(t *testing.T) {
	const msg = "deque: Deque modified during iteration"
	mutators := []struct {
		name string
		f    func(d *deque.Deque[int])
	}{
		{"PushBack", func(d *deque.Deque[int]) { d.PushBack(9) }},
		{"PushFront", func(d *deque.Deque[int]) { d.PushFront(9) }},
		{"PopBack", func(d *deque.Deque[int]) { d.PopBack() }},
		{"PopFront", func(d *deque.Deque[int]) { d.PopFront() }},
		{"Insert", func(d *deque.Deque[int]) { d.Insert(1, 9) }},
		{"Remove", func(d *deque.Deque[int]) { d.Remove(1) }},
		{"Rotate", func(d *deque.Deque[int]) { d.Rotate(1) }},
		{"Clear", func(d *deque.Deque[int]) { d.Clear() }},
		{"UnmarshalJSON", func(d *deque.Deque[int]) { _ = d.UnmarshalJSON([]byte("[7]")) }},
		{"push and pop", func(d *deque.Deque[int]) { d.PushBack(9); d.PopBack() }},
	}
	iterators := []struct {
		name string
		iter func(d *deque.Deque[int], body func())
	}{
		{"All", func(d *deque.Deque[int], body func()) {
			for range d.All() {
				body()
			}
		}},
		{"Values", func(d *deque.Deque[int], body func()) {
			for range d.Values() {
				body()
			}
		}},
		{"Backward", func(d *deque.Deque[int], body func()) {
			for range d.Backward() {
				body()
			}
		}},
	}
	for _, it := range iterators {
		for _, m := range mutators {
			t.Run(it.name+"/"+m.name, func(t *testing.T) {
				d := deque.New[int](nil)
				for i := range 4 {
					d.PushBack(i)
				}
				steps := 0
				require.PanicsWithValue(t, msg, func() {
					it.iter(d, func() {
						steps++
						m.f(d)
					})
				})
				require.Equal(t, 1, steps, "the iteration panics right after the body that changed d")
			})
		}
		t.Run(it.name+"/Set and Swap", func(t *testing.T) {
			d := deque.New[int](nil)
			for i := range 4 {
				d.PushBack(i)
			}
			steps := 0
			it.iter(d, func() {
				d.Set(steps, -1)
				d.Swap(0, 3)
				d.Grow(100) // moves the storage, not the elements
				steps++
			})
			require.Equal(t, 4, steps)
		})
		t.Run(it.name+"/after the loop", func(t *testing.T) {
			d := deque.New[int](nil)
			d.PushBack(1)
			it.iter(d, func() {})
			d.PushBack(2) // changing d after the range is fine
			n := 0
			it.iter(d, func() { n++ })
			require.Equal(t, 2, n)
		})
	}
}

func TestRotate(t *testing.T) {
	tests := []struct {
		n    int
		want []int
	}{
		{0, []int{0, 1, 2, 3, 4}},
		{1, []int{1, 2, 3, 4, 0}},
		{2, []int{2, 3, 4, 0, 1}},
		{3, []int{3, 4, 0, 1, 2}},
		{4, []int{4, 0, 1, 2, 3}},
		{5, []int{0, 1, 2, 3, 4}},
		{7, []int{2, 3, 4, 0, 1}},
		{-1, []int{4, 0, 1, 2, 3}},
		{-3, []int{2, 3, 4, 0, 1}},
		{-12, []int{3, 4, 0, 1, 2}},
		{math.MinInt, []int{2, 3, 4, 0, 1}}, // MinInt % 5 == -3
	}
	for _, tt := range tests {
		for _, start := range []int{0, 3, 6} { // slot of the front element
			t.Run(itoa(tt.n)+"/start="+itoa(start), func(t *testing.T) {
				d := deque.WithCapacity[int](nil, 8)
				for range start {
					d.PushBack(-1)
					d.PopFront()
				}
				for i := range 5 {
					d.PushBack(i)
				}
				d.Rotate(tt.n)
				require.Equal(t, tt.want, contents(d))
				require.Equal(t, 8, d.Cap())
			})
		}
	}
	t.Run("full", func(t *testing.T) {
		d := deque.WithCapacity[int](nil, 4)
		for i := range 4 {
			d.PushBack(i)
		}
		d.Rotate(-1)
		require.Equal(t, []int{3, 0, 1, 2}, contents(d))
		d.Rotate(3)
		require.Equal(t, []int{2, 3, 0, 1}, contents(d))
	})
	t.Run("single", func(t *testing.T) {
		d := deque.New[int](nil)
		d.PushBack(7)
		d.Rotate(5)
		require.Equal(t, []int{7}, contents(d))
	})
}

func TestClear(t *testing.T) {
	for _, alloc := range alloctest.Allocators {
		t.Run(alloc.Name, func(t *testing.T) {
			d := deque.New[int](alloc.New())
			for i := range 6 {
				d.PushFront(i)
			}
			c := d.Cap()
			d.Clear()
			require.Equal(t, 0, d.Len())
			require.Equal(t, c, d.Cap(), "Clear keeps the storage")
			_, ok := d.PopBack()
			require.False(t, ok)
			d.PushBack(1)
			require.Equal(t, []int{1}, contents(d))
		})
	}
}

func TestGrow(t *testing.T) {
	tests := []struct {
		len, reserve, wantCap int
	}{
		{0, 0, 0},
		{0, 1, 4},
		{0, 5, 8},
		{0, 8, 8},
		{0, 9, 16},
		{3, 1, 4},
		{3, 2, 8},
		{4, 1000, 1024},
		{100, 300, 512},
	}
	for _, tt := range tests {
		t.Run(itoa(tt.len)+"+"+itoa(tt.reserve), func(t *testing.T) {
			d := deque.New[int](new(bump.Bump))
			for i := range tt.len {
				d.PushFront(i)
			}
			want := contents(d)
			d.Grow(tt.reserve)
			require.GreaterOrEqual(t, d.Cap(), tt.len+tt.reserve)
			if tt.len == 0 || tt.len+tt.reserve > 4 {
				require.Equal(t, tt.wantCap, d.Cap())
			}
			require.Equal(t, want, contents(d))
		})
	}
	require.PanicsWithValue(t, "deque: Grow: negative count -1", func() { deque.New[int](nil).Grow(-1) })
	require.PanicsWithValue(t, "deque: TryGrow: negative count -2", func() { _ = deque.New[int](nil).TryGrow(-2) })
	require.PanicsWithValue(t, "deque: WithCapacity: negative capacity -1", func() { deque.WithCapacity[int](nil, -1) })
	require.Equal(t, 16, deque.WithCapacity[int](nil, 9).Cap())
	require.Equal(t, 0, deque.WithCapacity[int](nil, 0).Cap())
}

func TestAllocationLimit(t *testing.T) {
	var b bump.Bump
	b.SetAllocationLimit(1 << 12)
	d := deque.New[int](&b)
	for i := range 100 {
		d.PushBack(i)
	}
	c := d.Cap()
	want := contents(d)
	err := d.TryGrow(1 << 20)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Equal(t, c, d.Cap(), "a failed reserve leaves d unchanged")
	require.Equal(t, want, contents(d))

	require.ErrorIs(t, d.TryGrow(math.MaxInt), bump.ErrInvalidSize)
	require.ErrorIs(t, d.TryGrow(math.MaxInt/2), bump.ErrInvalidSize)

	// Pushing succeeds while the arena's chunks have room, then panics
	// with the allocation error, leaving the deque as it was.
	pushed := d.Len()
	func() {
		defer func() {
			err, ok := recover().(error)
			require.True(t, ok, "PushFront must panic with an error")
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
		}()
		for {
			d.PushFront(pushed)
			pushed++
		}
	}()
	require.Equal(t, pushed, d.Len())
	front, _ := d.Front()
	require.Equal(t, pushed-1, front)
	back, _ := d.Back()
	require.Equal(t, 99, back)
	require.Panics(t, func() { deque.WithCapacity[int](&b, 1<<20) })
}

func TestZeroSizeElements(t *testing.T) {
	for _, alloc := range alloctest.Allocators {
		t.Run(alloc.Name, func(t *testing.T) {
			d := deque.New[struct{}](alloc.New())
			for range 100 {
				d.PushBack(struct{}{})
				d.PushFront(struct{}{})
			}
			require.Equal(t, 200, d.Len())
			require.Equal(t, 256, d.Cap())
			for range 200 {
				_, ok := d.PopFront()
				require.True(t, ok)
			}
			_, ok := d.PopBack()
			require.False(t, ok)
		})
	}
}

// TestResetToCheckpoint shows a deque made before a checkpoint surviving a
// rewind to it when it did not grow in between.
func TestResetToCheckpoint(t *testing.T) {
	var b bump.Bump
	d := deque.WithCapacity[string](&b, 8)
	d.PushBack("kept")
	cp := b.Checkpoint()
	scratch := deque.New[string](&b)
	for range 100 {
		scratch.PushBack("scratch")
	}
	require.NoError(t, b.ResetTo(cp))
	require.Equal(t, []string{"kept"}, contents(d))
	require.True(t, errors.Is(b.ResetTo(bump.Checkpoint{}), bump.ErrStaleCheckpoint))
}
