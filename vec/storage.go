package vec

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// Grow increases v's capacity, if necessary, to guarantee space for
// another n elements, as [slices.Grow] does: after Grow(n), at least n
// elements can be added to v without another allocation, and those
// additions cannot fail. It grows the capacity like append, amortising
// the cost of repeated calls. It panics if n is negative, and with the
// allocator's error if the storage cannot be had; see [Vec.TryGrow].
func (v *Vec[T]) Grow(n int) {
	if v == nil {
		name.PanicNil("Grow")
	}
	check(&v.h)
	if err := v.grow(n, "Grow"); err != nil {
		panic(err)
	}
}

// TryGrow is like [Vec.Grow] but returns an error instead of panicking
// when the storage cannot be had: one wrapping [bump.ErrAllocationLimit]
// when the arena's limit is the cause, or [bump.ErrInvalidSize] when the
// size overflows. v is then unchanged. It still panics if n is negative.
func (v *Vec[T]) TryGrow(n int) error {
	if v == nil {
		name.PanicNil("TryGrow")
	}
	check(&v.h)
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
	v.h.Own(name, fn)
	newCap := bump.GrowCap(cap(v.s), need)
	if s, ok := bump.ResizeInPlace(v.a, v.s, newCap); ok {
		// In place: the arena grows the storage only when it was
		// allocated after the newest checkpoint, so the storage tag still covers
		// it in the checked build.
		v.s = s
		return nil, nil
	}
	s, err := bump.AllocateSlice[T](v.a, newCap)
	if err != nil {
		return nil, name.Wrap(fn, err)
	}
	old = v.s
	v.s = s[:copy(s, old)]
	v.h.Store(v.a)
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
// back. Clip of a nil *Vec does nothing.
func (v *Vec[T]) Clip() {
	if v == nil {
		return
	}
	check(&v.h)
	if len(v.s) == cap(v.s) {
		return
	}
	v.h.Own(name, "Clip")
	if len(v.s) == 0 {
		v.free(v.s)
		v.s = nil
		v.h.Unstore()
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
		v.h.Store(v.a)
	} else {
		v.h.Unstore()
	}
	return nil
}
