package deque_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/stretchr/testify/require"
)

// TestHeaderInArena checks that a warm arena makes Deques without touching
// the Go heap: New, WithCapacity and Clone place the header in the arena.
func TestHeaderInArena(t *testing.T) {
	if lifecheck.Enabled {
		t.Skip("the checked build allocates its lifetime tags on the Go heap")
	}
	var arena bump.Bump
	round := func() {
		d := deque.New[int](&arena)
		for i := range 100 {
			d.PushBack(i)
		}
		w := deque.WithCapacity[*int](&arena, 10)
		w.PushFront(nil)
		c := d.Clone()
		c.PushFront(1)
		arena.Reset()
	}
	round() // warm up the arena's chunks
	require.Zero(t, testing.AllocsPerRun(100, round))
}

func TestNilDeque(t *testing.T) {
	var d *deque.Deque[int]
	require.Equal(t, 0, d.Len())
	require.Equal(t, 0, d.Cap())
	for _, f := range []func() (int, bool){d.Front, d.Back} {
		v, ok := f()
		require.False(t, ok)
		require.Zero(t, v)
	}
	front, back := d.Slices()
	require.Empty(t, front)
	require.Empty(t, back)
	for range d.All() {
		t.Fatal("All yielded on a nil deque")
	}
	for range d.Values() {
		t.Fatal("Values yielded on a nil deque")
	}
	for range d.Backward() {
		t.Fatal("Backward yielded on a nil deque")
	}
	require.PanicsWithValue(t, "deque: At: index 0 out of range [0:0]", func() { d.At(0) })
}

// TestShrink checks the churn rule: a drained deque on the Go heap moves to
// smaller storage, one in an arena keeps its storage.
func TestShrink(t *testing.T) {
	const n = 1 << 12
	for _, alloc := range alloctest.Allocators {
		t.Run(alloc.Name, func(t *testing.T) {
			d := deque.New[int](alloc.New())
			for i := range n {
				d.PushBack(i)
			}
			require.Equal(t, n, d.Cap())
			for i := range n - 3 {
				if i%2 == 0 {
					d.PopFront()
				} else {
					d.PopBack()
				}
			}
			require.Equal(t, 3, d.Len())
			heap := alloc.Name == "nil" || alloc.Name == "heap"
			if heap {
				require.Equal(t, 16, d.Cap(), "a drained heap deque shrinks to the minimum")
			} else {
				require.Equal(t, n, d.Cap(), "an arena deque keeps its storage")
			}
			want := []int{n/2 - 1, n / 2, n/2 + 1}
			require.Equal(t, want, contents(d))
		})
	}
	t.Run("hysteresis", func(t *testing.T) {
		d := deque.New[int](nil)
		for i := range 64 {
			d.PushBack(i)
		}
		for d.Len() > 16 {
			d.PopFront()
		}
		require.Equal(t, 32, d.Cap(), "halved when a quarter full, leaving it half full")
		for range 16 {
			d.PushBack(0)
		}
		require.Equal(t, 32, d.Cap(), "refilling to the new capacity does not grow")
	})
	t.Run("WithCapacity floor", func(t *testing.T) {
		d := deque.WithCapacity[int](nil, 1000)
		for i := range 4000 {
			d.PushBack(i)
		}
		for d.Len() > 0 {
			d.Remove(d.Len() / 2)
		}
		require.Equal(t, 1024, d.Cap(), "a heap deque does not shrink below its WithCapacity hint")
	})
}

// TestConcurrentReaders runs the read-only methods from many goroutines at
// once; under -race it fails if any of them writes shared state.
func TestConcurrentReaders(t *testing.T) {
	d := ring(nil, 6, 5)
	// read uses every read-only method and sums up what it saw.
	read := func() string {
		sum := 0
		for _, v := range d.All() {
			sum += v
		}
		for v := range d.Values() {
			sum += v
		}
		for _, v := range d.Backward() {
			sum += v
		}
		f, b := d.Slices()
		v, _ := d.Front()
		w, _ := d.Back()
		sum += len(f) + len(b) + d.Len() + d.Cap() + d.At(2) + v + w
		sum += d.Index(func(x int) bool { return x == 3 }) + d.RIndex(func(x int) bool { return x == 3 })
		out, err := d.MarshalJSON()
		if err != nil {
			panic(err)
		}
		return fmt.Sprint(sum, string(out), d, d.Clone())
	}
	want := read()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := read(); got != want {
					panic("concurrent read saw " + got + ", want " + want)
				}
			}
		})
	}
	wg.Wait()
}

func TestErrorWording(t *testing.T) {
	var arena bump.Bump
	arena.SetAllocationLimit(1 << 10)
	d := deque.New[int64](&arena)
	err := d.TryGrow(1000)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.True(t, strings.HasPrefix(err.Error(), "deque: TryGrow: bump: "), err.Error())
	require.Equal(t, 1, strings.Count(err.Error(), "deque:"), err.Error())

	for _, tt := range []struct {
		method string
		f      func()
	}{
		{"Grow", func() { d.Grow(1000) }},
		{"PushBack", func() {
			for {
				d.PushBack(1)
			}
		}},
		{"WithCapacity", func() { deque.WithCapacity[int64](&arena, 1000) }},
	} {
		err := alloctest.Catch(tt.f)
		require.ErrorIs(t, err, bump.ErrAllocationLimit, tt.method)
		require.True(t, strings.HasPrefix(err.Error(), "deque: "+tt.method+": bump: "), err.Error())
	}
	err = d.TryGrow(int(^uint(0) >> 1))
	require.True(t, errors.Is(err, bump.ErrInvalidSize), "%v", err)
	require.True(t, strings.HasPrefix(err.Error(), "deque: TryGrow: "), err.Error())
}

// TestChurnFootprint measures what a long-lived deque holds under churn:
// held at a constant live size by popping its front and pushing at its
// back, in an arena that is never reset, its arena bytes after 1M pairs
// are those after 20k (the ring reuses its slots); and a heap deque
// drained from 100k to a few elements gives its storage back.
func TestChurnFootprint(t *testing.T) {
	if testing.Short() {
		t.Skip("millions of operations")
	}
	for _, live := range []int{8, 1000, 100_000} {
		var arena bump.Bump
		d := deque.New[int](&arena)
		for i := range live {
			d.PushBack(i)
		}
		churn := func(n int) {
			for i := range n {
				d.PopFront()
				d.PushBack(i)
			}
		}
		churn(20_000)
		early := arena.AllocatedBytes()
		churn(1_000_000)
		late := arena.AllocatedBytes()
		t.Logf("live %d: arena bytes %d after 20k pairs, %d after 1M; Cap %d", live, early, late, d.Cap())
		require.Equal(t, early, late)
	}
	d := deque.New[int](nil)
	for i := range 100_000 {
		d.PushBack(i)
	}
	peak := d.Cap()
	for d.Len() > 5 {
		d.PopFront()
	}
	t.Logf("heap deque: Cap %d at 100k elements, %d drained to 5", peak, d.Cap())
	require.Equal(t, 16, d.Cap())
}

// TestCopyPanics checks the runtime copy check: a copy of a Deque that
// would move or free the storage it shares with the original panics,
// leaving the original intact.
func TestCopyPanics(t *testing.T) {
	tests := []struct {
		method string
		f      func(c *deque.Deque[int])
	}{
		{"PushBack", func(c *deque.Deque[int]) {
			for range 100 {
				c.PushBack(1)
			}
		}},
		{"Grow", func(c *deque.Deque[int]) { c.Grow(1000) }},
		{"PopFront", func(c *deque.Deque[int]) {
			for c.Len() > 0 {
				c.PopFront()
			}
		}},
		{"UnmarshalJSON", func(c *deque.Deque[int]) { _ = c.UnmarshalJSON([]byte("[" + strings.Repeat("1,", 200) + "1]")) }},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			for _, d := range []*deque.Deque[int]{deque.New[int](nil), new(deque.Deque[int])} {
				for i := range 64 {
					d.PushBack(i)
				}
				c := alloctest.CopyOf(d)
				require.PanicsWithValue(t, "deque: "+tt.method+": Deque copied by value after first use", func() { tt.f(c) })
				if tt.method != "PopFront" { // the pops before the shrink wrote into the shared ring
					require.Equal(t, seq(64), contents(d))
				}
			}
		})
	}
}
