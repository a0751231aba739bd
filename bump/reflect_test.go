package bump_test

import (
	"reflect"
	"runtime"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

type reflectNode struct {
	n    int
	name string
	next *payload
	f    float64
}

// TestLayoutForKeepsReferentsAlive stores the only reference to a heap
// object in arena memory allocated through LayoutFor, collects, and checks
// the object survived; after Reset it must be collectable.
func TestLayoutForKeepsReferentsAlive(t *testing.T) {
	for _, size := range []int{1, 3, 100000} { // 100000 values take a dedicated allocation
		b := new(bump.Bump)
		l := bump.LayoutFor(reflect.TypeFor[reflectNode]())
		require.True(t, l.HasPointers())
		p, err := b.Allocate(l, size)
		require.NoError(t, err)
		nodes := unsafe.Slice((*reflectNode)(p), size)
		x := &payload{tag: 42}
		w := weak.Make(x)
		nodes[size-1].next = x
		nodes[size-1].name = string([]byte("kept"))
		x = nil
		for range 3 {
			runtime.GC()
		}
		require.NotNil(t, w.Value(), "size %d: referent collected while in the arena", size)
		require.Equal(t, 42, nodes[size-1].next.tag)
		require.Equal(t, "kept", nodes[size-1].name)
		b.Reset()
		for range 3 {
			runtime.GC()
		}
		require.Nil(t, w.Value(), "size %d: the arena kept the referent after Reset", size)
		runtime.KeepAlive(b)
	}
}

func TestLayoutForSteadyState(t *testing.T) {
	b := new(bump.Bump)
	l := bump.LayoutFor(reflect.TypeFor[reflectNode]())
	round := func() {
		for n := 1; n < 5000; n *= 3 {
			p, err := b.Allocate(l, n)
			if err != nil {
				t.Fatal(err)
			}
			s := unsafe.Slice((*reflectNode)(p), n)
			for i := range s {
				if s[i] != (reflectNode{}) {
					t.Fatalf("allocation of %d values: value %d is not zero: %+v", n, i, s[i])
				}
				s[i].n = i
				s[i].name = "x"
			}
		}
		b.Reset()
	}
	for range 3 {
		round()
	}
	if bump.CheckedBuild {
		return // the checked build abandons used chunks rather than reuse them
	}
	if a := testing.AllocsPerRun(20, round); a != 0 {
		t.Errorf("a warm round made %v allocations, want 0", a)
	}
}

func TestLayoutForResizeFreeCheckpoint(t *testing.T) {
	b := new(bump.Bump)
	l := bump.LayoutFor(reflect.TypeFor[reflectNode]())
	p, err := b.Allocate(l, 4)
	require.NoError(t, err)
	require.True(t, b.Resize(l, p, 4, 8), "the newest allocation grows in place")
	s := unsafe.Slice((*reflectNode)(p), 8)
	s[7].name = "last"
	require.True(t, b.Resize(l, p, 8, 2))
	s = unsafe.Slice((*reflectNode)(p), 8)
	require.Equal(t, reflectNode{}, s[7], "shrinking clears the values given back")

	cp := b.Checkpoint()
	require.False(t, b.Resize(l, p, 2, 4), "an allocation older than the checkpoint does not grow in place")
	q, err := b.Allocate(l, 3)
	require.NoError(t, err)
	unsafe.Slice((*reflectNode)(q), 3)[0].name = "after"
	require.NoError(t, b.ResetTo(cp))
	r, err := b.Allocate(l, 3)
	require.NoError(t, err)
	require.Equal(t, reflectNode{}, unsafe.Slice((*reflectNode)(r), 3)[0], "memory handed out after a rewind is zero")
	b.Free(l, r, 3)
	require.NoError(t, b.ResetTo(cp))
	b.Reset()
	if bump.CheckedBuild {
		// Values released by a reset read as poison: pointers and lengths
		// zero, scalars the pattern.
		require.Equal(t, "", s[0].name)
		require.NotZero(t, s[0].n, "a released value's int is poisoned")
	}

	// Same type, same Layout; LayoutFor and LayoutOf are separate.
	require.Equal(t, l, bump.LayoutFor(reflect.TypeFor[reflectNode]()))
	require.Equal(t, "bump_test.reflectNode", l.String())
	require.Equal(t, bump.LayoutOf[reflectNode]().Size(), l.Size())

	pf := bump.LayoutFor(reflect.TypeFor[[3]int32]())
	require.False(t, pf.HasPointers())
	require.Equal(t, uintptr(4), pf.Align())
	require.PanicsWithValue(t, "bump: LayoutFor: nil type", func() { bump.LayoutFor(nil) })

	// The heap allocator takes a LayoutFor too.
	h, err := bump.Heap{}.Allocate(l, 2)
	require.NoError(t, err)
	unsafe.Slice((*reflectNode)(h), 2)[1].name = "heap"
}
