package bump_test

import (
	"fmt"
	"iter"
	"slices"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestTryTwins checks that every allocating function has a Try twin that
// returns the error its panicking twin panics with, and that a failure
// leaves the arena as it was.
func TestTryTwins(t *testing.T) {
	const n = 1000
	seq := slices.Values(make([]*int, n))
	tests := []struct {
		name string
		try  func(b *bump.Bump) error
		must func(b *bump.Bump)
	}{
		{"New", func(b *bump.Bump) error { _, err := bump.TryNew[[n]*int](b); return err },
			func(b *bump.Bump) { bump.New[[n]*int](b) }},
		{"Alloc", func(b *bump.Bump) error { _, err := bump.TryAlloc(b, [n]int{}); return err },
			func(b *bump.Bump) { bump.Alloc(b, [n]int{}) }},
		{"MakeSlice", func(b *bump.Bump) error { _, err := bump.TryMakeSlice[*int](b, n, n); return err },
			func(b *bump.Bump) { bump.MakeSlice[*int](b, n, n) }},
		{"CopySlice", func(b *bump.Bump) error { _, err := bump.TryCopySlice(b, make([]int, n)); return err },
			func(b *bump.Bump) { bump.CopySlice(b, make([]int, n)) }},
		{"FillSlice", func(b *bump.Bump) error { _, err := bump.TryFillSlice(b, n, "x"); return err },
			func(b *bump.Bump) { bump.FillSlice(b, n, "x") }},
		{"SliceFunc", func(b *bump.Bump) error {
			_, err := bump.TrySliceFunc(b, n, func(int) *int { panic("f called") })
			return err
		}, func(b *bump.Bump) { bump.SliceFunc(b, n, func(int) *int { panic("f called") }) }},
		{"Collect", func(b *bump.Bump) error { _, err := bump.TryCollect(b, seq); return err },
			func(b *bump.Bump) { bump.Collect(b, seq) }},
		{"String", func(b *bump.Bump) error { _, err := bump.TryString(b, make([]byte, n)); return err },
			func(b *bump.Bump) { bump.String(b, make([]byte, n)) }},
		{"Bytes", func(b *bump.Bump) error { _, err := bump.TryBytes(b, n); return err },
			func(b *bump.Bump) { bump.Bytes(b, n) }},
		{"AlignedBytes", func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, n, 64); return err },
			func(b *bump.Bump) { bump.AlignedBytes(b, n, 64) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := new(bump.Bump)
			bump.New[int](b)
			bump.New[*int](b)
			b.SetAllocationLimit(b.AllocatedBytes())
			before := arenaState(b)
			err := tt.try(b)
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.Equal(t, before, arenaState(b), "a failed %s changed the arena", tt.name)
			requirePanicsWith(t, bump.ErrAllocationLimit, func() { tt.must(b) })
			require.Equal(t, before, arenaState(b), "a failed %s changed the arena", tt.name)
			require.PanicsWithError(t, err.Error(), func() { tt.must(b) }, "the twins fail alike")
		})
	}
}

// TestTryCollectGivesBack checks that TryCollect frees what it collected
// before the failure.
func TestTryCollectGivesBack(t *testing.T) {
	var b bump.Bump
	b.SetAllocationLimit(4096)
	before := arenaState(&b)
	var seq iter.Seq[int64] = func(yield func(int64) bool) {
		for i := int64(0); yield(i); i++ {
		}
	}
	s, err := bump.TryCollect(&b, seq)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Nil(t, s)
	b.SetAllocationLimit(-1)
	got := arenaState(&b)
	require.NotEqual(t, before, got, "the collected values took chunks")
	var last bump.ChunkInfo
	for c := range b.Chunks() {
		last = c
	}
	require.Zero(t, last.Used, "the storage of the collected values is freed: %s", got)
}

// TestErrorText pins the wording of bump's errors: they name bump once,
// say what was asked for, and keep the sentinel for errors.Is.
func TestErrorText(t *testing.T) {
	ptr := int(unsafe.Sizeof((*int)(nil)))
	var b bump.Bump
	b.SetAllocationLimit(100)
	_, err := bump.TryMakeSlice[*int](&b, 1000, 1000)
	require.EqualError(t, err, fmt.Sprintf("bump: allocating 1000 values of *int: allocation limit exceeded: %d bytes needed, 0 of 100 in use", 1000*ptr))
	_, err = bump.TryBytes(&b, 1000)
	require.EqualError(t, err, "bump: allocating 1000 bytes: allocation limit exceeded: 1008 bytes needed, 0 of 100 in use")
	_, err = bump.TryAlignedBytes(&b, 1000, 64)
	require.EqualError(t, err, "bump: allocating 1000 bytes: allocation limit exceeded: 1072 bytes needed, 0 of 100 in use")
	_, err = bump.TryFillSlice(&b, -1, 0)
	require.EqualError(t, err, "bump: FillSlice: length -1, capacity -1: invalid allocation size")
	_, err = bump.AllocateSlice[int](&b, -1)
	require.EqualError(t, err, "bump: allocating -1 values of int: invalid allocation size")
	var other bump.Bump
	require.EqualError(t, b.ResetTo(other.Checkpoint()), "bump: ResetTo: stale checkpoint: checkpoint 1 is not open on this Bump")
	require.PanicsWithValue(t, "bump: WithCapacity: negative capacity -1", func() { bump.WithCapacity(-1) })
	for _, err := range []error{bump.ErrAllocationLimit, bump.ErrInvalidSize, bump.ErrStaleCheckpoint} {
		require.NotContains(t, err.Error(), "bump:", "wraps add the package name")
	}
}
