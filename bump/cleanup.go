package bump

import "sort"

// A Cleanup is a function registered with [Bump.Cleanup]. Its Stop method
// cancels the registration, as [runtime.Cleanup.Stop] does for
// runtime.AddCleanup. The zero Cleanup is a registration that was never
// made; stopping it does nothing.
type Cleanup struct {
	b  *Bump
	id uint64
}

// A cleanupEntry is one registered function. Entries are kept in the
// order they were registered, so ids increase along Bump.cleanups.
type cleanupEntry struct {
	id uint64
	f  func() // nil once stopped
}

// Cleanup registers f to be called when b is reset: by [Bump.Reset], or by
// [Bump.ResetTo] a checkpoint taken before f was registered. Functions run
// newest first, before the memory is zeroed, so they may still read values
// in the arena. Like [testing.T.Cleanup], it is meant for releasing what
// arena values own (files, handles, pools).
//
// The returned Cleanup can cancel the registration with Stop, for a value
// released before its arena is reset (see the boxed package).
func (b *Bump) Cleanup(f func()) Cleanup {
	b.cleanupID++
	b.cleanups = append(b.cleanups, cleanupEntry{id: b.cleanupID, f: f})
	return Cleanup{b: b, id: b.cleanupID}
}

// Stop cancels the registration: the function will not be called. Stop
// does nothing if the function has already run or been stopped, or if its
// arena was reset since it was registered.
func (c Cleanup) Stop() {
	b := c.b
	if b == nil {
		return
	}
	cs := b.cleanups
	i := sort.Search(len(cs), func(i int) bool { return cs[i].id >= c.id })
	if i == len(cs) || cs[i].id != c.id || cs[i].f == nil {
		return
	}
	cs[i].f = nil
	b.stoppedCleanups++
	// Drop stopped entries from the end, and compact the list when most of
	// it is stopped, so that registering and stopping without a reset keeps
	// the list as long as what is still registered.
	for n := len(b.cleanups); n > 0 && b.cleanups[n-1].f == nil; n-- {
		b.cleanups = b.cleanups[:n-1]
		b.stoppedCleanups--
	}
	if b.stoppedCleanups > len(b.cleanups)/2 {
		live := b.cleanups[:0]
		for _, e := range b.cleanups {
			if e.f != nil {
				live = append(live, e)
			}
		}
		clear(b.cleanups[len(live):])
		b.cleanups = live
		b.stoppedCleanups = 0
	}
}

// cleanupMark returns the position in the cleanup list that a checkpoint
// records: the id of the newest registration so far. Cleanups registered
// later have larger ids, whatever entries are removed in between.
func (b *Bump) cleanupMark() uint64 { return b.cleanupID }

// runCleanups calls, newest first, the cleanups registered after mark.
func (b *Bump) runCleanups(mark uint64) {
	for n := len(b.cleanups); n > 0 && b.cleanups[n-1].id > mark; n = len(b.cleanups) {
		e := b.cleanups[n-1]
		b.cleanups[n-1] = cleanupEntry{}
		b.cleanups = b.cleanups[:n-1]
		if e.f == nil {
			b.stoppedCleanups--
			continue
		}
		e.f()
	}
}
