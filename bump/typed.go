package bump

// A Typed is a handle on a [Bump] for values of one type T, obtained with
// [Of]. Its methods do what [New], [Alloc] and [MakeSlice] do, but they
// are small enough for the compiler to inline into the caller, without
// profile-guided optimization: the handle keeps a window of T values
// reserved in the arena, and the common case takes the next ones from it
// with a compare and a slice operation, as a slice bumped by hand would.
// When the window is used up, a call out of line reserves the next one.
//
// A handle is a view of its Bump, not an arena of its own. Its windows
// are ordinary allocations of the Bump (in byte chunks for a pointer-free
// T, in T's garbage-collected slab otherwise, as for [New]), so they count
// towards [Bump.AllocatedBytes] and the allocation limit and appear in
// [Bump.Chunks]; the part of a window not yet handed out counts as in use
// there. [Bump.Reset] frees what a handle allocated, and [Bump.ResetTo] a
// checkpoint frees and zeroes exactly what the handle allocated after it,
// as for the Bump's own allocations. A handle stays valid, and keeps its
// identity, across resets; like its Bump it is not safe for concurrent
// use.
//
// A window starts at 128 bytes and doubles up to 64 KiB, never taking
// more than the rest of the current chunk when that holds the request.
// Reset gives back the part of the window not handed out, so that it
// costs what the round used.
// A request too big for the next window is allocated directly and leaves
// the window as it is. In the checked build (-tags bumpdebug) a handle
// keeps no window: every allocation goes through the Bump's own path and
// its checks.
//
// A Typed must not be copied: a copy would hand out the values of the
// same window again. go vet's copylocks check reports copies, and a copy
// that needs a new window panics.
type Typed[T any] struct {
	_ noCopy
	// free is the part of the current window not yet handed out. The fast
	// paths read and write only free, and call ops when it is too short.
	free window[T]
	ops  typedOps[T]
	typedState[T]
}

// Of returns b's handle for values of T. Calls for the same T and b
// return the same handle. After the first call for a type, Of costs a
// few nanoseconds and allocates nothing, so code may call it for each
// request rather than keep the handle.
func Of[T any](b *Bump) *Typed[T] {
	key := typeKey[T]()
	if e := &b.handles.recent[slotIndex(key)]; e.key == key {
		// Sound because a slot holds the handle of the type whose key it
		// records, which is T.
		return (*Typed[T])(e.handle)
	}
	return ofSlow[T](b, key)
}

// New returns a pointer to a new zero value of T allocated in the
// handle's Bump, like [New]. It panics with an error wrapping
// [ErrAllocationLimit] if the allocation limit does not allow it; see
// [Typed.TryNew].
func (t *Typed[T]) New() *T { return t.free.take(t, t.ops.newSlow) }

// TryNew is like [Typed.New] but returns an error instead of panicking.
func (t *Typed[T]) TryNew() (*T, error) { return t.free.tryTake(t, t.ops.tryNewSlow) }

// Alloc returns a pointer to a copy of v allocated in the handle's Bump,
// like [Alloc]. It panics like [Typed.New]; see [Typed.TryAlloc].
func (t *Typed[T]) Alloc(v T) *T { return t.free.put(t, v, t.ops.allocSlow) }

// TryAlloc is like [Typed.Alloc] but returns an error instead of
// panicking; on error nothing is allocated.
func (t *Typed[T]) TryAlloc(v T) (*T, error) { return t.free.tryPut(t, v, t.ops.tryAllocSlow) }

// MakeSlice returns a zeroed slice of T with the given length and
// capacity, allocated in the handle's Bump, like make([]T, length,
// capacity) and [MakeSlice]. It panics if length is negative or greater
// than capacity, if the size overflows, or if the allocation limit does
// not allow it; see [Typed.TryMakeSlice]. A capacity of zero allocates
// nothing.
func (t *Typed[T]) MakeSlice(length, capacity int) []T {
	return t.free.takeN(t, length, capacity, t.ops.makeSlow)
}

// TryMakeSlice is like [Typed.MakeSlice] but returns an error wrapping
// [ErrInvalidSize] or [ErrAllocationLimit] instead of panicking.
func (t *Typed[T]) TryMakeSlice(length, capacity int) ([]T, error) {
	return t.free.tryTakeN(t, length, capacity, t.ops.tryMakeSlow)
}

// A window is the part of a handle's current run not yet handed out.
//
// Its methods are the fast paths, shaped for the compiler's inlining
// budget: the slow path is a function parameter, which the inliner
// charges far less than a direct call (it may be a constant function),
// and results are named so that returning the slow path's costs no
// temporaries. After inlining, the call goes to the handle's bound
// method in ops, out of line; it gets the handle the fast path ran on,
// so that it can tell a copy from the handle itself. Slicing to an empty window keeps its
// pointer in bounds (Go never makes a zero-capacity slice point past its
// array), so a window never keeps an unrelated object alive.
type window[T any] []T

func (w *window[T]) take(t *Typed[T], slow func(*Typed[T]) *T) *T {
	if f := *w; len(f) != 0 {
		*w = f[1:]
		return &f[0]
	}
	return slow(t)
}

func (w *window[T]) tryTake(t *Typed[T], slow func(*Typed[T]) (*T, error)) (p *T, err error) {
	if f := *w; len(f) != 0 {
		*w = f[1:]
		return &f[0], nil
	}
	p, err = slow(t)
	return
}

func (w *window[T]) put(t *Typed[T], v T, slow func(*Typed[T], T) *T) *T {
	if f := *w; len(f) != 0 {
		*w = f[1:]
		f[0] = v
		return &f[0]
	}
	return slow(t, v)
}

func (w *window[T]) tryPut(t *Typed[T], v T, slow func(*Typed[T], T) (*T, error)) (p *T, err error) {
	if f := *w; len(f) != 0 {
		*w = f[1:]
		f[0] = v
		return &f[0], nil
	}
	p, err = slow(t, v)
	return
}

// takeN and tryTakeN check 0 <= length <= capacity <= len(f) with two
// unsigned comparisons: a negative value converts to a huge one.
func (w *window[T]) takeN(t *Typed[T], length, capacity int, slow func(*Typed[T], int, int) []T) []T {
	if f := *w; uint(length) <= uint(capacity) && uint(capacity) <= uint(len(f)) {
		*w = f[capacity:]
		return f[:length:capacity]
	}
	return slow(t, length, capacity)
}

func (w *window[T]) tryTakeN(t *Typed[T], length, capacity int, slow func(*Typed[T], int, int) ([]T, error)) (s []T, err error) {
	if f := *w; uint(length) <= uint(capacity) && uint(capacity) <= uint(len(f)) {
		*w = f[capacity:]
		return f[:length:capacity], nil
	}
	s, err = slow(t, length, capacity)
	return
}
