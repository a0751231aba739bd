package boxed_test

import (
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/stretchr/testify/require"
)

// heapAlloc returns the bytes of live Go-heap objects after a collection.
func heapAlloc() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestChurnKeepsHeapFlat is the regression test for Drop leaving its
// cleanup registered: 200k New+Drop on an arena that is never reset must
// not grow the Go heap (it grew by about 11 MiB).
func TestChurnKeepsHeapFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("200k boxes")
	}
	var arena bump.Bump
	closed := 0
	churn := func(n int) {
		for i := range n {
			b := boxed.New(&arena, resource{a: i, closed: &closed})
			require.NoError(t, b.Drop())
		}
	}
	churn(1000) // warm up the arena
	before := heapAlloc()
	churn(200_000)
	after := heapAlloc()
	runtime.KeepAlive(&arena)
	growth := int64(after) - int64(before)
	t.Logf("Go heap growth over 200k New+Drop: %d bytes; arena holds %d bytes", growth, arena.AllocatedBytes())
	require.Less(t, growth, int64(1<<20))
	require.Equal(t, 201_000, closed)
}

// TestAllocsPerBox checks the cost of a Box in steady state: no Go-heap
// allocation in a warm arena (drop states and their registered functions
// are recycled), whether the Box is dropped or reset.
func TestAllocsPerBox(t *testing.T) {
	if lifecheck.Enabled {
		t.Skip("the checked build allocates a tag per Box and never recycles states")
	}
	closed := 0
	var arena bump.Bump
	tests := []struct {
		name string
		f    func()
		max  float64
	}{
		{"New+Drop in an arena", func() {
			b := boxed.New(&arena, resource{closed: &closed})
			b.Drop()
		}, 0},
		{"New+Reset in an arena", func() {
			boxed.New(&arena, resource{closed: &closed})
			arena.Reset()
		}, 0},
		{"New+Drop on the heap", func() {
			b := boxed.New(nil, resource{closed: &closed})
			b.Drop()
		}, 1}, // the value
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f()
			require.LessOrEqual(t, testing.AllocsPerRun(1000, tt.f), tt.max)
		})
	}
}

// TestStaleBoxAfterReuse checks that a dropped Box, whose drop state now
// serves a new Box, reads as dropped and never touches the new value.
func TestStaleBoxAfterReuse(t *testing.T) {
	var arena bump.Bump
	var l log
	for range 100 {
		old := boxed.New(&arena, dropper{1, &l})
		require.NoError(t, old.Drop())
		fresh := boxed.New(&arena, dropper{2, &l})
		require.True(t, old.Dropped())
		require.NoError(t, old.Drop())
		require.False(t, fresh.Dropped())
		require.Equal(t, 2, fresh.Value().id)
		arena.Reset()
		require.True(t, fresh.Dropped())
		require.NoError(t, fresh.Drop())
	}
	require.Equal(t, 200, len(l.calls))
	require.Equal(t, 100, strings.Count(strings.Join(l.calls, " "), "drop:2"))
}

// forgetfulCleaner is an allocator whose Cleanup registrations cannot be
// stopped: it returns the zero Cleanup. A Box must still drop each value
// exactly once with it.
type forgetfulCleaner struct {
	bump.Heap
	fs []func()
}

func (c *forgetfulCleaner) Cleanup(f func()) bump.Cleanup {
	c.fs = append(c.fs, f)
	return bump.Cleanup{}
}

func (c *forgetfulCleaner) reset() {
	for i := len(c.fs) - 1; i >= 0; i-- {
		c.fs[i]()
	}
	c.fs = nil
}

func TestCleanerWithoutStop(t *testing.T) {
	var c forgetfulCleaner
	n := 0
	b := boxed.New(&c, counted{&n})
	require.NoError(t, b.Drop())
	// The state of b must not have been reused: its registration is still
	// in c and would drop whatever Box held the state next.
	others := make([]*int, 10)
	for i := range others {
		others[i] = new(int)
		boxed.New(nil, counted{others[i]}) // would reuse b's state if it were recycled
	}
	next := new(int)
	nb := boxed.New(&c, counted{next})
	c.reset()
	require.Equal(t, 1, n, "the dropped box is not dropped again by the reset")
	require.Equal(t, 1, *next)
	require.True(t, nb.Dropped())
	for _, o := range others {
		require.Zero(t, *o)
	}
}

// TestBoxesOnManyGoroutines drops and resets boxes on several goroutines
// at once, each with its own arena, and reads stale boxes while others
// reuse their states; under -race it fails if the shared recycling races.
func TestBoxesOnManyGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var arena bump.Bump
			n := 0
			var stale []boxed.Box[counted]
			for i := range 2000 {
				b := boxed.New(&arena, counted{&n})
				if i%3 == 0 {
					arena.Reset()
				} else if err := b.Drop(); err != nil {
					panic(err)
				}
				stale = append(stale, b)
				if i%100 == 0 {
					for _, s := range stale {
						if !s.Dropped() {
							panic("a stale box reads as live")
						}
					}
					stale = stale[:0]
				}
			}
			if n != 2000 {
				panic("wrong drop count")
			}
		})
	}
	wg.Wait()
}

func TestErrorWording(t *testing.T) {
	var arena bump.Bump
	arena.SetAllocationLimit(1 << 10)
	_, err := boxed.TryNew(&arena, [1 << 11]byte{})
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.True(t, strings.HasPrefix(err.Error(), "boxed: TryNew: bump: "), err.Error())
	require.Equal(t, 1, strings.Count(err.Error(), "boxed:"))
	defer func() {
		err := recover().(error)
		require.True(t, strings.HasPrefix(err.Error(), "boxed: New: bump: "), err.Error())
	}()
	boxed.New(&arena, [1 << 11]byte{})
}
