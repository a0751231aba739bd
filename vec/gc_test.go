package vec_test

import (
	"runtime"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

type payload struct {
	id int
	_  [56]byte // makes the object big enough for its own size class
}

// collect runs the garbage collector several times, so that anything not
// reachable is freed and weak pointers to it become nil.
func collect() {
	for range 5 {
		runtime.GC()
	}
}

// TestGCKeepsPointers checks that heap objects referenced only from a Vec
// in an arena survive garbage collection, including after the Vec has
// grown and moved.
func TestGCKeepsPointers(t *testing.T) {
	var b bump.Bump
	v := vec.New[*payload](&b)
	var weaks []weak.Pointer[payload]
	func() {
		for i := range 1000 {
			p := &payload{id: i}
			weaks = append(weaks, weak.Make(p))
			v.Push(p)
			if i%100 == 0 {
				_ = bump.New[*int](&b) // force some growth to move v
			}
		}
	}()
	collect()
	for i, w := range weaks {
		require.NotNil(t, w.Value(), "element %d was collected", i)
		require.Equal(t, i, v.At(i).id)
	}
	runtime.KeepAlive(&b)
}

// TestGCKeepsStrings does the same for strings, whose bytes are the heap
// objects that must be kept alive.
func TestGCKeepsStrings(t *testing.T) {
	var b bump.Bump
	v := vec.New[string](&b)
	var weaks []weak.Pointer[byte]
	func() {
		for i := range 200 {
			buf := make([]byte, 64)
			buf[0] = byte(i)
			weaks = append(weaks, weak.Make(&buf[0]))
			v.Push(unsafe.String(&buf[0], len(buf)))
		}
	}()
	collect()
	for i, w := range weaks {
		require.NotNil(t, w.Value(), "string %d was collected", i)
		require.Equal(t, byte(i), v.At(i)[0])
	}
}

// TestGCStructElements checks a struct element type holding a pointer
// among pointer-free fields.
func TestGCStructElements(t *testing.T) {
	type elem struct {
		n int
		p *payload
		f float64
	}
	var b bump.Bump
	v := vec.New[elem](&b)
	var w weak.Pointer[payload]
	func() {
		p := &payload{id: 7}
		w = weak.Make(p)
		v.Push(elem{n: 1, p: p, f: 2})
	}()
	collect()
	require.NotNil(t, w.Value())
	require.Equal(t, 7, v.At(0).p.id)
}

// TestGCRemovedReleased checks that removing elements clears their slots,
// so the Vec's storage does not keep the removed values' referents alive.
func TestGCRemovedReleased(t *testing.T) {
	ops := []struct {
		name string
		op   func(v *vec.Vec[*payload])
	}{
		{"Pop", func(v *vec.Vec[*payload]) { v.Pop() }},
		{"Remove", func(v *vec.Vec[*payload]) { v.Remove(1) }},
		{"SwapRemove", func(v *vec.Vec[*payload]) { v.SwapRemove(1) }},
		{"UnmarshalJSON", func(v *vec.Vec[*payload]) { _ = v.UnmarshalJSON([]byte("[null]")) }},
		{"Truncate", func(v *vec.Vec[*payload]) { v.Truncate(1) }},
		{"Clear", func(v *vec.Vec[*payload]) { v.Clear() }},
		{"DeleteFunc", func(v *vec.Vec[*payload]) { v.DeleteFunc(func(p *payload) bool { return p.id == 1 }) }},
		{"Delete", func(v *vec.Vec[*payload]) { v.Delete(1, 2) }},
		{"Replace", func(v *vec.Vec[*payload]) { v.Replace(0, 2, &payload{id: 2}) }},
		{"CompactFunc", func(v *vec.Vec[*payload]) { v.CompactFunc(func(_, _ *payload) bool { return true }) }},
		// The moved element must be referenced only from the new Vec.
		{"SplitOff", func(v *vec.Vec[*payload]) { v.SplitOff(1).Clear() }},
	}
	for _, tc := range ops {
		t.Run(tc.name, func(t *testing.T) {
			var b bump.Bump
			v := vec.New[*payload](&b)
			var w weak.Pointer[payload]
			func() {
				v.Push(&payload{id: 0})
				p := &payload{id: 1}
				w = weak.Make(p)
				v.Push(p)
			}()
			tc.op(v)
			collect()
			require.Nil(t, w.Value(), "the removed element is still referenced")
			runtime.KeepAlive(v)
		})
	}
}
