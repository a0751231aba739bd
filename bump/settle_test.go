package bump_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
	"github.com/stretchr/testify/require"
)

// The goals of memory that settles: a warm arena, or a warm pool, takes
// (almost) nothing from the Go heap on rounds that differ in kind and
// size. Each test prints what it measured.

const mib = 1 << 20

// TestResetSettlesMixedRounds runs one arena over rounds of three kinds
// in a random order (64 KiB of text, a map grown to 16 MiB, 4 MiB of
// pointer-holding nodes of three types), resetting after each, and
// checks that after a warm-up 60 rounds take at most 1 MiB from the Go
// heap in all.
func TestResetSettlesMixedRounds(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a 16 MiB map twenty times")
	}
	if bump.CheckedBuild {
		t.Skip("the checked build takes fresh chunks while the released ones are in quarantine")
	}
	kinds := workload.MixedRounds(1, 8+60)
	var a bump.Bump
	run := func(kinds []workload.RoundKind) {
		for _, k := range kinds {
			workload.Round(&a, k)
			a.Reset()
		}
	}
	run(kinds[:8])
	taken := workload.HeapTaken(func() { run(kinds[8:]) })
	st := a.Stats()
	t.Logf("60 warm rounds took %d bytes from the Go heap (goal: at most %d); the arena holds %.1f MiB (recent peak in use %.1f MiB)",
		taken, mib, float64(st.Held)/mib, float64(st.RecentPeak)/mib)
	require.LessOrEqual(t, taken, uint64(mib))
}

// TestPoolSettlesMixedJobs serves jobs of the same three kinds from the
// default Pool on two goroutines, with a garbage collection every four
// jobs as when other work allocates, and checks that after a warm-up 80
// jobs take at most 4 MiB from the Go heap; then that the idle pool gives
// its memory back within a few collections.
func TestPoolSettlesMixedJobs(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a 16 MiB map dozens of times")
	}
	if bump.CheckedBuild {
		t.Skip("the checked build takes fresh chunks while the released ones are in quarantine")
	}
	var p bump.Pool
	const workers = 2
	serve := func(jobs int, seed uint64) {
		var wg sync.WaitGroup
		var mu sync.Mutex
		done := 0
		for w := range workers {
			kinds := workload.MixedRounds(seed+uint64(w), jobs/workers)
			wg.Go(func() {
				for _, k := range kinds {
					a := p.Get()
					workload.Round(a, k)
					p.Put(a)
					mu.Lock()
					done++
					if done%4 == 0 {
						runtime.GC()
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
	}
	// Warm: the pool holds two arenas, each of which has served every
	// kind (the served warm-up alone may leave one that never built the
	// map, which would then grow it in the measured jobs).
	for _, k := range []workload.RoundKind{workload.TextRound, workload.TreeRound, workload.MapRound} {
		a, b := p.Get(), p.Get()
		workload.Round(a, k)
		workload.Round(b, k)
		p.Put(a)
		p.Put(b)
	}
	serve(16, 1)
	taken := workload.HeapTaken(func() { serve(80, 100) })
	st := p.Stats()
	t.Logf("80 warm jobs took %d bytes from the Go heap (goal: at most %d); pool: %+v", taken, 4*mib, st)
	require.LessOrEqual(t, taken, uint64(4*mib))

	gcs := 0
	for ; gcs < 10 && p.Stats().Idle > 0; gcs++ {
		runtime.GC()
		waitForCleanups()
	}
	st = p.Stats()
	t.Logf("idle: %d collections later the pool holds %d arenas, %d bytes", gcs, st.Idle, st.Retained)
	require.Zero(t, st.Retained)
	require.LessOrEqual(t, gcs, 4)
}

// waitForCleanups gives the goroutine that runs runtime cleanups a chance
// to run those of the last collection.
func waitForCleanups() {
	for range 100 {
		runtime.Gosched()
	}
}
