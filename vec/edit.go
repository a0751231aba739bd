package vec

import (
	"fmt"
	"iter"
	"slices"

	"github.com/bumpkit/bumpkit/internal/header"
)

// Push appends x to the end of v, growing its storage if it is full. It
// panics if the allocator cannot provide the storage; see [Vec.TryPush].
func (v *Vec[T]) Push(x T) {
	// Kept within the inliner's budget of 80 (TestPushInlines checks it),
	// so that a push into spare capacity costs no call. Growth, out of
	// line, makes room and stores x. Even a call to check costs 3 here,
	// where a constant false condition costs nothing.
	if header.Checked && v != nil {
		v.h.Check(name)
	}
	if len(v.s) < cap(v.s) {
		v.s = append(v.s, x)
		return
	}
	v.pushSlow(x)
}

//go:noinline
func (v *Vec[T]) pushSlow(x T) {
	if v == nil {
		name.PanicNil("Push")
	}
	if err := v.tryPush(x, "Push"); err != nil {
		panic(err)
	}
}

// TryPush is like [Vec.Push] but returns an error (wrapping
// [bump.ErrAllocationLimit] if the arena's limit is the cause) instead of
// panicking; v is then unchanged.
func (v *Vec[T]) TryPush(x T) error {
	if v == nil {
		name.PanicNil("TryPush")
	}
	check(&v.h)
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
// there was one. Popping an empty (or nil) Vec returns the zero value and
// false. The vacated slot is zeroed, so that v's storage keeps nothing the
// element refers to alive.
func (v *Vec[T]) Pop() (T, bool) {
	var zero T
	if v == nil {
		return zero, false
	}
	check(&v.h)
	n := len(v.s)
	if n == 0 {
		return zero, false
	}
	x := v.s[n-1]
	v.s[n-1] = zero
	v.s = v.s[:n-1]
	v.checkInvariants()
	return x, true
}

// AppendSlice appends the elements of s to v, growing its storage at most
// once, like append(v, s...). s may share v's storage:
// v.AppendSlice(v.Slice()) doubles v, as append does for a slice. It
// panics if the allocator cannot provide the storage; see
// [Vec.TryAppendSlice].
func (v *Vec[T]) AppendSlice(s []T) {
	if v == nil {
		name.PanicNil("AppendSlice")
	}
	check(&v.h)
	if err := v.appendSlice(s, "AppendSlice"); err != nil {
		panic(err)
	}
}

// TryAppendSlice is like [Vec.AppendSlice] but returns an error instead
// of panicking; v is then unchanged.
func (v *Vec[T]) TryAppendSlice(s []T) error {
	if v == nil {
		name.PanicNil("TryAppendSlice")
	}
	check(&v.h)
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
	if v == nil {
		name.PanicNil("Extend")
	}
	check(&v.h)
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

// Insert inserts the values xs at index i, moving the elements from i on
// up to make room, as [slices.Insert] does; i may be v.Len() to append.
// xs may share v's storage. Insert panics if i is out of range, and with
// the allocator's error if it cannot provide the storage; either way v
// is unchanged.
func (v *Vec[T]) Insert(i int, xs ...T) {
	if v == nil {
		name.PanicNil("Insert")
	}
	check(&v.h)
	if n := len(v.s); uint(i) > uint(n) {
		panicIndex("Insert", i, n+1)
	}
	old, err := v.reserve(len(xs), "Insert")
	if err != nil {
		panic(err)
	}
	// With room reserved, slices.Insert works in place, and it copies
	// correctly when xs overlaps v.s.
	v.s = slices.Insert(v.s, i, xs...)
	v.free(old)
}

// Delete removes the elements at indexes i to j-1 from v, moving the
// elements after them down, as [slices.Delete] does. It zeroes the j-i
// slots vacated at the end, so that v's storage keeps nothing the removed
// elements refer to alive. Delete panics, leaving v unchanged, if
// v.Slice()[i:j] is not a valid slice: j > v.Len() or i > j or i < 0.
func (v *Vec[T]) Delete(i, j int) {
	checkRange("Delete", i, j, v.Len())
	if i < j {
		v.s = slices.Delete(v.s, i, j)
		v.checkInvariants()
	}
}

// DeleteFunc removes the elements for which del returns true, keeping
// the order of the others, as [slices.DeleteFunc] does, and zeroes the
// vacated slots at the end. It calls del once per element, in order; del
// must not change v.
func (v *Vec[T]) DeleteFunc(del func(T) bool) {
	if v.Len() == 0 {
		return
	}
	v.s = slices.DeleteFunc(v.s, del)
	v.checkInvariants()
}

// Replace replaces the elements at indexes i to j-1 by xs, as
// [slices.Replace] does, growing v if xs is longer than j-i and zeroing
// the vacated slots at the end if it is shorter. xs may share v's
// storage. Replace panics, leaving v unchanged, if v.Slice()[i:j] is not a
// valid slice (j > v.Len() or i > j or i < 0), and with the allocator's
// error if it cannot provide the storage.
func (v *Vec[T]) Replace(i, j int, xs ...T) {
	if v == nil {
		name.PanicNil("Replace")
	}
	check(&v.h)
	checkRange("Replace", i, j, len(v.s))
	old, err := v.reserve(max(len(xs)-(j-i), 0), "Replace")
	if err != nil {
		panic(err)
	}
	// With room reserved, slices.Replace works in place and handles xs
	// overlapping v.s.
	v.s = slices.Replace(v.s, i, j, xs...)
	v.checkInvariants()
	v.free(old)
}

// checkRange panics as fn if [i:j] is not a valid slice of n elements.
func checkRange(fn string, i, j, n int) {
	if j > n {
		panic(fmt.Sprintf("vec: %s: slice bounds out of range [%d:%d] with length %d", fn, i, j, n))
	}
	if i < 0 || i > j {
		panic(fmt.Sprintf("vec: %s: slice bounds out of range [%d:%d]", fn, i, j))
	}
}

// Remove removes and returns the element at index i, moving the elements
// after it down by one, like v.Delete(i, i+1). It panics if i is out of
// range.
func (v *Vec[T]) Remove(i int) T {
	n := v.Len()
	if uint(i) >= uint(n) {
		panicIndex("Remove", i, n)
	}
	x := v.s[i]
	v.s = slices.Delete(v.s, i, i+1)
	v.checkInvariants()
	return x
}

// SwapRemove removes and returns the element at index i, replacing it by
// the last element. It is O(1) but does not keep the order. It panics if
// i is out of range.
func (v *Vec[T]) SwapRemove(i int) T {
	n := v.Len()
	if uint(i) >= uint(n) {
		panicIndex("SwapRemove", i, n)
	}
	x := v.s[i]
	v.s[i] = v.s[n-1]
	v.shorten(n - 1)
	return x
}

// Truncate shortens v to its first n elements, keeping its capacity, and
// zeroes the vacated slots. It does nothing if n >= v.Len(), and panics
// if n is negative.
func (v *Vec[T]) Truncate(n int) {
	if n < 0 {
		panic(fmt.Sprintf("vec: Truncate: negative length %d", n))
	}
	if n < v.Len() {
		v.shorten(n)
	}
}

// Clear removes all the elements of v, keeping its capacity, and zeroes
// their slots. (The builtin clear on a slice zeroes the elements but
// keeps the length; Clear empties v, as clear does a map.)
func (v *Vec[T]) Clear() {
	if v.Len() > 0 {
		v.shorten(0)
	}
}

// SplitOff moves the elements from index i on into a new Vec, allocated
// like [New] from v's allocator, and leaves v with the first i. i may be
// v.Len(), which returns an empty Vec. It panics if i is out of range,
// and with the allocator's error if it cannot provide the new Vec; either
// way v is unchanged.
func (v *Vec[T]) SplitOff(i int) *Vec[T] {
	if v == nil {
		name.PanicNil("SplitOff")
	}
	check(&v.h)
	n := len(v.s)
	if uint(i) > uint(n) {
		panicIndex("SplitOff", i, n+1)
	}
	w := from(v.a, v.s[i:], "SplitOff")
	v.shorten(i)
	return w
}

// CompactFunc replaces each run of consecutive elements for which eq
// reports true by the first of the run, as [slices.CompactFunc] does, and
// zeroes the vacated slots at the end. eq must not change v.
func (v *Vec[T]) CompactFunc(eq func(a, b T) bool) {
	if v.Len() == 0 {
		return
	}
	v.s = slices.CompactFunc(v.s, eq)
	v.checkInvariants()
}

// Compact replaces each run of equal consecutive elements of v by a
// single copy, as [slices.Compact] does, and zeroes the vacated slots at
// the end. It is a function rather than a method because it needs T to
// be comparable.
func Compact[T comparable](v *Vec[T]) {
	if v.Len() == 0 {
		return
	}
	v.s = slices.Compact(v.s)
	v.checkInvariants()
}

// shorten sets v's length to n <= Len, zeroing the dropped slots so that
// the storage keeps nothing they referred to alive.
func (v *Vec[T]) shorten(n int) {
	clear(v.s[n:])
	v.s = v.s[:n]
	v.checkInvariants()
}
