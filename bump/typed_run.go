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

// typedOps are a handle's slow paths, bound to it, for the fast paths in
// window to call (see window for why they are function values).
type typedOps[T any] struct {
	newSlow      func() *T
	tryNewSlow   func() (*T, error)
	allocSlow    func(T) *T
	tryAllocSlow func(T) (*T, error)
	makeSlow     func(int, int) []T
	tryMakeSlow  func(int, int) ([]T, error)
}

// typedState is what a handle needs out of line.
type typedState[T any] struct {
	b *Bump
	l Layout
	s *typedSlab[T] // T's slab if T holds pointers, where runs come from
	// run is the current run, of which free is the tail. runs holds every
	// run taken since the last Reset, each but the last (which is run)
	// with the length it had used when the handle moved on: ResetTo needs
	// it to clear the values handed out after its checkpoint in the run
	// that was current then.
	run    []T
	runs   [][]T
	next   int // values in the next run
	maxRun int // values in a run of maxRunBytes (at least one)
}

// ofSlow finds or makes b's handle for T and caches it for Of.
//
//go:noinline
func ofSlow[T any](b *Bump, key unsafe.Pointer) *Typed[T] {
	c := &b.handles
	h := c.all[key]
	if h == nil {
		h = unsafe.Pointer(newTyped[T](b))
		if c.all == nil {
			c.all = make(map[unsafe.Pointer]unsafe.Pointer)
		}
		c.all[key] = h
	}
	c.recent[slotIndex(key)] = handleSlot{key: key, handle: h}
	return (*Typed[T])(h)
}

func newTyped[T any](b *Bump) *Typed[T] {
	// An empty window that is not nil, so that MakeSlice(0, 0) returns a
	// non-nil slice as make does.
	t := &Typed[T]{free: window[T]{}}
	t.b, t.l = b, LayoutOf[T]()
	t.ops = typedOps[T]{
		newSlow:      t.newSlow,
		tryNewSlow:   t.tryNewSlow,
		allocSlow:    t.allocSlow,
		tryAllocSlow: t.tryAllocSlow,
		makeSlow:     t.makeSlow,
		tryMakeSlow:  t.tryMakeSlow,
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
	// The Bump resets and rewinds every slab in slabOrder; the handle
	// joins the list so that its window follows what the Bump frees.
	b.slabOrder = append(b.slabOrder, handleSlab[T]{t})
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
	size := t.l.Size()
	if size == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&zeroSizeBase)), n), nil
	}
	b := t.b
	if debugBuild || n >= t.next {
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
	if b.base == nil {
		return 0
	}
	return int((b.cap - b.off) / size)
}

// handleSlab puts a handle in its Bump's slab list, which is how the
// handle learns of Reset, Checkpoint and ResetTo. It owns no memory: its
// runs are allocations of the byte chunks or of T's slab, which account
// for them, report them in Chunks, and clear them when they are freed. So
// reset and rewind only move the window, and rewind clears what the
// handle handed out after the checkpoint in the run that was current at
// the checkpoint, memory the Bump keeps. The Bump never allocates from
// it: slabFor does not return it.
type handleSlab[T any] struct{ t *Typed[T] }

func (h handleSlab[T]) reset(*Bump) {
	t := h.t
	clear(t.runs)
	t.runs = t.runs[:0]
	t.run, t.free = nil, window[T]{}
}

// mark records the number of runs and how much of the current one is used.
func (h handleSlab[T]) mark() slabMark {
	t := h.t
	return slabMark{chunk: len(t.runs), used: len(t.run) - len(t.free)}
}

func (h handleSlab[T]) rewind(b *Bump, m slabMark) {
	t := h.t
	if m.chunk == 0 || m.chunk > len(t.runs) {
		// The handle had no run at the checkpoint (or did not exist): all
		// its runs are memory the Bump is freeing.
		h.reset(b)
		return
	}
	used := t.run[:len(t.run)-len(t.free)]
	if m.chunk < len(t.runs) {
		used = t.runs[m.chunk-1]
		clear(t.runs[m.chunk:])
		t.runs = t.runs[:m.chunk]
		t.run = used[:cap(used)]
	}
	clear(used[m.used:])
	t.free = t.run[m.used:]
}

// A handle never resizes or frees in place, so a checkpoint has nothing
// to protect in it.
func (handleSlab[T]) setFloor(*slabMark) {}

// The runs are reported, and verified, by the chunks they come from.
func (handleSlab[T]) chunkInfo(func(ChunkInfo) bool) bool { return true }

func (handleSlab[T]) verify() uintptr { return 0 }

// metadata counts the handle's list of runs, which the Bump's metadata
// figure includes (see Bump.AllocatedBytesIncludingMetadata).
func (h handleSlab[T]) metadata() uintptr {
	return uintptr(cap(h.t.runs)) * unsafe.Sizeof(h.t.run)
}

func (handleSlab[T]) allocate(*Bump, int) (unsafe.Pointer, error) {
	panic("bump: internal error: allocating from a Typed handle's slab entry")
}

func (handleSlab[T]) resize(unsafe.Pointer, int, int) bool { return false }

func (handleSlab[T]) free(*Bump, unsafe.Pointer, int) {}
