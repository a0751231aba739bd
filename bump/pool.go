package bump

import (
	"runtime"
	"sync"
	"weak"
)

// DefaultMaxRetained was the retained-size cap of a Pool whose
// MaxRetained was zero.
//
// Deprecated: a Pool no longer caps arenas by default: it keeps what its
// recent jobs needed and trims the rest (see [Pool]). Set MaxRetained
// for a fixed cap.
const DefaultMaxRetained = 4 << 20

// A Pool is a set of reusable arenas, for code that needs a fresh [Bump]
// per unit of work (an HTTP request, a message, a parse) without paying
// for new chunks each time. [Pool.Get] takes an arena, [Pool.Put] resets
// it and gives it back.
//
// A Pool needs no tuning. It keeps as many idle arenas as were in use at
// once in the last two garbage-collection cycles or, while it serves jobs,
// in its last 64 to 128 jobs, each with the chunks its
// recent jobs used (see [Bump.Reset]), so that jobs of every size the
// workload has run allocate nothing from the Go heap once warm, whatever
// the garbage collector does meanwhile. Memory follows the workload
// down as well as up:
//   - an arena put back holding more than twice the largest job of the
//     pool's last 64 to 128 jobs is trimmed (its spare chunks released,
//     largest first), so one unusually large job does not pin its memory
//     for long;
//   - an idle arena beyond what the last two cycles (or, while jobs
//     come, the recent jobs) needed is dropped for the garbage collector,
//     so a pool nobody uses gives back all its arenas within a few
//     collections.
//
// [Pool.Stats] shows it working.
//
// A Pool is safe for concurrent use by multiple goroutines; the arenas it
// hands out are not, and each must be used by one goroutine at a time
// until it is put back.
//
// The zero value is ready to use. A Pool must not be copied after first
// use.
type Pool struct {
	// MaxRetained, if positive, caps the bytes (as reported by
	// [Bump.AllocatedBytes]) an arena keeps when it is put back: Put trims
	// a larger one down to the cap. Zero or negative means no fixed cap,
	// the adaptive policy alone.
	MaxRetained int

	// New optionally returns a new arena when the pool has none to hand
	// out, for example one made with WithCapacity or with an allocation
	// limit. If New is nil, Get returns a zero Bump.
	New func() *Bump

	mu sync.Mutex
	// idle holds the arenas put back, the most recently used last.
	idle []*Bump
	// out is the number of arenas handed out and not put back; peak the
	// most there were at once in this garbage-collection cycle, prevPeak
	// in the previous one.
	out, peak, prevPeak int
	// outs keeps the most arenas out at once over the recent Gets, and
	// getsAtGC the Gets at the last two collections (see afterGC).
	outs     peakWindow
	getsAtGC [2]uint64
	jobs     peakWindow // the largest jobs, by Put count (see jobWindow)
	puts     uint64
	hooked   bool // the garbage-collection hook is armed
	stats    PoolStats
}

// PoolStats reports what a [Pool] did: how often its arenas were reused,
// and how its memory follows the workload.
type PoolStats struct {
	// Gets is the number of calls to Get, Reuses those served by an arena
	// put back earlier, and Created those that made a new arena. A
	// Created count that keeps growing suggests arenas are not being put
	// back.
	Gets, Reuses, Created uint64
	// Trimmed is the number of times Put released part of an arena's
	// memory: it held more than MaxRetained, or much more than the
	// recent jobs needed.
	Trimmed uint64
	// Dropped is the number of idle arenas the pool let go because fewer
	// were in use at once lately (an idle pool drops them all).
	Dropped uint64
	// Idle is the number of arenas in the pool now, and Retained the bytes
	// they hold.
	Idle, Retained int
}

// Get returns an arena with nothing allocated in it: the one most
// recently given to [Pool.Put], or a new one from New (or a zero Bump) if
// there is none. The caller owns it until it passes it to Put.
func (p *Pool) Get() *Bump {
	p.mu.Lock()
	p.stats.Gets++
	p.out++
	p.peak = max(p.peak, p.out)
	p.outs.add(p.stats.Gets, jobWindow, uintptr(p.out))
	if !p.hooked {
		p.hooked = true
		armPoolHook(p)
	}
	if n := len(p.idle); n > 0 {
		b := p.idle[n-1]
		p.idle[n-1] = nil
		p.idle = p.idle[:n-1]
		p.stats.Reuses++
		p.stats.Retained -= b.AllocatedBytes()
		p.mu.Unlock()
		b.pooled.Store(false)
		return b
	}
	p.stats.Created++
	p.mu.Unlock()
	if p.New != nil {
		if b := p.New(); b != nil {
			return b
		}
	}
	return new(Bump)
}

// Put resets b with [Bump.Reset], running its cleanups, and keeps it for a
// later [Pool.Get], trimmed if it holds more than the pool's recent jobs
// justify (see [Pool]). Put(nil) does nothing.
//
// The caller must not use b, or any memory allocated from it, after Put.
// Put does not change b's allocation limit; set limits in New.
//
// Put panics if b is already in a pool (put back twice without a Get in
// between), which would otherwise let two later Gets return the same
// arena to two goroutines. The check is one atomic swap, so it also
// catches two goroutines putting the same arena at once. If a cleanup
// panics, b is reset but not kept, and the panic propagates.
func (p *Pool) Put(b *Bump) {
	if b == nil {
		return
	}
	if b.pooled.Swap(true) {
		panic("bump: Pool.Put: arena already in the pool")
	}
	job := max(b.peak, b.inUse())
	reset := false
	defer func() {
		if !reset { // a cleanup panicked: b is reset but not kept
			b.pooled.Store(false)
			p.mu.Lock()
			p.out--
			p.mu.Unlock()
		}
	}()
	b.Reset()
	reset = true

	p.mu.Lock()
	defer p.mu.Unlock()
	p.out--
	p.puts++
	p.jobs.add(p.puts, jobWindow, job)
	if limit := p.retainLimit(); b.allocated > limit {
		b.trim(limit)
		p.stats.Trimmed++
	}
	p.idle = append(p.idle, b)
	p.stats.Retained += b.AllocatedBytes()
}

// jobWindow is the number of Puts in a period of the pool's window of
// recent jobs, which spans two periods: long enough that a kind of job
// that is one in three is almost surely in it.
const jobWindow = 64

// retainLimit returns the most bytes an arena may keep: MaxRetained if
// set, and twice the largest recent job (chunks grow by doubling, so a
// job of n bytes may hold up to about 2n in chunks) plus a first chunk.
func (p *Pool) retainLimit() uintptr {
	limit := 2*p.jobs.max(p.puts, jobWindow) + maxChunkSize
	if p.MaxRetained > 0 {
		limit = min(limit, uintptr(p.MaxRetained))
	}
	return limit
}

// Stats returns what p did so far, and what it holds now.
func (p *Pool) Stats() PoolStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.stats
	s.Idle = len(p.idle)
	return s
}

// afterGC runs once per garbage-collection cycle: it keeps as many idle
// arenas as were in use at once in this cycle or the previous one, or,
// if the pool served jobs in either, over its last 64 to 128 jobs, and
// trims those holding more than the recent jobs justify.
//
// The jobs' window matters when collections are frequent: goroutines that
// happened not to overlap for two cycles would otherwise make a busy pool
// drop an arena it needs again at once, and a warm arena is the whole of
// a job's memory. Once the jobs stop, the cycles alone count, so an idle
// pool still empties within four collections.
func (p *Pool) afterGC() {
	p.mu.Lock()
	defer p.mu.Unlock()
	keep := max(p.peak, p.prevPeak)
	// Served jobs in this cycle or the previous one: the cleanup that
	// calls afterGC runs some time after its collection, and a cycle may
	// look idle only because its jobs ran before the previous call.
	if p.stats.Gets != p.getsAtGC[0] {
		keep = max(keep, int(p.outs.max(p.stats.Gets, jobWindow)))
	}
	p.getsAtGC = [2]uint64{p.getsAtGC[1], p.stats.Gets}
	p.prevPeak, p.peak = p.peak, p.out
	// keep counts the arenas in use too: those come back with Put.
	for n := max(keep-p.out, 0); len(p.idle) > n; {
		b := p.idle[0]
		copy(p.idle, p.idle[1:])
		p.idle[len(p.idle)-1] = nil
		p.idle = p.idle[:len(p.idle)-1]
		p.stats.Retained -= b.AllocatedBytes()
		p.stats.Dropped++
	}
	limit := p.retainLimit()
	for _, b := range p.idle {
		if b.allocated > limit {
			p.stats.Retained -= b.AllocatedBytes()
			b.trim(limit)
			p.stats.Retained += b.AllocatedBytes()
			p.stats.Trimmed++
		}
	}
}

// gcSentinel is an object made only to become unreachable: its cleanup
// tells a Pool that a garbage collection happened. It holds a pointer so
// that it is never a tiny allocation, whose cleanups may not run.
type gcSentinel struct{ _ *int }

// armPoolHook arranges for p.afterGC to run after the next garbage
// collection, and after every one from then on, for as long as p exists:
// the hook holds p weakly, so a Pool that is no longer referenced is
// collected and its hook stops.
func armPoolHook(p *Pool) {
	runtime.AddCleanup(new(gcSentinel), poolHook, weak.Make(p))
}

func poolHook(wp weak.Pointer[Pool]) {
	if p := wp.Value(); p != nil {
		p.afterGC()
		runtime.AddCleanup(new(gcSentinel), poolHook, wp)
	}
}

// trim releases b's spare chunks, largest first, and then the empty
// chunks it keeps to start its next round in, until b holds at most limit
// bytes or nothing. b must have nothing in use (just reset).
func (b *Bump) trim(limit uintptr) {
	if b.trimSpares(limit); b.allocated <= limit {
		return
	}
	b.syncBytes()
	b.bytes.shed(b)
	b.loadBytes()
	for _, s := range b.slabList {
		if b.allocated <= limit {
			return
		}
		s.list().shed(b)
	}
}

// shed releases the empty chunk the list keeps for its next round.
func (l *chunkList[E]) shed(b *Bump) {
	if len(l.chunks) == 1 && len(l.cur) == 0 && len(l.large) == 0 {
		l.release(b, l.cur)
		l.chunks[0] = nil
		l.chunks, l.cur = l.chunks[:0], nil
	}
}
