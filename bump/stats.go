package bump

// Stats is a snapshot of a Bump's memory, as returned by [Bump.Stats].
// All figures are in bytes, except Resets.
type Stats struct {
	// InUse is the memory handed out since the last reset: allocations,
	// their alignment padding, the part of a Typed handle's window not
	// yet handed out, and storage given back out of order (see Wasted).
	InUse int
	// Held is the memory the arena holds in chunks, in use or not: what
	// [Bump.AllocatedBytes] reports and the allocation limit bounds.
	Held int
	// Spare is the part of Held in empty chunks kept for reuse.
	Spare int
	// Wasted is memory this round cannot use: the ends of chunks left
	// behind when a request did not fit, and storage given back with
	// Free that was not the newest allocation (a container that grew by
	// moving). It is counted in Held, and the given-back storage in InUse
	// too; Reset makes it usable again.
	Wasted int
	// Peak is the most memory in use at any time since the last reset.
	Peak int
	// RecentPeak is the most memory in use in any of the recent rounds
	// (between 16 and 32 resets, the retention window), this one included.
	RecentPeak int
	// Retained is what the arena held right after its last reset: the
	// memory it kept for the rounds to come.
	Retained int
	// Resets is the number of resets so far.
	Resets uint64
}

// Stats returns a snapshot of b's memory. It allocates nothing and costs
// a few nanoseconds per kind of storage used since the last reset (the
// byte chunks, and one slab per pointer-holding type), so a server can
// read it for every request.
func (b *Bump) Stats() Stats {
	inUse := b.inUse()
	wasted := b.wasted + b.bytesSlack()
	for _, r := range b.active {
		if s, ok := r.(slab); ok {
			wasted += s.list().slack()
		}
	}
	peak := max(b.peak, inUse)
	return Stats{
		InUse:      int(inUse),
		Held:       int(b.allocated),
		Spare:      int(b.spare),
		Wasted:     int(wasted),
		Peak:       int(peak),
		RecentPeak: int(max(b.peaks.max(b.round, retainRounds/2), peak)),
		Retained:   int(b.retained),
		Resets:     b.round,
	}
}

// inUse returns the bytes handed out since the last reset.
func (b *Bump) inUse() uintptr {
	n := uintptr(b.bytes.before) + b.off
	for _, r := range b.active {
		if s, ok := r.(slab); ok {
			n += s.list().inUse()
		}
	}
	return n
}

// bytesSlack is the byte list's slack, with the mirror of its current
// chunk: only chunks before the current one have any.
func (b *Bump) bytesSlack() uintptr { return b.bytes.slack() }

// notePeak records the bytes in use before an operation that decreases
// them, so that Stats reports the round's peak.
func (b *Bump) notePeak() {
	b.peak = max(b.peak, b.inUse())
}

// A peakWindow keeps the peaks of the recent rounds: the most in the
// current period of span rounds, and in the previous one, as sync.Pool
// keeps a victim cache. A window thus covers between span and 2*span
// rounds.
type peakWindow struct {
	period    uint64
	cur, prev uintptr
}

func (w *peakWindow) add(round, span uint64, peak uintptr) {
	w.roll(round, span)
	w.cur = max(w.cur, peak)
}

// max returns the most of the window as of round.
func (w *peakWindow) max(round, span uint64) uintptr {
	if p := round / span; p > w.period+1 {
		return 0
	} else if p == w.period+1 {
		return w.cur
	}
	return max(w.cur, w.prev)
}

func (w *peakWindow) roll(round, span uint64) {
	p := round / span
	switch {
	case p == w.period:
		return
	case p == w.period+1:
		w.prev = w.cur
	default:
		w.prev = 0
	}
	w.cur, w.period = 0, p
}
