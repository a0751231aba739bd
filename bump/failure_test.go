package bump_test

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// arenaState describes what a failed allocation must not change: every
// chunk with its use, the room left in the current byte chunk, and the
// bytes held.
func arenaState(b *bump.Bump) string {
	var s strings.Builder
	for c := range b.Chunks() {
		fmt.Fprintf(&s, "%v %d/%d large=%v\n", c.Elem, c.Used, c.Capacity, c.Large)
	}
	fmt.Fprintf(&s, "ChunkCapacity %d, AllocatedBytes %d", b.ChunkCapacity(), b.AllocatedBytes())
	return s.String()
}

// spareChunks returns how many chunks of the given element type (nil for
// byte chunks) are empty and not large, and the largest of them.
func spareChunks(b *bump.Bump, pointers bool) (n, largest int) {
	for c := range b.Chunks() {
		if (c.Elem != nil) == pointers && !c.Large && c.Used == 0 {
			n++
			largest = max(largest, c.Capacity)
		}
	}
	return n, largest
}

// TestFailedAllocationChangesNothing checks that an allocation that fails
// with ErrAllocationLimit leaves the arena as it was, also when it looked
// at spare chunks (left by ResetTo) that were too small, and when giving
// them up would not have made room: the current chunk,
// its room, and the in-place growth of its newest allocation stay, and so
// does the size of the next chunk.
func TestFailedAllocationChangesNothing(t *testing.T) {
	tests := []struct {
		name string
		// setup brings b to the state under test and returns the newest
		// allocation, as a slice of its type, and a request that must fail.
		setup func(t *testing.T, b *bump.Bump) (grow func() bool, fail func() error)
	}{
		{"byte chunks", func(t *testing.T, b *bump.Bump) (func() bool, func() error) {
			cp := b.Checkpoint()
			for _, n := range []int{400, 900, 1900} { // one chunk each
				bump.Bytes(b, n)
			}
			require.NoError(t, b.ResetTo(cp))
			spares, _ := spareChunks(b, false)
			require.GreaterOrEqual(t, spares, 2, "setup leaves spare chunks")
			s := must(bump.AllocateSlice[uint64](b, 4))
			b.SetAllocationLimit(b.AllocatedBytes())
			// More than all the spares, which give way to the limit, hold.
			return func() bool { _, ok := bump.ResizeInPlace(b, s, 8); return ok },
				func() error { _, err := bump.TryBytes(b, b.Stats().Spare+1); return err }
		}},
		{"typed slabs", func(t *testing.T, b *bump.Bump) (func() bool, func() error) {
			ptr := int(unsafe.Sizeof((*int)(nil)))
			cp := b.Checkpoint()
			for _, n := range []int{400, 900, 1900} {
				bump.MakeSlice[*int](b, n/ptr, n/ptr)
			}
			require.NoError(t, b.ResetTo(cp))
			spares, _ := spareChunks(b, true)
			require.GreaterOrEqual(t, spares, 2, "setup leaves spare chunks")
			s := must(bump.AllocateSlice[*int](b, 4))
			b.SetAllocationLimit(b.AllocatedBytes())
			n := b.Stats().Spare/ptr + 1
			return func() bool { _, ok := bump.ResizeInPlace(b, s, 8); return ok },
				func() error { _, err := bump.TryMakeSlice[*int](b, n, n); return err }
		}},
		{"large after a reset", func(t *testing.T, b *bump.Bump) (func() bool, func() error) {
			// A round of 3 MiB in regular chunks leaves spares that a
			// large request could take, or give way to the limit.
			for range 3 * 4 {
				bump.Bytes(b, 256<<10)
			}
			b.Reset()
			s := must(bump.AllocateSlice[uint64](b, 4))
			b.SetAllocationLimit(b.AllocatedBytes() - b.Stats().Spare + 64)
			return func() bool { _, ok := bump.ResizeInPlace(b, s, 8); return ok },
				func() error { _, err := bump.TryBytes(b, 2<<20); return err }
		}},
		{"large", func(t *testing.T, b *bump.Bump) (func() bool, func() error) {
			bump.Bytes(b, 300<<10)
			bump.MakeSlice[*int](b, 100<<10, 100<<10)
			s := must(bump.AllocateSlice[*int](b, 4))
			b.SetAllocationLimit(b.AllocatedBytes() + 64)
			return func() bool { _, ok := bump.ResizeInPlace(b, s, 8); return ok },
				func() error { _, err := bump.TryMakeSlice[*int](b, 1<<20, 1<<20); return err }
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// twin goes through the same steps without the failure: the
			// arenas must stay alike.
			var b, twin bump.Bump
			grow, fail := tt.setup(t, &b)
			twinGrow, _ := tt.setup(t, &twin)
			require.Equal(t, arenaState(&twin), arenaState(&b))

			err := fail()
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.Equal(t, arenaState(&twin), arenaState(&b), "a failed allocation changed the arena")
			require.True(t, twinGrow())
			require.True(t, grow(), "the newest allocation can no longer grow in place")

			// The next chunk is the one the twin gets.
			b.SetAllocationLimit(-1)
			twin.SetAllocationLimit(-1)
			bump.Bytes(&b, b.ChunkCapacity()+1)
			bump.Bytes(&twin, twin.ChunkCapacity()+1)
			bump.MakeSlice[*int](&b, 1000, 1000)
			bump.MakeSlice[*int](&twin, 1000, 1000)
			require.Equal(t, arenaState(&twin), arenaState(&b))
		})
	}
}

// must returns v, or fails the test run by panicking with err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
