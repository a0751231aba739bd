package bump_test

import (
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// growByResize grows a slice of T one element at a time as a Vec does:
// ResizeSlice to GrowCap when it is full. It stops at n elements or at
// the first error, and returns the slice.
func growByResize[T any](b *bump.Bump, n int) ([]T, error) {
	var s []T
	var zero T
	for len(s) < n {
		if len(s) == cap(s) {
			t, err := bump.ResizeSlice(b, s, bump.GrowCap(cap(s), len(s)+1))
			if err != nil {
				return s, err
			}
			s = t
		}
		s = append(s, zero)
	}
	return s, nil
}

// TestFreeReleasesLarge checks that storage moved away from is released
// when it had a chunk of its own, so that a growing container holds about
// its final size, not the sum of every size it went through (issue 10: a
// Vec pushed to 2M *int held 5x its final size).
func TestFreeReleasesLarge(t *testing.T) {
	t.Run("*int", func(t *testing.T) {
		var b bump.Bump
		s, err := growByResize[*int](&b, 2<<20)
		require.NoError(t, err)
		final := cap(s) * int(unsafe.Sizeof(s[0]))
		// The storage before the last move is released by the move; what
		// stays besides the final storage is the regular chunks the small
		// sizes went through (at most 2 MiB).
		require.LessOrEqual(t, b.AllocatedBytes(), final+2<<20, "arena holds %.1fx the final storage", float64(b.AllocatedBytes())/float64(final))
		requireChunksAccounted(t, &b)
	})
	t.Run("int64 under a limit", func(t *testing.T) {
		const limit = 16 << 20
		var b bump.Bump
		b.SetAllocationLimit(limit)
		s, err := growByResize[int64](&b, limit)
		require.ErrorIs(t, err, bump.ErrAllocationLimit)
		data := len(s) * int(unsafe.Sizeof(s[0]))
		// Growing needs the old and the new storage at once (1 + 1.25 of
		// the old), plus the regular chunks: about 6 MiB fit in 16 MiB.
		// Keeping every old storage stopped at 3.2 MiB.
		require.Greater(t, data, limit/3, "stopped at %d bytes of data", data)
		requireChunksAccounted(t, &b)
	})
}

// TestFreeLargeAnyPosition checks that Free releases a large allocation
// that is not the newest, keeps AllocatedBytes exact, and keeps
// checkpoints right: what predates the newest checkpoint stays, and a
// ResetTo still frees what came after it.
func TestFreeLargeAnyPosition(t *testing.T) {
	const n = 128 << 10 // values per allocation: more than 256 KiB for both types, on 32-bit platforms too
	testFreeLargeAnyPosition[int64](t, n)
	testFreeLargeAnyPosition[*int](t, n)
}

func testFreeLargeAnyPosition[T any](t *testing.T, n int) {
	var zero T
	require.Greater(t, n*int(unsafe.Sizeof(zero)), 256<<10)
	t.Run(bump.LayoutOf[T]().String(), func(t *testing.T) {
		var b bump.Bump
		alloc := func() []T { return must(bump.AllocateSlice[T](&b, n)) }
		before := alloc()
		cp := b.Checkpoint()
		held := b.AllocatedBytes()
		x := alloc()
		size := b.AllocatedBytes() - held // the chunk, alignment slack included
		y, z := alloc(), alloc()
		require.Equal(t, held+3*size, b.AllocatedBytes())

		bump.FreeSlice(&b, before)
		require.Equal(t, held+3*size, b.AllocatedBytes(), "freed storage that predates the checkpoint")
		bump.FreeSlice(&b, y)
		require.Equal(t, held+2*size, b.AllocatedBytes(), "the middle allocation is released")
		bump.FreeSlice(&b, x)
		require.Equal(t, held+size, b.AllocatedBytes(), "the oldest allocation is released")
		bump.FreeSlice(&b, y) // already released: nothing to find
		require.Equal(t, held+size, b.AllocatedBytes())
		requireChunksAccounted(t, &b)

		inner := b.Checkpoint()
		w := alloc()
		require.NoError(t, b.ResetTo(inner))
		require.Equal(t, held+size, b.AllocatedBytes(), "ResetTo(inner) frees w only")
		_ = w
		require.NoError(t, b.ResetTo(cp))
		require.Equal(t, held, b.AllocatedBytes(), "ResetTo(cp) frees z")
		_ = z
		requireChunksAccounted(t, &b)
		b.Reset()
		requireChunksAccounted(t, &b)
	})
}
