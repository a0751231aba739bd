//go:build bumpdebug

package lifecheck_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/stretchr/testify/require"
)

const stale = "lifecheck_test: T used after its arena was reset"

func check(t lifecheck.Tag) func() { return func() { t.Check("lifecheck_test: T") } }

func TestTrack(t *testing.T) {
	require.True(t, lifecheck.Enabled)
	tests := []struct {
		name string
		// run tracks memory on b and returns the Tag, and whether it must
		// be stale after run returns.
		run func(b *bump.Bump) (lifecheck.Tag, bool)
	}{
		{"live", func(b *bump.Bump) (lifecheck.Tag, bool) {
			return lifecheck.Track(b), false
		}},
		{"Reset", func(b *bump.Bump) (lifecheck.Tag, bool) {
			tag := lifecheck.Track(b)
			b.Reset()
			return tag, true
		}},
		{"ResetTo before creation", func(b *bump.Bump) (lifecheck.Tag, bool) {
			cp := b.Checkpoint()
			tag := lifecheck.Track(b)
			require.NoError(t, b.ResetTo(cp))
			return tag, true
		}},
		{"ResetTo after creation", func(b *bump.Bump) (lifecheck.Tag, bool) {
			tag := lifecheck.Track(b)
			cp := b.Checkpoint()
			bump.New[int](b)
			require.NoError(t, b.ResetTo(cp))
			return tag, false
		}},
		{"nested ResetTo, outer", func(b *bump.Bump) (lifecheck.Tag, bool) {
			outer := b.Checkpoint()
			tag := lifecheck.Track(b)
			inner := b.Checkpoint()
			require.NoError(t, b.ResetTo(inner))
			require.NotPanics(t, check(tag))
			require.NoError(t, b.ResetTo(outer))
			return tag, true
		}},
		{"Move then Reset", func(b *bump.Bump) (lifecheck.Tag, bool) {
			tag := lifecheck.Track(b)
			tag.Move(b)
			b.Reset()
			return tag, true
		}},
		{"Move past a checkpoint", func(b *bump.Bump) (lifecheck.Tag, bool) {
			tag := lifecheck.Track(b)
			cp := b.Checkpoint()
			tag.Move(b) // storage grown after cp: ResetTo releases it
			require.NoError(t, b.ResetTo(cp))
			return tag, true
		}},
		{"Stop then Reset", func(b *bump.Bump) (lifecheck.Tag, bool) {
			tag := lifecheck.Track(b)
			tag.Stop()
			tag.Stop() // twice is harmless
			b.Reset()
			return tag, false
		}},
		{"zero Tag", func(b *bump.Bump) (lifecheck.Tag, bool) {
			b.Reset()
			return lifecheck.Tag{}, false
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			tag, wantStale := tt.run(&b)
			if wantStale {
				require.PanicsWithValue(t, stale, check(tag))
			} else {
				require.NotPanics(t, check(tag))
			}
		})
	}
}

// TestStopCancelsCleanup checks that a stopped Tag leaves nothing
// registered with the arena.
func TestStopCancelsCleanup(t *testing.T) {
	var b bump.Bump
	tag := lifecheck.Track(&b)
	cp := b.Checkpoint()
	tag.Move(&b)
	tag.Stop()
	require.NoError(t, b.ResetTo(cp))
	tag.Move(&b)
	require.NotPanics(t, check(tag))
	b.Reset()
	require.PanicsWithValue(t, stale, check(tag))
}

func TestHeapNeverStale(t *testing.T) {
	for _, a := range []bump.Allocator{nil, bump.Heap{}} {
		tag := lifecheck.Track(a)
		tag.Move(a)
		require.Equal(t, lifecheck.Tag{}, tag)
		require.NotPanics(t, check(tag))
		tag.Stop()
	}
}

// header stands for a container header: it holds pointers, so it lives in
// a typed slab, which the checked build poisons on release.
type header struct {
	data *int
	tag  lifecheck.Tag
}

// TestPoisonedHeader checks that a Tag inside arena memory reads as stale
// after the arena releases it: Reset would zero the id, which means "tracks
// nothing", but the checked build fills it with a pattern instead.
func TestPoisonedHeader(t *testing.T) {
	for _, reset := range []string{"Reset", "ResetTo"} {
		t.Run(reset, func(t *testing.T) {
			var b bump.Bump
			cp := b.Checkpoint()
			h := bump.New[header](&b)
			h.data = new(int)
			h.tag = lifecheck.Track(&b)
			require.NotPanics(t, check(h.tag))
			if reset == "Reset" {
				b.Reset()
			} else {
				require.NoError(t, b.ResetTo(cp))
			}
			//bumpvet:ignore reads the released header to check that it is poisoned
			require.Nil(t, h.data)
			require.PanicsWithValue(t, stale, check(h.tag))
			// A header made afterwards is not at the stale one's address.
			h2 := bump.New[header](&b)
			h2.tag = lifecheck.Track(&b)
			require.NotSame(t, h, h2)
			require.PanicsWithValue(t, stale, check(h.tag))
		})
	}
}
