package bump

import "unsafe"

// A handle takes its windows from the Bump in runs that start small and
// double, so that a handle used for a few values reserves little and one
// used for many refills rarely. A request of a run's size or more is
// allocated directly and leaves the window as it is.
const (
	minRunBytes = 128
	maxRunBytes = 64 << 10
)

// typedOps are a handle's slow paths, for the fast paths in window to
// call (see window for why they are function values). They take the
// handle the fast path ran on, which is how a copy is caught.
type typedOps[T any] struct {
	newSlow      func(*Typed[T]) *T
	tryNewSlow   func(*Typed[T]) (*T, error)
	allocSlow    func(*Typed[T], T) *T
	tryAllocSlow func(*Typed[T], T) (*T, error)
	makeSlow     func(*Typed[T], int, int) []T
	tryMakeSlow  func(*Typed[T], int, int) ([]T, error)
}

// typedState is what a handle needs out of line.
type typedState[T any] struct {
	self *Typed[T] // the handle itself, to catch copies
	b    *Bump
	l    Layout
	s    *typedSlab[T] // T's slab if T holds pointers, where runs come from
	// run is the current run, of which free is the tail. runs holds every
	// run taken since the last Reset, each but the last (which is run)
	// with the length it had used when the handle moved on: ResetTo needs
	// it to clear the values handed out after its checkpoint in the run
	// that was current then.
	run    []T
	runs   [][]T
	next   int // values in the next run
	maxRun int // values in a run of maxRunBytes (at least one)
	// active is the Bump's round plus one while the handle has a window
	// in this round (see Bump.activate).
	active uint64
}

// ofSlow finds or makes b's handle for T and caches it for Of.
//
//go:noinline
func ofSlow[T any](b *Bump, key unsafe.Pointer) *Typed[T] {
	c := &b.handles
	h := c.all[key]
	if h == nil {
		t := newTyped[T](b)
		h = unsafe.Pointer(t)
		if c.all == nil {
			c.all = make(map[unsafe.Pointer]unsafe.Pointer)
		}
		c.all[key] = h
		c.list = append(c.list, t)
	}
	c.recent[slotIndex(key)] = handleSlot{key: key, handle: h}
	return (*Typed[T])(h)
}

func newTyped[T any](b *Bump) *Typed[T] {
	// An empty window that is not nil, so that MakeSlice(0, 0) returns a
	// non-nil slice as make does.
	t := &Typed[T]{free: window[T]{}}
	t.self, t.b, t.l = t, b, LayoutOf[T]()
	t.ops = typedOps[T]{
		newSlow:      (*Typed[T]).newSlow,
		tryNewSlow:   (*Typed[T]).tryNewSlow,
		allocSlow:    (*Typed[T]).allocSlow,
		tryAllocSlow: (*Typed[T]).tryAllocSlow,
		makeSlow:     (*Typed[T]).makeSlow,
		tryMakeSlow:  (*Typed[T]).tryMakeSlow,
	}
	size := int(t.l.Size())
	if size == 0 {
		// Zero-size values need no storage: every allocation takes the
		// slow path, which returns zeroSizeBase, and nothing needs reset.
		return t
	}
	t.maxRun = max(1, maxRunBytes/size)
	t.next = min(max(4, minRunBytes/size), t.maxRun)
	if t.l.HasPointers() {
		t.s = b.slabFor(t.l).(*typedSlab[T])
	}
	return t
}

func (t *Typed[T]) newSlow() *T { return &must(t.refill(1))[0] }

func (t *Typed[T]) tryNewSlow() (*T, error) {
	s, err := t.refill(1)
	if err != nil {
		return nil, err
	}
	return &s[0], nil
}

func (t *Typed[T]) allocSlow(v T) *T {
	p := &must(t.refill(1))[0]
	*p = v
	return p
}

func (t *Typed[T]) tryAllocSlow(v T) (*T, error) {
	s, err := t.refill(1)
	if err != nil {
		return nil, err
	}
	s[0] = v
	return &s[0], nil
}

func (t *Typed[T]) makeSlow(length, capacity int) []T {
	return must(t.tryMakeSlow(length, capacity))
}

func (t *Typed[T]) tryMakeSlow(length, capacity int) ([]T, error) {
	if length < 0 || length > capacity || capacity == 0 {
		// The package function reports bad arguments in its words, and
		// allocates nothing for a zero capacity.
		return TryMakeSlice[T](t.b, length, capacity)
	}
	s, err := t.refill(capacity)
	if err != nil {
		return nil, err
	}
	return s[:length], nil
}

// refill returns zeroed storage for n > 0 values, of capacity n, when the
// window cannot hold them, taking a new run if n is smaller than one.
// Everything comes from Bump.Allocate, so the handle's memory is the
// Bump's in every respect (limit, accounting, chunk growth, the checked
// build's guards); on error nothing changed.
func (t *Typed[T]) refill(n int) ([]T, error) {
	if t.self != t {
		panic("bump: Typed handle used after being copied; use the *Typed that Of returns")
	}
	size := t.l.Size()
	if size == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&zeroSizeBase)), n), nil
	}
	b := t.b
	if checkedBuild || n >= t.next {
		p, err := b.Allocate(t.l, n)
		if err != nil {
			return nil, err
		}
		return unsafe.Slice((*T)(p), n), nil
	}
	// Take the rest of the current chunk rather than start a new one when
	// it holds n values, so that the run wastes no chunk space.
	run := t.next
	if free := t.chunkFree(size); free >= n {
		run = min(run, free)
	}
	p, err := b.Allocate(t.l, run)
	if err != nil && run > n {
		// Near the allocation limit n values may fit where a run does
		// not: the handle must not fail where the Bump would succeed.
		run = n
		p, err = b.Allocate(t.l, run)
	}
	if err != nil {
		return nil, err
	}
	b.activate(t, &t.active)
	if k := len(t.runs); k > 0 {
		t.runs[k-1] = t.run[:len(t.run)-len(t.free)]
	}
	t.run = unsafe.Slice((*T)(p), run)
	t.runs = append(t.runs, t.run)
	t.free = t.run[n:]
	t.next = min(2*run, t.maxRun)
	return t.run[:n:n], nil
}

// chunkFree returns how many values of the given size fit in the rest of
// the chunk the next run would come from.
func (t *Typed[T]) chunkFree(size uintptr) int {
	if s := t.s; s != nil {
		return cap(s.cur) - len(s.cur)
	}
	b := t.b
	return int((b.cap - b.off) / size)
}

// A handle hears about Reset, Checkpoint and ResetTo as a resetter of its
// Bump, from its first window in a round on. It owns no memory: its runs
// are allocations of the byte chunks or of T's slab, which account for
// them, report them in Chunks, and clear them when they are freed. So
// reset and rewind only move the window, and rewind clears what the
// handle handed out after the checkpoint in the run that was current at
// the checkpoint, memory the Bump keeps.

// reset gives back the part of the current run not handed out, if it is
// the newest allocation of its chunk, so that the Bump's reset clears
// only what was used; then it forgets the runs.
func (t *Typed[T]) reset(b *Bump) {
	if used := len(t.run) - len(t.free); len(t.free) > 0 {
		p := unsafe.Pointer(unsafe.SliceData(t.run))
		if used == 0 {
			b.Free(t.l, p, len(t.run))
		} else {
			b.Resize(t.l, p, len(t.run), used)
		}
	}
	clear(t.runs)
	t.runs = t.runs[:0]
	t.run, t.free = nil, window[T]{}
}

// mark records the number of runs and how much of the current one is used.
func (t *Typed[T]) mark() listMark {
	return listMark{chunks: len(t.runs), used: len(t.run) - len(t.free)}
}

func (t *Typed[T]) rewind(b *Bump, m listMark) {
	if m.chunks == 0 || m.chunks > len(t.runs) {
		// The handle had no run at the checkpoint: all its runs are
		// memory the Bump is freeing.
		clear(t.runs)
		t.runs = t.runs[:0]
		t.run, t.free = nil, window[T]{}
		return
	}
	used := t.run[:len(t.run)-len(t.free)]
	if m.chunks < len(t.runs) {
		used = t.runs[m.chunks-1]
		clear(t.runs[m.chunks:])
		t.runs = t.runs[:m.chunks]
		t.run = used[:cap(used)]
	}
	clear(used[m.used:])
	t.free = t.run[m.used:]
}

// metadata returns the bytes of the handle's list of runs, which the
// Bump's metadata figure includes (see Bump.AllocatedBytesIncludingMetadata).
func (t *Typed[T]) metadata() uintptr {
	return uintptr(cap(t.runs)) * unsafe.Sizeof(t.run)
}
