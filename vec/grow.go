package vec

import (
	"fmt"
	"iter"

	"github.com/bumpkit/bumpkit/bump"
)

// Push appends x to the end of v, growing its storage if it is full.
// It panics if the allocator cannot provide the storage; see [Vec.TryPush].
func (v *Vec[T]) Push(x T) {
	// Kept within the inliner's budget (checked with -gcflags=-m, for the
	// generic shape instantiation that other packages call), so that
	// pushing into spare capacity costs what append does. The append
	// never reallocates: growth, out of line, has made room.
	if len(v.s) == cap(v.s) {
		v.growOne()
	}
	v.s = append(v.s, x)
}

//go:noinline
func (v *Vec[T]) growOne() {
	v.Reserve(1)
}

// TryPush is like [Vec.Push] but returns an error (wrapping
// [bump.ErrAllocationLimit] if the arena's limit is the cause) instead of
// panicking; v is then unchanged.
func (v *Vec[T]) TryPush(x T) error {
	if err := v.TryReserve(1); err != nil {
		return err
	}
	v.s = append(v.s, x)
	return nil
}

// Pop removes and returns the last element of v, and reports whether
// there was one. Popping an empty Vec returns the zero value and false.
func (v *Vec[T]) Pop() (T, bool) {
	var zero T
	n := len(v.s)
	if n == 0 {
		return zero, false
	}
	x := v.s[n-1]
	// Clear the slot so that the storage keeps nothing x refers to alive.
	v.s[n-1] = zero
	v.s = v.s[:n-1]
	return x, true
}

// AppendSlice appends the elements of s to v, growing its storage at most
// once. s may share v's storage: v.AppendSlice(v.Slice()) doubles v, as
// append does for a slice. It panics if the allocator cannot provide the
// storage; see [Vec.TryAppendSlice].
func (v *Vec[T]) AppendSlice(s []T) {
	if err := v.TryAppendSlice(s); err != nil {
		panic(err)
	}
}

// TryAppendSlice is like [Vec.AppendSlice] but returns an error instead
// of panicking; v is then unchanged.
func (v *Vec[T]) TryAppendSlice(s []T) error {
	old, err := v.reserve(len(s))
	if err != nil {
		return err
	}
	v.s = append(v.s, s...)
	bump.FreeSlice(v.a, old)
	return nil
}

// Extend appends the values of seq to v in order. It panics like
// [Vec.Push]; v then holds the values appended before the failure. If seq
// itself panics, v holds a prefix of the values it yielded. seq may read
// or change v: each value is appended to v as it is then, so
// v.Extend(v.Values()) repeats v's elements, as appending a slice's own
// values does.
func (v *Vec[T]) Extend(seq iter.Seq[T]) {
	for x := range seq {
		// v.s is reloaded for each value rather than kept in a local
		// across yields, which would lose whatever seq did to v.
		if len(v.s) == cap(v.s) {
			v.growOne()
		}
		v.s = append(v.s, x)
	}
}

// Reserve makes room for at least n more elements, so that the next n
// appends do not allocate. It grows the capacity like append, amortising
// the cost of repeated calls. It panics if n is negative or the allocator
// cannot provide the storage; see [Vec.TryReserve].
func (v *Vec[T]) Reserve(n int) {
	if err := v.TryReserve(n); err != nil {
		panic(err)
	}
}

// TryReserve is like [Vec.Reserve] but returns an error instead of
// panicking when the storage cannot be had: one wrapping
// [bump.ErrAllocationLimit] when the arena's limit is the cause, or
// [bump.ErrInvalidSize] when the size overflows. v is then unchanged.
// It still panics if n is negative.
func (v *Vec[T]) TryReserve(n int) error {
	old, err := v.reserve(n)
	bump.FreeSlice(v.a, old)
	return err
}

// reserve makes room for n more elements like [Vec.TryReserve]. If it
// has to move the elements to new storage, it returns the old storage
// instead of giving it back: the caller frees it with bump.FreeSlice once
// it has read any argument that may share it (a Bump clears freed
// pointer-holding storage, and may reuse freed storage at once).
func (v *Vec[T]) reserve(n int) (old []T, err error) {
	if n < 0 {
		panic(fmt.Sprintf("vec: negative Reserve count %d", n))
	}
	if n <= cap(v.s)-len(v.s) {
		return nil, nil
	}
	need := len(v.s) + n
	if need < 0 {
		return nil, fmt.Errorf("vec: cannot grow to %d+%d elements: %w", len(v.s), n, bump.ErrInvalidSize)
	}
	newCap := bump.GrowCap(cap(v.s), need)
	if s, ok := bump.ResizeInPlace(v.a, v.s, newCap); ok {
		v.s = s
		return nil, nil
	}
	s, err := bump.AllocateSlice[T](v.a, newCap)
	if err != nil {
		return nil, fmt.Errorf("vec: growing to %d elements: %w", newCap, err)
	}
	old = v.s
	v.s = s[:copy(s, old)]
	return old, nil
}

// ShrinkToFit reduces v's capacity to its length, giving the spare
// storage back to the allocator. With a [*bump.Bump] it shrinks in place
// when v's storage is the newest allocation of its chunk, so that the
// next allocation reuses the space; otherwise it moves the elements to an
// allocation of the exact size, if the allocator provides one (if it
// cannot, v is left unchanged). An empty Vec gives all its storage back.
func (v *Vec[T]) ShrinkToFit() {
	if len(v.s) == cap(v.s) {
		return
	}
	if len(v.s) == 0 {
		bump.FreeSlice(v.a, v.s)
		v.s = nil
		return
	}
	_ = v.resize(len(v.s))
}

// resize moves v to storage of capacity newCap >= len(v.s).
func (v *Vec[T]) resize(newCap int) error {
	s, err := bump.ResizeSlice(v.a, v.s, newCap)
	if err != nil {
		return fmt.Errorf("vec: growing to %d elements: %w", newCap, err)
	}
	v.s = s
	return nil
}
