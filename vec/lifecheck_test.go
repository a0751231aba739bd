//go:build bumpdebug

package vec_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

const staleMsg = "vec: Vec used after its arena was reset"

// uses are calls of every kind of method, each of which must report a
// Vec whose arena memory was released.
var uses = []struct {
	name string
	f    func(v *vec.Vec[string])
}{
	{"Len", func(v *vec.Vec[string]) { v.Len() }},
	{"Cap", func(v *vec.Vec[string]) { v.Cap() }},
	{"At", func(v *vec.Vec[string]) { v.At(0) }},
	{"Set", func(v *vec.Vec[string]) { v.Set(0, "x") }},
	{"Slice", func(v *vec.Vec[string]) { v.Slice() }},
	{"Push", func(v *vec.Vec[string]) { v.Push("x") }},
	{"TryPush", func(v *vec.Vec[string]) { _ = v.TryPush("x") }},
	{"Pop", func(v *vec.Vec[string]) { v.Pop() }},
	{"Grow", func(v *vec.Vec[string]) { v.Grow(1) }},
	{"Clip", func(v *vec.Vec[string]) { v.Clip() }},
	{"Insert", func(v *vec.Vec[string]) { v.Insert(0, "x") }},
	{"Delete", func(v *vec.Vec[string]) { v.Delete(0, 1) }},
	{"DeleteFunc", func(v *vec.Vec[string]) { v.DeleteFunc(func(string) bool { return true }) }},
	{"Replace", func(v *vec.Vec[string]) { v.Replace(0, 1, "y") }},
	{"Compact", func(v *vec.Vec[string]) { vec.Compact(v) }},
	{"CompactFunc", func(v *vec.Vec[string]) { v.CompactFunc(func(a, b string) bool { return true }) }},
	{"Remove", func(v *vec.Vec[string]) { v.Remove(0) }},
	{"SwapRemove", func(v *vec.Vec[string]) { v.SwapRemove(0) }},
	{"Truncate", func(v *vec.Vec[string]) { v.Truncate(0) }},
	{"Clear", func(v *vec.Vec[string]) { v.Clear() }},
	{"AppendSlice", func(v *vec.Vec[string]) { v.AppendSlice([]string{"x"}) }},
	{"Extend", func(v *vec.Vec[string]) { v.Extend(func(yield func(string) bool) { yield("x") }) }},
	{"SplitOff", func(v *vec.Vec[string]) { v.SplitOff(0) }},
	{"Clone", func(v *vec.Vec[string]) { v.Clone() }},
	{"IntoSlice", func(v *vec.Vec[string]) { v.IntoSlice() }},
	{"All", func(v *vec.Vec[string]) {
		for range v.All() {
		}
	}},
	{"Values", func(v *vec.Vec[string]) {
		for range v.Values() {
		}
	}},
	{"Backward", func(v *vec.Vec[string]) {
		for range v.Backward() {
		}
	}},
	{"String", func(v *vec.Vec[string]) { _ = v.String() }},
	{"Format", func(v *vec.Vec[string]) { _ = fmt.Sprintf("%v", v) }},
	{"MarshalJSON", func(v *vec.Vec[string]) { _, _ = v.MarshalJSON() }},
	{"UnmarshalJSON", func(v *vec.Vec[string]) { _ = json.Unmarshal([]byte(`["a"]`), v) }},
	{"Allocator", func(v *vec.Vec[string]) { v.Allocator() }},
}

// requireStale checks that every use of the Vec that stale returns
// panics with the checked build's message. fmt recovers panics in
// Format, so Format is checked through the text fmt writes instead.
func requireStale(t *testing.T, stale func() *vec.Vec[string]) {
	for _, u := range uses {
		t.Run(u.name, func(t *testing.T) {
			v := stale()
			if u.name == "Format" {
				require.Contains(t, fmt.Sprintf("%v", v), staleMsg)
				return
			}
			require.PanicsWithValue(t, staleMsg, func() { u.f(v) })
		})
	}
}

func TestUseAfterReset(t *testing.T) {
	requireStale(t, func() *vec.Vec[string] {
		var b bump.Bump
		v := vec.From(&b, []string{"a", "b"})
		b.Reset()
		return v //bumpvet:ignore a stale Vec on purpose
	})
}

func TestUseAfterResetToPastCreation(t *testing.T) {
	requireStale(t, func() *vec.Vec[string] {
		var b bump.Bump
		cp := b.Checkpoint()
		v := vec.New[string](&b)
		require.NoError(t, b.ResetTo(cp))
		return v //bumpvet:ignore a stale Vec on purpose
	})
}

// TestUseAfterResetToPastStorage checks a Vec created before the
// checkpoint whose storage was allocated after it.
func TestUseAfterResetToPastStorage(t *testing.T) {
	requireStale(t, func() *vec.Vec[string] {
		var b bump.Bump
		v := vec.From(&b, []string{"a"})
		cp := b.Checkpoint()
		v.Grow(100) // moves the storage: after cp
		v.Push("b")
		require.NoError(t, b.ResetTo(cp))
		return v
	})
}

// TestNoReportForLiveVecs checks that correct programs are not reported:
// Vecs whose creation and storage predate the checkpoint survive
// ResetTo, heap Vecs survive Reset, and a Vec whose storage was handed
// over by IntoSlice or given back by Clip may be used again.
func TestNoReportForLiveVecs(t *testing.T) {
	var b bump.Bump
	v := vec.From(&b, []string{"a", "b"})
	cp := b.Checkpoint()
	tmp := vec.New[int](&b)
	tmp.Push(1)
	require.NoError(t, b.ResetTo(cp))
	for _, u := range uses {
		u.f(v)
		v.AppendSlice([]string{"a", "b"})
	}

	h := vec.From(nil, []string{"a"})
	b.Reset()
	h.Push("b")
	require.Equal(t, []string{"a", "b"}, h.Slice())

	w := vec.New[string](&b)
	w.Push("x")
	b.Checkpoint()
	w.Clip()
	_ = w.IntoSlice()
	w.Push("y")
	require.Equal(t, []string{"y"}, w.Slice())
}
