package bump

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// What a Bump keeps when it is reset: the retention policy.
//
// A reused arena should stop taking memory from the Go heap once it has
// seen its workload, even when rounds differ in size and kind: a round
// that fills a 16 MiB map after one that formats 64 KiB of text must find
// the map's tables waiting. And an arena must not keep forever what one
// unusual round needed. So:
//
//   - Reset keeps every chunk the round used, emptied (cleared where it
//     was used), as a spare; so does the release of a dedicated chunk in
//     an arena that has been reset before. Each kind of storage (the byte
//     chunks, each pointer-holding type's slab) has its own spares, and
//     keeps the regular chunks apart from the dedicated ones.
//   - A new chunk is taken from the spares when one fits: a regular chunk
//     is the smallest regular spare at least the size the doubling policy
//     wants (else the largest that holds the request), a dedicated chunk
//     the smallest dedicated spare that holds the request without wasting
//     more than half of it. Only when none fits is memory taken from the
//     Go heap. Since the choice depends only on the requests and the
//     spares, and a chunk keeps its role, a workload that repeats its
//     rounds, in any order, reaches a set of spares from which every
//     round is served.
//   - Each spare remembers the last round that used it, and the garbage
//     collection count then. A spare no round has used in the last
//     retainRounds resets, nor since two garbage collections ago, is
//     released to the garbage collector: retention follows the recent
//     rounds and decays, so that one huge round pins its memory for a
//     while only, and a workload that needs a large round now and then,
//     without the heap growing meanwhile, keeps it warm.
//   - The next round starts in the smallest spare that holds all the
//     regular chunks' use of the round just ended; and when a round
//     needed several regular chunks, the next new chunk is made big enough
//     for all of it (Bump's hint), so that rounds of one size come to run
//     in one chunk, whose reset costs one clear of what was used.
//   - Under an allocation limit, spares give way: before an allocation
//     fails for the limit, the arena releases its spares and tries again.
//
// Reset itself allocates nothing: it moves chunks between lists whose
// capacity it keeps.

// retainRounds is how many resets, and retainGCs how many garbage
// collections, a spare chunk is kept at least without being used.
const (
	retainRounds = 32
	retainGCs    = 2
)

// A date is when a chunk was last used: the round (the root arena's reset
// count) and the number of garbage collections then.
type date struct{ round, gc uint64 }

// expired reports whether a chunk last used at d is older than the
// retention window at now.
func expired(d, now date) bool {
	return now.round-d.round > retainRounds && now.gc-d.gc >= retainGCs
}

// gcCount counts garbage collections, from the first reset of any arena
// on: a cleanup on an object made to become garbage at once re-arms itself
// after every collection (see Pool for the same device).
var (
	gcCount    atomic.Uint64
	gcClockRun sync.Once
)

func startGCClock() { gcClockRun.Do(armGCClock) }

func armGCClock() { runtime.AddCleanup(new(gcSentinel), tickGCClock, 0) }

func tickGCClock(int) {
	gcCount.Add(1)
	armGCClock()
}

// A spare is an empty chunk kept for reuse, with when it was last used.
type spare[E any] struct {
	mem   []E // length 0
	stamp date
}

// A spareList holds a chunkList's spares in ascending order of capacity.
type spareList[E any] struct {
	list  []spare[E]
	bytes uintptr // the spares' capacity in bytes
}

func (s *spareList[E]) len() int             { return len(s.list) }
func (s *spareList[E]) stamp(i int) date     { return s.list[i].stamp }
func (s *spareList[E]) capacity(i int) int   { return cap(s.list[i].mem) }
func (s *spareList[E]) chunkBytes(c []E) int { return cap(c) * int(elemSize[E]()) }

// pick returns the index of the spare to use for a chunk that must hold
// need values and should hold want: the smallest holding want, or else
// the largest holding need; or -1 if none holds need.
func (s *spareList[E]) pick(need, want int) int {
	for i, sp := range s.list {
		if cap(sp.mem) >= want {
			return i
		}
	}
	if n := len(s.list); n > 0 && cap(s.list[n-1].mem) >= need {
		return n - 1
	}
	return -1
}

// pickLarge returns the index of the spare to use for a dedicated chunk of
// n values: the smallest holding them, if no more than twice their size
// (a request of 300 KiB must not take the 16 MiB chunk the round's next
// request needs); or -1.
func (s *spareList[E]) pickLarge(n int) int {
	for i, sp := range s.list {
		if c := cap(sp.mem); c >= n {
			if c/2 <= n {
				return i
			}
			return -1
		}
	}
	return -1
}

// take removes the spare i and returns its chunk, for b's use. The caller
// holds the family's lock if the spares are shared: the spares are the
// root arena's, and a forked arena that takes one holds it as its own.
func (s *spareList[E]) take(b *Bump, i int) []E {
	c := s.list[i].mem
	copy(s.list[i:], s.list[i+1:])
	s.list[len(s.list)-1] = spare[E]{}
	s.list = s.list[:len(s.list)-1]
	n := uintptr(s.chunkBytes(c))
	s.bytes -= n
	r := b.root()
	r.spare -= n
	if b != r {
		b.allocated += n
		b.fam.lent += n
	}
	return c
}

// add keeps the empty chunk c, which b was using, as a spare last used in
// round stamp.
func (s *spareList[E]) add(b *Bump, c []E, stamp date) {
	if cap(c) == 0 {
		return
	}
	i := len(s.list)
	for i > 0 && cap(s.list[i-1].mem) > cap(c) {
		i--
	}
	s.list = append(s.list, spare[E]{})
	copy(s.list[i+1:], s.list[i:])
	s.list[i] = spare[E]{mem: c[:0], stamp: stamp}
	n := uintptr(s.chunkBytes(c))
	s.bytes += n
	r := b.root()
	r.spare += n
	if b != r {
		b.allocated -= n
		b.fam.lent -= n
	}
}

// decay releases the spares of l, which holds s, that have not been used
// in the retention window.
func (s *spareList[E]) decay(b *Bump, l *chunkList[E]) {
	r := b.root()
	now := r.now()
	for i := 0; i < len(s.list); {
		if expired(s.list[i].stamp, now) {
			l.releaseSpare(r, s.take(r, i))
			continue
		}
		i++
	}
}

// trimSpares releases spares of l, largest first, until the arena holds
// at most limit bytes or l has none left.
// Only an arena not sharing its spares (see fork.go) trims them.
func (l *chunkList[E]) trimSpares(b *Bump, limit uintptr) {
	for b.allocated > limit && l.spares.len()+l.largeSpares.len() > 0 {
		s := &l.spares
		if n, m := l.spares.len(), l.largeSpares.len(); n == 0 ||
			m > 0 && l.largeSpares.capacity(m-1) > l.spares.capacity(n-1) {
			s = &l.largeSpares
		}
		l.releaseSpare(b, s.take(b, s.len()-1))
	}
}
