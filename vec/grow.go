package vec

import (
	"fmt"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// Push appends x to the end of v, growing its storage if it is full. It
// panics if the allocator cannot provide the storage; see [Vec.TryPush].
func (v *Vec[T]) Push(x T) {
	// Kept within the inliner's budget of 80 (this form costs 80 for the
	// generic shape that other packages call; TestPushInlines checks it),
	// so that a push into spare capacity is two loads, a compare and two
	// stores in the caller's loop. Growth, out of line, makes room and
	// stores x. Even an empty call costs 6, so the checked build's check
	// is behind a constant that the inliner drops.
	if lifecheck.Enabled {
		v.check()
	}
	if len(v.s) < cap(v.s) {
		v.s = append(v.s, x)
		return
	}
	v.pushSlow(x)
}

//go:noinline
func (v *Vec[T]) pushSlow(x T) {
	if err := v.tryPush(x, "Push"); err != nil {
		panic(err)
	}
}

// TryPush is like [Vec.Push] but returns an error (wrapping
// [bump.ErrAllocationLimit] if the arena's limit is the cause) instead of
// panicking; v is then unchanged.
func (v *Vec[T]) TryPush(x T) error {
	v.check()
	return v.tryPush(x, "TryPush")
}

func (v *Vec[T]) tryPush(x T, fn string) error {
	old, err := v.reserve(1, fn)
	if err != nil {
		return err
	}
	v.s = append(v.s, x)
	// x may be an element of the old storage's referents, never the
	// storage itself, so it can be given back only now that x is stored.
	v.free(old)
	return nil
}

// Pop removes and returns the last element of v, and reports whether
// there was one. Popping an empty Vec returns the zero value and false.
// The vacated slot is zeroed, so that v's storage keeps nothing the
// element refers to alive.
func (v *Vec[T]) Pop() (T, bool) {
	v.check()
	var zero T
	n := len(v.s)
	if n == 0 {
		return zero, false
	}
	x := v.s[n-1]
	v.s[n-1] = zero
	v.s = v.s[:n-1]
	return x, true
}

// AppendSlice appends the elements of s to v, growing its storage at most
// once, like append(v, s...). s may share v's storage:
// v.AppendSlice(v.Slice()) doubles v, as append does for a slice. It
// panics if the allocator cannot provide the storage; see
// [Vec.TryAppendSlice].
func (v *Vec[T]) AppendSlice(s []T) {
	v.check()
	if err := v.appendSlice(s, "AppendSlice"); err != nil {
		panic(err)
	}
}

// TryAppendSlice is like [Vec.AppendSlice] but returns an error instead
// of panicking; v is then unchanged.
func (v *Vec[T]) TryAppendSlice(s []T) error {
	v.check()
	return v.appendSlice(s, "TryAppendSlice")
}

func (v *Vec[T]) appendSlice(s []T, fn string) error {
	old, err := v.reserve(len(s), fn)
	if err != nil {
		return err
	}
	v.s = append(v.s, s...)
	v.free(old)
	return nil
}

// Extend appends the values of seq to v in order, as [slices.AppendSeq]
// does. It panics like [Vec.Push]; v then holds the values appended
// before the failure. If seq itself panics, v holds a prefix of the
// values it yielded. seq may read or change v: each value is appended to
// v as it is then, so v.Extend(v.Values()) repeats v's elements, as
// appending a slice's own values does.
func (v *Vec[T]) Extend(seq iter.Seq[T]) {
	v.check()
	v.extend(seq, "Extend")
}

func (v *Vec[T]) extend(seq iter.Seq[T], fn string) {
	for x := range seq {
		// v.s is reloaded for each value rather than kept in a local
		// across yields, which would lose whatever seq did to v.
		if n := len(v.s); n < cap(v.s) {
			v.s = v.s[:n+1]
			v.s[n] = x
		} else if err := v.tryPush(x, fn); err != nil {
			panic(err)
		}
	}
}

// Grow increases v's capacity, if necessary, to guarantee space for
// another n elements, as [slices.Grow] does: after Grow(n), at least n
// elements can be added to v without another allocation, and those
// additions cannot fail. It grows the capacity like append, amortising
// the cost of repeated calls. It panics if n is negative, and with the
// allocator's error if the storage cannot be had; see [Vec.TryGrow].
func (v *Vec[T]) Grow(n int) {
	v.check()
	if err := v.grow(n, "Grow"); err != nil {
		panic(err)
	}
}

// TryGrow is like [Vec.Grow] but returns an error instead of panicking
// when the storage cannot be had: one wrapping [bump.ErrAllocationLimit]
// when the arena's limit is the cause, or [bump.ErrInvalidSize] when the
// size overflows. v is then unchanged. It still panics if n is negative.
func (v *Vec[T]) TryGrow(n int) error {
	v.check()
	return v.grow(n, "TryGrow")
}

func (v *Vec[T]) grow(n int, fn string) error {
	if n < 0 {
		panic(fmt.Sprintf("vec: %s: negative count %d", fn, n))
	}
	old, err := v.reserve(n, fn)
	v.free(old)
	return err
}

// reserve makes room for n >= 0 more elements, naming fn in its error.
// If it has to move the elements to new storage, it returns the old
// storage instead of giving it back: the caller frees it with v.free once
// it has read any argument that may share it (a Bump clears freed
// pointer-holding storage, and may reuse freed storage at once).
func (v *Vec[T]) reserve(n int, fn string) (old []T, err error) {
	if n <= cap(v.s)-len(v.s) {
		return nil, nil
	}
	need := len(v.s) + n
	if need < 0 {
		return nil, fmt.Errorf("vec: %s: %d+%d elements: %w", fn, len(v.s), n, bump.ErrInvalidSize)
	}
	v.own(fn)
	newCap := bump.GrowCap(cap(v.s), need)
	if s, ok := bump.ResizeInPlace(v.a, v.s, newCap); ok {
		// In place: the arena grows the storage only when it was
		// allocated after the newest checkpoint, so v.store still covers
		// it in the checked build.
		v.s = s
		return nil, nil
	}
	s, err := bump.AllocateSlice[T](v.a, newCap)
	if err != nil {
		return nil, fmt.Errorf("vec: %s: %w", fn, err)
	}
	old = v.s
	v.s = s[:copy(s, old)]
	v.store.Move(v.a)
	return old, nil
}

// free gives old, storage v no longer uses, back to v's allocator.
func (v *Vec[T]) free(old []T) { bump.FreeSlice(v.a, old) }

// Clip removes unused capacity from v, as [slices.Clip] does, giving the
// spare storage back to the allocator. With a [*bump.Bump] it shrinks in
// place when v's storage is the newest allocation of its chunk, so that
// the next allocation reuses the space; otherwise it moves the elements
// to an allocation of the exact size, if the allocator provides one (if
// it cannot, v is left unchanged). An empty Vec gives all its storage
// back.
func (v *Vec[T]) Clip() {
	v.check()
	if len(v.s) == cap(v.s) {
		return
	}
	v.own("Clip")
	if len(v.s) == 0 {
		v.free(v.s)
		v.s = nil
		v.store.Stop()
		return
	}
	_ = v.resize(len(v.s))
}

// resize moves v to storage of capacity newCap >= len(v.s), returning
// the allocator's error unwrapped.
func (v *Vec[T]) resize(newCap int) error {
	s, err := bump.ResizeSlice(v.a, v.s, newCap)
	if err != nil {
		return err
	}
	v.s = s
	// Tracking the storage afresh is right even when it was resized in
	// place, which the arena does only for storage allocated after its
	// newest checkpoint.
	if cap(s) > 0 {
		v.store.Move(v.a)
	} else {
		v.store.Stop()
	}
	return nil
}
