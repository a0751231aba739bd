package bump_test

import (
	"math"
	"slices"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestZeroValue(t *testing.T) {
	var b bump.Bump
	requireUnused := func() {
		t.Helper()
		require.Zero(t, b.AllocatedBytes())
		require.Zero(t, b.ChunkCapacity())
		require.Equal(t, -1, b.AllocationLimit())
		for c := range b.Chunks() {
			t.Fatalf("unexpected chunk %+v", c)
		}
	}
	requireUnused()
	// None of these needs memory.
	bump.New[struct{}](&b)
	bump.MakeSlice[int](&b, 0, 0)
	bump.MakeSlice[[0]string](&b, 5, math.MaxInt)
	require.Equal(t, "", bump.String(&b, ""))
	require.Empty(t, bump.Bytes(&b, 0))
	require.Empty(t, bump.Collect(&b, slices.Values([]int(nil))))
	s, err := bump.AllocateSlice[*int](&b, 0)
	require.NoError(t, err)
	require.Empty(t, s)
	b.Reset()
	require.NoError(t, b.ResetTo(b.Checkpoint()))
	b.Cleanup(func() {})
	b.Reset()
	requireUnused()

	p := bump.New[int](&b)
	require.Zero(t, *p)
	require.Positive(t, b.AllocatedBytes())
}

func TestZeroSizeTypes(t *testing.T) {
	var b bump.Bump
	p := bump.New[struct{}](&b)
	q := bump.Alloc(&b, [0]*int{})
	require.NotNil(t, p)
	require.NotNil(t, q)
	s := bump.MakeSlice[struct{}](&b, 1<<30, math.MaxInt)
	require.Len(t, s, 1<<30)
	require.Equal(t, math.MaxInt, cap(s))
	a, err := bump.AllocateSlice[struct{}](&b, math.MaxInt/4)
	require.NoError(t, err)
	require.Len(t, a, math.MaxInt/4)
	a, err = bump.ResizeSlice(&b, a, math.MaxInt/2)
	require.NoError(t, err)
	require.Equal(t, math.MaxInt/2, cap(a))
	bump.FreeSlice(&b, a)
	require.Zero(t, b.AllocatedBytes())
	require.Equal(t, []struct{}{{}, {}}, bump.CopySlice(&b, []struct{}{{}, {}}))
	// Zero-size values between real ones do not disturb them.
	x := bump.Alloc(&b, 42)
	bump.New[struct{}](&b)
	y := bump.Alloc(&b, 43)
	require.Equal(t, 42, *x)
	require.Equal(t, 43, *y)
}

func TestValues(t *testing.T) {
	var b bump.Bump
	require.Equal(t, 7, *bump.Alloc(&b, 7))
	require.Equal(t, "héllo", bump.String(&b, "héllo"))
	require.Equal(t, []byte{0, 0, 0}, bump.Bytes(&b, 3))
	require.Equal(t, []string{"a", "a"}, bump.FillSlice(&b, 2, "a"))
	require.Equal(t, []int{0, 2, 4}, bump.SliceFunc(&b, 3, func(i int) int { return 2 * i }))
	require.Equal(t, []int{1, 2, 3}, bump.CopySlice(&b, []int{1, 2, 3}))
	require.Equal(t, []int{5, 6}, bump.Collect(&b, slices.Values([]int{5, 6})))
	ms := bump.MakeSlice[string](&b, 2, 5)
	require.Equal(t, []string{"", ""}, ms)
	require.Equal(t, 5, cap(ms))
	// The capacity beyond the length is the caller's: append fills it in place.
	ms2 := append(ms, "x")
	require.Same(t, &ms[0], &ms2[0])

	// String's result does not alias its argument, string or []byte.
	src := []byte("mutable")
	s := bump.String(&b, string(src))
	fromBytes := bump.String(&b, src)
	src[0] = 'M'
	require.Equal(t, "mutable", s)
	require.Equal(t, "mutable", fromBytes)
	require.Equal(t, "", bump.String(&b, []byte(nil)))
}
