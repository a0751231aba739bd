//go:build bumpdebug

package boxed_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestUseAfterReset checks the checked build: Ptr and Value on a Box whose
// arena released its value report the reset, while Drop and Dropped keep
// their documented meaning.
func TestUseAfterReset(t *testing.T) {
	const msg = "boxed: Box used after its arena was reset"
	rewinds := []struct {
		name    string
		release func(b *bump.Bump, cp bump.Checkpoint)
	}{
		{"Reset", func(b *bump.Bump, _ bump.Checkpoint) { b.Reset() }},
		{"ResetTo before New", func(b *bump.Bump, cp bump.Checkpoint) { require.NoError(t, b.ResetTo(cp)) }},
	}
	for _, r := range rewinds {
		t.Run(r.name, func(t *testing.T) {
			var arena bump.Bump
			var l log
			cp := arena.Checkpoint()
			b := boxed.New(&arena, dropper{1, &l})
			require.Equal(t, 1, b.Value().id)
			r.release(&arena, cp)
			require.Equal(t, []string{"drop:1"}, l.calls)
			require.PanicsWithValue(t, msg, func() { b.Ptr() })
			require.PanicsWithValue(t, msg, func() { b.Value() })
			require.True(t, b.Dropped())
			require.NoError(t, b.Drop())
		})
	}
	t.Run("dropped, not reset", func(t *testing.T) {
		var arena bump.Bump
		b := boxed.New(&arena, 1)
		require.NoError(t, b.Drop())
		arena.Reset()
		require.PanicsWithValue(t, "boxed: Ptr: use of dropped Box", func() { b.Ptr() })
	})
	t.Run("ResetTo after New", func(t *testing.T) {
		var arena bump.Bump
		b := boxed.New(&arena, 7)
		cp := arena.Checkpoint()
		boxed.New(&arena, 8)
		require.NoError(t, arena.ResetTo(cp))
		require.Equal(t, 7, b.Value())
	})
}
