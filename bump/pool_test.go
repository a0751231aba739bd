package bump_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
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
	require.Equal(t, bump.PoolStats{Gets: 1, Created: 1}, p.Stats())
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
// regular chunks rather than in dedicated large chunks.
func fillSmall(b *bump.Bump, n int) {
	for range n / 1024 {
		_ = bump.New[[1024]byte](b)
	}
}

// fillTyped allocates about n bytes of each of several pointer-holding
// types, each in its own slab.
func fillTyped(b *bump.Bump, n int) {
	for range n / 1024 {
		_ = bump.New[[128]*int](b)
		_ = bump.New[[64]string](b)
		_ = bump.New[[64]any](b)
		_ = bump.New[[42][]int](b)
		_ = bump.New[[128]map[int]int](b)
	}
}

// TestPoolMaxRetained checks that Put trims an arena that holds more than
// MaxRetained down to it rather than dropping it, and leaves smaller ones
// alone.
func TestPoolMaxRetained(t *testing.T) {
	tests := []struct {
		name        string
		maxRetained int
		fill        func(*bump.Bump)
		wantTrimmed uint64
	}{
		{"small arena kept", 1 << 20, func(b *bump.Bump) { fillSmall(b, 16<<10) }, 0},
		{"large arena trimmed", 64 << 10, func(b *bump.Bump) { fillSmall(b, 4<<20) }, 1},
		{"large request trimmed", 64 << 10, func(b *bump.Bump) { bump.Bytes(b, 8<<20) }, 1},
		{"many slabs trimmed", 1 << 20, func(b *bump.Bump) { fillTyped(b, 2<<20) }, 1},
		{"no cap", 0, func(b *bump.Bump) { fillTyped(b, 2<<20) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := bump.Pool{MaxRetained: tt.maxRetained}
			b := p.Get()
			tt.fill(b)
			ran := false
			b.Cleanup(func() { ran = true })
			p.Put(b)
			require.True(t, ran, "Put runs the cleanups")
			requireEmpty(t, b)
			st := p.Stats()
			require.Equal(t, tt.wantTrimmed, st.Trimmed)
			require.Equal(t, 1, st.Idle, "the arena is kept")
			require.Equal(t, b.AllocatedBytes(), st.Retained)
			if tt.maxRetained > 0 {
				require.LessOrEqual(t, b.AllocatedBytes(), tt.maxRetained)
			}
			require.Same(t, b, p.Get())
		})
	}
}

// TestPoolTrimsAfterUnusualJob checks that, without a cap, an arena that
// served one unusually large job is trimmed once the pool's recent jobs
// no longer include one like it. Eight arenas take turns, so that each
// sees too few rounds for its own retention window to release the memory:
// the pool's window, counted in jobs, does.
func TestPoolTrimsAfterUnusualJob(t *testing.T) {
	var p bump.Pool
	const arenas = 8
	batch := func(fill func(i int, b *bump.Bump)) {
		var out [arenas]*bump.Bump
		for i := range out {
			out[i] = p.Get()
			fill(i, out[i])
		}
		for _, a := range out {
			p.Put(a)
		}
	}
	batch(func(i int, b *bump.Bump) {
		if i == 0 {
			fillSmall(b, 32<<20)
		}
	})
	require.Greater(t, p.Stats().Retained, 32<<20, "the large job's arena is kept while it is recent")
	for range 25 {
		batch(func(_ int, b *bump.Bump) { fillSmall(b, 64<<10) })
	}
	st := p.Stats()
	t.Logf("after 200 small jobs: %+v", st)
	require.Equal(t, arenas, st.Idle)
	require.Less(t, st.Retained, arenas*(2<<20), "the arenas are trimmed to what the recent jobs need")
	require.NotZero(t, st.Trimmed)
	require.Equal(t, uint64(arenas), st.Created)
}

// TestPoolKeepsArenasAcrossGC checks that arenas in use survive garbage
// collections, unlike a sync.Pool's, so that a pool under load from other
// work stays warm: jobs after the warm-up allocate nothing.
func TestPoolKeepsArenasAcrossGC(t *testing.T) {
	if bump.CheckedBuild {
		t.Skip("the checked build takes fresh chunks while the released ones are in quarantine")
	}
	var p bump.Pool
	job := func() {
		a := p.Get()
		fillSmall(a, 2<<20)
		fillTyped(a, 64<<10)
		p.Put(a)
	}
	for range 3 {
		job()
	}
	const jobs = 20
	taken := workload.HeapTaken(func() {
		for range jobs {
			job()
			runtime.GC()
		}
	})
	st := p.Stats()
	t.Logf("%d jobs with a collection after each took %d bytes from the Go heap; %+v", jobs, taken, st)
	require.Equal(t, uint64(1), st.Created)
	// The pool's collection hook takes a few dozen bytes per collection.
	require.Less(t, taken, uint64(jobs*256), "a warm pool's job allocates from the Go heap")
}

// TestPoolIdleGivesBack checks that a pool nobody uses drops its arenas
// within a few garbage collections.
func TestPoolIdleGivesBack(t *testing.T) {
	var p bump.Pool
	arenas := make([]*bump.Bump, 4)
	for i := range arenas {
		arenas[i] = p.Get()
		fillSmall(arenas[i], 1<<20)
	}
	for _, a := range arenas {
		p.Put(a)
	}
	require.Equal(t, 4, p.Stats().Idle)
	gcs := 0
	for ; gcs < 20 && p.Stats().Idle > 0; gcs++ {
		runtime.GC()
		// The pool hears of a collection from a cleanup, which runs on
		// its own goroutine after the collection.
		for range 100 {
			runtime.Gosched()
		}
		time.Sleep(time.Millisecond)
	}
	st := p.Stats()
	t.Logf("idle after %d collections: %+v", gcs, st)
	require.Zero(t, st.Idle)
	require.Zero(t, st.Retained)
	require.Equal(t, uint64(4), st.Dropped)
	require.LessOrEqual(t, gcs, 5)
}

// TestPoolKeepsWhatWasInUse checks that after a burst the pool keeps as
// many arenas as were in use at once, and drops the rest once the burst
// is two collections and 64 to 128 jobs old.
func TestPoolKeepsWhatWasInUse(t *testing.T) {
	var p bump.Pool
	burst := make([]*bump.Bump, 6)
	for i := range burst {
		burst[i] = p.Get()
	}
	for _, a := range burst {
		p.Put(a)
	}
	require.Equal(t, 6, p.Stats().Idle)
	// Two at a time from now on.
	deadline := time.Now().Add(10 * time.Second)
	for p.Stats().Idle > 2 && time.Now().Before(deadline) {
		a, b := p.Get(), p.Get()
		p.Put(a)
		p.Put(b)
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	require.Equal(t, 2, p.Stats().Idle)
	require.Equal(t, uint64(6), p.Stats().Created)
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
	st := p.Stats()
	require.LessOrEqual(t, st.Created, uint64(goroutines))
	require.Equal(t, uint64(goroutines*rounds), st.Gets)
	require.Equal(t, st.Gets, st.Reuses+st.Created)
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
	require.Same(t, b, p.Get())
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

// TestPoolKeepsArenasOfRecentJobs checks that a busy pool keeps the
// arenas its recent jobs had out at once even when collections are more
// frequent than overlaps: two arenas out together once, then one at a
// time with a collection after each job, as when two goroutines happen
// not to overlap for a while. Before the pool counted jobs, the second
// arena was dropped after two collections and a later overlap re-grew it.
func TestPoolKeepsArenasOfRecentJobs(t *testing.T) {
	var p bump.Pool
	a, b := p.Get(), p.Get()
	p.Put(a)
	p.Put(b)
	for range 8 {
		p.Put(p.Get())
		runtime.GC()
		waitForCleanups()
	}
	require.Equal(t, 2, p.Stats().Idle, "%+v", p.Stats())
	require.Zero(t, p.Stats().Dropped)
}
