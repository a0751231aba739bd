package bump_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// requireEmpty asserts that b has nothing in use, whether it is new or
// was reset.
func requireEmpty(t *testing.T, b *bump.Bump) {
	t.Helper()
	for c := range b.Chunks() {
		require.Zero(t, c.Used, "chunk %v in use", c.Elem)
	}
}

func TestPoolGetZero(t *testing.T) {
	var p bump.Pool
	b := p.Get()
	require.NotNil(t, b)
	require.Zero(t, b.AllocatedBytes())
	require.Equal(t, bump.PoolStats{Created: 1}, p.Stats())
}

func TestPoolPutResets(t *testing.T) {
	var p bump.Pool
	b := p.Get()
	s := bump.MakeSlice[int](b, 100, 100)
	for i := range s {
		s[i] = i + 1
	}
	_ = bump.String(b, "request data")
	ran := false
	b.Cleanup(func() { ran = true })

	p.Put(b)
	require.True(t, ran, "Put must run the arena's cleanups")
	requireEmpty(t, b)

	// Whether Get returns the same arena or a new one (sync.Pool may drop
	// entries at any time), it must have nothing in use and hand out
	// zeroed memory.
	b2 := p.Get()
	requireEmpty(t, b2)
	s2 := bump.MakeSlice[int](b2, 100, 100)
	require.Equal(t, make([]int, 100), s2)
	p.Put(b2)
}

// fillSmall allocates n bytes in pieces small enough to be bumped in
// regular chunks, which Reset keeps, rather than in dedicated large chunks,
// which Reset releases.
func fillSmall(b *bump.Bump, n int) {
	for range n / 1024 {
		_ = bump.New[[1024]byte](b)
	}
}

// fillTyped allocates about n bytes of each of several pointer-holding
// types: Reset keeps the largest chunk of each type's slab, so the arena
// retains several MiB.
func fillTyped(b *bump.Bump, n int) {
	for range n / 1024 {
		_ = bump.New[[128]*int](b)
		_ = bump.New[[64]string](b)
		_ = bump.New[[64]any](b)
		_ = bump.New[[42][]int](b)
		_ = bump.New[[128]map[int]int](b)
	}
}

func TestPoolMaxRetained(t *testing.T) {
	tests := []struct {
		name        string
		maxRetained int
		fill        func(*bump.Bump)
		wantDropped uint64
	}{
		{"small arena kept", 1 << 20, func(b *bump.Bump) { fillSmall(b, 16<<10) }, 0},
		{"large arena dropped", 64 << 10, func(b *bump.Bump) { fillSmall(b, 4<<20) }, 1},
		{"large request kept by reset, so dropped", 64 << 10, func(b *bump.Bump) { bump.Bytes(b, 8<<20) }, 1},
		{"default cap keeps small", 0, func(b *bump.Bump) { fillSmall(b, 16<<10) }, 0},
		{"default cap keeps one full chunk", 0, func(b *bump.Bump) { fillSmall(b, 8<<20) }, 0},
		{"default cap drops many full slabs", 0, func(b *bump.Bump) { fillTyped(b, 2<<20) }, 1},
		{"no cap", -1, func(b *bump.Bump) { fillTyped(b, 2<<20) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := bump.Pool{MaxRetained: tt.maxRetained}
			b := p.Get()
			tt.fill(b)
			ran := false
			b.Cleanup(func() { ran = true })
			p.Put(b)
			require.True(t, ran, "cleanups run even when the arena is dropped")
			requireEmpty(t, b)
			require.Equal(t, tt.wantDropped, p.Stats().Dropped)
		})
	}
}

func TestPoolNew(t *testing.T) {
	p := bump.Pool{New: func() *bump.Bump {
		b := bump.WithCapacity(8 << 10)
		b.SetAllocationLimit(1 << 20)
		return b
	}}
	b := p.Get()
	require.Equal(t, 1<<20, b.AllocationLimit())
	require.GreaterOrEqual(t, b.ChunkCapacity(), 8<<10)
	p.Put(b)

	nilNew := bump.Pool{New: func() *bump.Bump { return nil }}
	require.NotNil(t, nilNew.Get(), "a nil from New falls back to a zero Bump")
}

func TestPoolPutNil(t *testing.T) {
	var p bump.Pool
	require.NotPanics(t, func() { p.Put(nil) })
	require.Equal(t, bump.PoolStats{}, p.Stats())
}

// TestPoolConcurrent runs many goroutines that each fill an arena from the
// pool with their own pattern and check it before putting it back: two
// goroutines sharing an arena would see each other's writes. Run it with
// -race.
func TestPoolConcurrent(t *testing.T) {
	var p bump.Pool
	const (
		goroutines = 8
		rounds     = 200
	)
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			for r := range rounds {
				b := p.Get()
				want := g*rounds + r
				s := bump.MakeSlice[int](b, 64, 64)
				str := bump.String(b, fmt.Sprint(want))
				for i := range s {
					s[i] = want
				}
				for i := range s {
					if s[i] != want || str != fmt.Sprint(want) {
						errs <- fmt.Errorf("goroutine %d round %d: arena shared", g, r)
						return
					}
				}
				p.Put(b)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.LessOrEqual(t, p.Stats().Created, uint64(goroutines*rounds))
	require.Zero(t, p.Stats().Dropped)
}

func BenchmarkPool(b *testing.B) {
	// A request-sized piece of work: a few dozen small allocations.
	work := func(a *bump.Bump) {
		for range 32 {
			_ = bump.New[node](a)
		}
		_ = bump.MakeSlice[byte](a, 512, 512)
	}
	b.Run("new-arena", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var a bump.Bump
			work(&a)
		}
	})
	b.Run("pool", func(b *testing.B) {
		b.ReportAllocs()
		var p bump.Pool
		for b.Loop() {
			a := p.Get()
			work(a)
			p.Put(a)
		}
	})
}

// TestPoolPutTwice checks that putting an arena back twice without a Get
// in between panics, instead of letting two Gets hand it out twice.
func TestPoolPutTwice(t *testing.T) {
	var p bump.Pool
	b := p.Get()
	p.Put(b)
	require.PanicsWithValue(t, "bump: Pool.Put: arena already in the pool", func() { p.Put(b) })
	got := p.Get()
	for got != b && got != nil { // sync.Pool may drop b at a GC
		got = p.Get()
		if p.Stats().Created > 100 {
			t.Skip("the pool dropped the arena")
		}
	}
	require.NotSame(t, b, p.Get(), "the arena was put in the pool twice")
	p.Put(b) // after a Get, Put works again
}

// TestPoolPutConcurrent checks that two goroutines putting the same arena
// at once cannot both succeed: one panics, and the race detector sees no
// access to the arena by the one that panics.
func TestPoolPutConcurrent(t *testing.T) {
	var p bump.Pool
	for range 100 {
		b := p.Get()
		bump.New[int](b)
		var wg sync.WaitGroup
		var panics atomic.Int32
		for range 2 {
			wg.Go(func() {
				defer func() {
					if recover() != nil {
						panics.Add(1)
					}
				}()
				p.Put(b)
			})
		}
		wg.Wait()
		require.Equal(t, int32(1), panics.Load())
	}
}
