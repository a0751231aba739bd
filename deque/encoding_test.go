package deque_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/stretchr/testify/require"
)

func TestJSON(t *testing.T) {
	for _, alloc := range alloctest.Allocators {
		t.Run(alloc.Name, func(t *testing.T) {
			for _, n := range []int{0, 1, 5, 8} {
				d := ring(alloc.New(), 6, n)
				got, err := json.Marshal(d)
				require.NoError(t, err)
				want, _ := json.Marshal(seq(n))
				require.Equal(t, string(want), string(got))

				// Round trip into deques of every size, wrapped or not.
				for _, m := range []int{0, 3, 8} {
					back := ring(alloc.New(), 5, m)
					require.NoError(t, json.Unmarshal(got, back))
					require.Equal(t, seq(n), contents(back))
				}
			}
		})
	}

	t.Run("struct fields", func(t *testing.T) {
		type doc struct {
			Q    *deque.Deque[string]
			None *deque.Deque[string]
		}
		d := doc{Q: deque.New[string](nil)}
		d.Q.PushFront("b")
		d.Q.PushFront("a")
		out, err := json.Marshal(d)
		require.NoError(t, err)
		require.JSONEq(t, `{"Q":["a","b"],"None":null}`, string(out))
		var back doc
		require.NoError(t, json.Unmarshal(out, &back))
		require.Equal(t, []string{"a", "b"}, contents(back.Q))
		require.Nil(t, back.None)
	})

	t.Run("null and nil", func(t *testing.T) {
		var nilDeque *deque.Deque[int]
		out, err := nilDeque.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, "null", string(out))
		d := ring(nil, 0, 2)
		require.NoError(t, d.UnmarshalJSON([]byte("null")))
		require.Equal(t, seq(2), contents(d), "null leaves the deque as it was")
	})

	t.Run("arena storage", func(t *testing.T) {
		var arena bump.Bump
		d := deque.New[int](&arena)
		before := arena.AllocatedBytes()
		require.NoError(t, json.Unmarshal([]byte("[1,2,3,4,5]"), d))
		require.Equal(t, []int{1, 2, 3, 4, 5}, contents(d))
		require.Greater(t, arena.AllocatedBytes(), before, "the elements live in the deque's arena")
	})

	t.Run("errors leave the deque unchanged", func(t *testing.T) {
		d := ring(nil, 6, 4)
		for _, bad := range []string{`[1,"x"]`, `{"a":1}`, `[1,2`, `"s"`} {
			err := json.Unmarshal([]byte(bad), d)
			require.Error(t, err, bad)
			require.Equal(t, seq(4), contents(d), bad)
		}
		var arena bump.Bump
		arena.SetAllocationLimit(256)
		l := deque.New[int](&arena)
		l.PushBack(7)
		big, _ := json.Marshal(seq(1000))
		err := l.UnmarshalJSON(big)
		require.ErrorIs(t, err, bump.ErrAllocationLimit)
		require.Equal(t, []int{7}, contents(l))
		l.PushBack(8) // still usable
		require.Equal(t, []int{7, 8}, contents(l))
	})
}

func TestFormat(t *testing.T) {
	d := ring(nil, 6, 4)
	s := deque.New[string](nil)
	s.PushBack("a b")
	s.PushFront("x")
	var nilDeque *deque.Deque[int]
	tests := []struct {
		format string
		d      any
		slice  any
	}{
		{"%v", d, seq(4)},
		{"%+v", d, seq(4)},
		{"%#v", d, seq(4)},
		{"%d", d, seq(4)},
		{"%x", d, seq(4)},
		{"%05d", d, seq(4)},
		{"%-3d|", d, seq(4)},
		{"%s", d, seq(4)},
		{"%v", s, []string{"x", "a b"}},
		{"%q", s, []string{"x", "a b"}},
		{"%#q", s, []string{"x", "a b"}},
		{"%x", s, []string{"x", "a b"}},
		{"% x", s, []string{"x", "a b"}},
		{"%10s|", s, []string{"x", "a b"}},
		{"%v", nilDeque, []int(nil)},
		{"%#v", nilDeque, []int(nil)},
		{"%v", deque.New[int](nil), []int{}},
	}
	for _, tt := range tests {
		want := fmt.Sprintf(tt.format, tt.slice)
		require.Equal(t, want, fmt.Sprintf(tt.format, tt.d), tt.format)
	}
	require.Equal(t, "[0 1 2 3]", fmt.Sprint(d))
	require.Equal(t, "[0 1 2 3]\n", fmt.Sprintln(d))
}
