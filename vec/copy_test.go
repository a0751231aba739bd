package vec_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

// TestCopyPanics checks that a Vec copied by value panics before it
// moves or gives back storage that the original still uses, and that the
// original is left intact.
func TestCopyPanics(t *testing.T) {
	ops := []struct {
		name string
		op   func(w *vec.Vec[string])
	}{
		{"Push", func(w *vec.Vec[string]) {
			for range 100 {
				w.Push("x")
			}
		}},
		{"Grow", func(w *vec.Vec[string]) { w.Grow(100) }},
		{"TryGrow", func(w *vec.Vec[string]) { _ = w.TryGrow(100) }},
		{"AppendSlice", func(w *vec.Vec[string]) { w.AppendSlice(make([]string, 100)) }},
		{"Insert", func(w *vec.Vec[string]) { w.Insert(0, make([]string, 100)...) }},
		{"Clip", func(w *vec.Vec[string]) { w.Clip() }},
		{"UnmarshalJSON", func(w *vec.Vec[string]) { _ = w.UnmarshalJSON([]byte(`["a","b","c","d","e","f","g","h","i"]`)) }},
	}
	for _, tc := range ops {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				v := vec.WithCapacity[string](a, 8)
				v.AppendSlice([]string{"a", "b"})
				w := alloctest.CopyOf(v)
				require.PanicsWithValue(t, "vec: "+tc.name+": Vec copied by value after first use", func() { tc.op(w) })
				require.Equal(t, []string{"a", "b"}, v.Slice())
				v.AppendSlice(make([]string, 100)) // the original still grows
				require.Equal(t, []string{"a", "b"}, v.Slice()[:2])
			})
		})
	}

	// A zero Vec may be copied before first use, as a strings.Builder may.
	var z vec.Vec[int]
	c := alloctest.CopyOf(&z)
	c.Push(1)
	require.Equal(t, []int{1}, c.Slice())
	z.Push(2)
	require.Equal(t, []int{2}, z.Slice())
}
