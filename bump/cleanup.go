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
// Every registered function runs exactly once, even when some panic: if a
// function panics, the reset still runs the remaining ones and completes
// (the memory is zeroed and reused as without the panic), and then the
// first panic propagates from Reset or ResetTo with its original stack.
// Panics of later functions during that reset are discarded. The arena is
// consistent and usable afterwards.
//
// A function running during a reset may allocate from b (that memory is
// freed by the same reset), register further functions with Cleanup (they
// run in the same reset, since they are newer than every checkpoint) and
// stop registrations. It must not call Reset, ResetTo or Checkpoint on b:
// those panic with a message saying they were called from a cleanup, and
// the reset in progress completes as for any panicking cleanup.
//
// The returned Cleanup can cancel the registration with Stop, for a value
// released before its arena is reset (see the boxed package).
func (b *Bump) Cleanup(f func()) Cleanup {
	b.refuseJoined("Cleanup")
	b.cleanupID++
	b.cleanups = append(b.cleanups, cleanupEntry{id: b.cleanupID, f: f})
	return Cleanup{b: b, id: b.cleanupID}
}

// Stop cancels the registration: the function will not be called. Stop
// does nothing if the function has already run or been stopped, or if its
// arena was reset since it was registered.
func (c Cleanup) Stop() {
	b, id := c.b, c.id
	if b == nil {
		return
	}
	if b.joinedInto != nil {
		if b, id = b.movedTo(id); b == nil {
			return
		}
	}
	cs := b.cleanups
	i := sort.Search(len(cs), func(i int) bool { return cs[i].id >= id })
	if i == len(cs) || cs[i].id != id || cs[i].f == nil {
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
// Each entry leaves the list before its function is called, so that a
// function that panics is not called again. If one panics, the rest are
// called from a deferred function, their own panics recovered and
// discarded, and the first panic then goes on unwinding: every cleanup runs
// once and the caller's deferred rewind of the memory still happens.
func (b *Bump) runCleanups(mark uint64) {
	completed := false
	defer func() {
		if completed {
			return
		}
		for f := b.popCleanup(mark); f != nil; f = b.popCleanup(mark) {
			callDiscardingPanic(f)
		}
	}()
	for f := b.popCleanup(mark); f != nil; f = b.popCleanup(mark) {
		f()
	}
	completed = true
}

// popCleanup removes the newest registration after mark and returns its
// function, skipping stopped ones, or returns nil if there is none.
func (b *Bump) popCleanup(mark uint64) func() {
	for n := len(b.cleanups); n > 0 && b.cleanups[n-1].id > mark; n = len(b.cleanups) {
		e := b.cleanups[n-1]
		b.cleanups[n-1] = cleanupEntry{}
		b.cleanups = b.cleanups[:n-1]
		if e.f != nil {
			return e.f
		}
		b.stoppedCleanups--
	}
	return nil
}

func callDiscardingPanic(f func()) {
	defer func() { _ = recover() }()
	f()
}

// refuseDuringReset panics if fn, which would change the checkpoints or
// positions that the reset in progress is rewinding, is called by a
// cleanup during that reset.
func (b *Bump) refuseDuringReset(fn string) {
	if b.resetting {
		panic("bump: " + fn + ": called from a cleanup during a reset")
	}
}
