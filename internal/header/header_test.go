package header_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/stretchr/testify/require"
)

// box is the smallest container that adopts the kit as its doc says.
type box struct {
	h header.Header
	a bump.Allocator
	v []int
}

var name = header.Name{Pkg: "kit", Type: "Box"}

func newBox(a bump.Allocator) (*box, error) {
	b, err := header.New[box](a)
	if err != nil {
		return nil, name.Wrap("New", err)
	}
	b.h.Init(a)
	b.a = a
	return b, nil
}

// set stores x, moving the storage, as a container's growth does.
func (b *box) set(x int) {
	if b == nil {
		name.PanicNil("Set")
	}
	b.h.Check(name)
	b.h.Own(name, "Set")
	v, err := bump.AllocateSlice[int](b.a, 1)
	if err != nil {
		panic(name.Wrap("Set", err))
	}
	v[0] = x
	b.v = v
	b.h.Store(b.a)
}

func (b *box) get() int {
	b.h.Check(name)
	b.h.CheckCopy(name, "Get")
	return b.v[0]
}

func TestHeaderPlacement(t *testing.T) {
	var a bump.Bump
	_, err := newBox(&a)
	require.NoError(t, err)
	require.Positive(t, a.AllocatedBytes(), "the header is in the arena, in every build")

	h, err := newBox(nil)
	require.NoError(t, err)
	h.set(1)
	require.Equal(t, 1, h.get())

	limited := bump.WithCapacity(64)
	limited.SetAllocationLimit(0)
	_, err = newBox(limited)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.ErrorContains(t, err, "kit: New: bump: ")

	// Free gives a header back: the arena hands its memory out again.
	c, err := newBox(&a)
	require.NoError(t, err)
	header.Free(&a, c, &c.h)
	d, err := newBox(&a)
	require.NoError(t, err)
	require.Same(t, c, d)
}

func TestCopyCheck(t *testing.T) {
	b, err := newBox(nil)
	require.NoError(t, err)
	b.set(1)
	c := copyOf(b)
	require.PanicsWithValue(t, "kit: Set: Box copied by value after first use", func() { c.set(2) })
	require.PanicsWithValue(t, "kit: Get: Box copied by value after first use", func() { c.get() })
	require.Equal(t, 1, b.get(), "the original is untouched")

	// A zero container records its owner at its first write, and may be
	// copied before it.
	var z box
	z2 := copyOf(&z)
	z.set(3)
	z2.set(4)
	require.Equal(t, 3, z.get())
	require.Equal(t, 4, z2.get())

	// Disown lets a container that gave up its storage be copied again.
	z.h.Disown()
	z3 := copyOf(&z)
	z3.set(5)
	require.Equal(t, 5, z3.get())
}

// TestOwnDoesNotEscape checks that recording the owner of a container on
// the stack does not move it to the heap (Go issue 23382).
func TestOwnDoesNotEscape(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		var h header.Header
		h.Own(name, "Set")
		h.CheckCopy(name, "Get")
	})
	require.Zero(t, allocs)
}

func TestNilPanic(t *testing.T) {
	var b *box
	require.PanicsWithValue(t, "kit: Set: write to nil Box", func() { b.set(1) })
}

func TestCheckInvariants(t *testing.T) {
	broken := errors.New("ring broken")
	called := false
	verify := func() error { called = true; return broken }
	if !lifecheck.Enabled {
		require.NotPanics(t, func() { name.CheckInvariants(verify) })
		require.False(t, called, "verify runs only in the checked build")
		return
	}
	require.PanicsWithValue(t, "kit: Box: broken invariant: ring broken", func() { name.CheckInvariants(verify) })
}

func TestUseAfterReset(t *testing.T) {
	var a bump.Bump
	b, err := newBox(&a)
	require.NoError(t, err)
	b.set(1)
	cp := a.Checkpoint()
	b.set(2) // storage allocated after the checkpoint
	require.NoError(t, a.ResetTo(cp))
	if !header.Checked {
		return // nothing to check outside the checked build
	}
	require.PanicsWithValue(t, "kit: Box used after its arena was reset", func() { b.get() })
	require.NotPanics(t, func() { b.h.CheckLife(name) }, "the header itself is still allocated")
	a.Reset()
	require.PanicsWithValue(t, "kit: Box used after its arena was reset", func() { b.h.CheckLife(name) })
}

func TestZeroed(t *testing.T) {
	type pair struct {
		p *int
		n int32
	}
	require.True(t, header.Zeroed([]pair(nil)))
	require.True(t, header.Zeroed(make([]pair, 3)))
	require.False(t, header.Zeroed([]pair{{}, {n: 1}}))
	require.False(t, header.Zeroed([]pair{{p: new(int)}}))
}

// copyOf returns a copy of *p, the mistake go vet reports as *q = *p;
// made through reflect so that vet lets the test make it.
func copyOf[T any](p *T) *T {
	q := new(T)
	reflect.ValueOf(q).Elem().Set(reflect.ValueOf(p).Elem())
	return q
}
