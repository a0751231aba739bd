package vec_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

func TestMarshalJSONLikeSlice(t *testing.T) {
	type point struct{ X, Y int }
	check := func(t *testing.T, v any, s any) {
		t.Helper()
		want, err := json.Marshal(s)
		require.NoError(t, err)
		got, err := json.Marshal(v)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
	}
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		check(t, vec.From(a, []int{1, 2, 3}), []int{1, 2, 3})
		check(t, vec.From(a, []string{"a", "\"b\"", "<c>"}), []string{"a", "\"b\"", "<c>"})
		check(t, vec.From(a, []point{{1, 2}}), []point{{1, 2}})
		check(t, vec.From(a, []byte("hi")), []byte("hi")) // base64, as []byte
		check(t, vec.From(a, []*int{nil}), []*int{nil})
		check(t, vec.New[int](a), []int{}) // an empty Vec is [], not null
		check(t, struct {
			V *vec.Vec[int] `json:"v"`
			W *vec.Vec[int] `json:"w,omitempty"`
		}{V: vec.From(a, []int{7})}, struct {
			V []int `json:"v"`
		}{[]int{7}})
	})
	var nilVec *vec.Vec[int]
	check(t, nilVec, []int(nil))
	b, err := nilVec.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, "null", string(b))
}

func TestUnmarshalJSON(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.New[int](a)
		require.NoError(t, json.Unmarshal([]byte("[1,2,3]"), v))
		require.Equal(t, []int{1, 2, 3}, v.Slice())
		require.Equal(t, a, v.Allocator())

		// Shorter: the tail is dropped, as with a slice.
		require.NoError(t, json.Unmarshal([]byte("[4]"), v))
		require.Equal(t, []int{4}, v.Slice())
		// Longer than the capacity: new storage from the allocator.
		require.NoError(t, json.Unmarshal([]byte("[5,6,7,8,9,10,11,12,13]"), v))
		require.Equal(t, []int{5, 6, 7, 8, 9, 10, 11, 12, 13}, v.Slice())

		require.NoError(t, json.Unmarshal([]byte("null"), v))
		require.Equal(t, []int{5, 6, 7, 8, 9, 10, 11, 12, 13}, v.Slice(), "null leaves v unchanged")
		require.NoError(t, json.Unmarshal([]byte("[]"), v))
		require.Equal(t, 0, v.Len())

		// Errors leave v unchanged and usable.
		v.AppendSlice([]int{1, 2})
		for _, bad := range []string{`[3,"x",4]`, `{"a":1}`, `[1,2`, `"s"`, `[1.5]`} {
			require.Error(t, json.Unmarshal([]byte(bad), v), bad)
			require.Equal(t, []int{1, 2}, v.Slice(), bad)
		}
		v.Push(3)
		require.Equal(t, []int{1, 2, 3}, v.Slice())
	})
}

// TestUnmarshalJSONReplaces checks that decoding replaces v's elements,
// as for every bumpkit container, rather than merging into them as
// json.Unmarshal does into a slice.
func TestUnmarshalJSONReplaces(t *testing.T) {
	type rec struct{ A, B int }
	v := vec.From(new(bump.Bump), []rec{{1, 2}, {3, 4}})
	require.NoError(t, json.Unmarshal([]byte(`[{"A":9},{"B":8},{"A":7}]`), v))
	require.Equal(t, []rec{{9, 0}, {0, 8}, {7, 0}}, v.Slice())
}

// TestUnmarshalJSONFailureKeepsElements is the regression test of a failed
// decode that changed an element: decoding into a copy of the elements
// shared the slices they hold, and json.Unmarshal wrote [9,9] into the
// first one's array before it met "x".
func TestUnmarshalJSONFailureKeepsElements(t *testing.T) {
	for _, a := range []bump.Allocator{nil, new(bump.Bump)} {
		v := vec.From(a, [][]int{{1, 2}, {3, 4}})
		require.Error(t, json.Unmarshal([]byte(`[[9,9],"x"]`), v))
		require.Equal(t, [][]int{{1, 2}, {3, 4}}, v.Slice())
	}
}

// TestUnmarshalJSONField checks that a nil *Vec field gets a Vec on the
// Go heap, and that a field already holding an arena Vec fills it from
// its arena.
func TestUnmarshalJSONField(t *testing.T) {
	type doc struct {
		Tags *vec.Vec[string] `json:"tags"`
	}
	var d doc
	require.NoError(t, json.Unmarshal([]byte(`{"tags":["a","b"]}`), &d))
	require.Equal(t, []string{"a", "b"}, d.Tags.Slice())
	require.Nil(t, d.Tags.Allocator())

	var b bump.Bump
	d.Tags = vec.New[string](&b)
	require.NoError(t, json.Unmarshal([]byte(`{"tags":["x","y","z"]}`), &d))
	require.Equal(t, []string{"x", "y", "z"}, d.Tags.Slice())
	require.Same(t, &b, d.Tags.Allocator())
	used := 0
	for c := range b.Chunks() {
		if c.Elem == reflect.TypeFor[string]() {
			used += c.Used
		}
	}
	require.Equal(t, 3*int(unsafe.Sizeof("")), used, "the elements are in the arena")
}

// TestUnmarshalJSONLimit checks that an allocation failure is returned
// wrapped and leaves the Vec unchanged.
func TestUnmarshalJSONLimit(t *testing.T) {
	b := bump.WithCapacity(64)
	v := vec.From(b, []int{1})
	b.SetAllocationLimit(b.AllocatedBytes())
	err := json.Unmarshal([]byte("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65]"), v)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Equal(t, []int{1}, v.Slice())
}
