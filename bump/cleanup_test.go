package bump_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestCleanupPanics checks the rule for a cleanup that panics during a
// reset: the other cleanups still run, the reset completes, and the first
// panic propagates.
func TestCleanupPanics(t *testing.T) {
	var b bump.Bump
	var got []string
	b.Cleanup(func() { got = append(got, "first") })
	b.Cleanup(func() { panic("second boom") })
	b.Cleanup(func() { got = append(got, "third") })
	b.Cleanup(func() { panic("boom") })
	b.Cleanup(func() { got = append(got, "last") })
	p := bump.Alloc(&b, 99)
	require.PanicsWithValue(t, "boom", b.Reset, "the first panic propagates")
	require.Equal(t, []string{"last", "third", "first"}, got, "every cleanup runs")
	if !bump.CheckedBuild { // which protects released memory instead: see debug_test.go
		require.Zero(t, *p, "the reset completed: memory is cleared")
		q := bump.Alloc(&b, 7)
		require.Equal(t, p, q, "the reset completed: memory is reused")
	}
	got = nil
	b.Reset()
	require.Empty(t, got, "no cleanup runs twice")
}

// TestCleanupPanicsResetTo is TestCleanupPanics for ResetTo: the rewind
// completes and the checkpoint stays open.
func TestCleanupPanicsResetTo(t *testing.T) {
	var b bump.Bump
	var got []string
	b.Cleanup(func() { got = append(got, "before") })
	before := bump.Alloc(&b, 1)
	cp := b.Checkpoint()
	b.Cleanup(func() { got = append(got, "a") })
	b.Cleanup(func() { panic("boom") })
	b.Cleanup(func() { got = append(got, "c") })
	after := bump.Alloc(&b, 2)
	require.PanicsWithValue(t, "boom", func() { _ = b.ResetTo(cp) })
	require.Equal(t, []string{"c", "a"}, got)
	require.Equal(t, 1, *before)
	if !bump.CheckedBuild { // which protects released memory instead: see debug_test.go
		require.Zero(t, *after, "the rewind completed")
		require.Equal(t, after, bump.Alloc(&b, 3), "memory after the checkpoint is reused")
	}
	got = nil
	require.NoError(t, b.ResetTo(cp), "the checkpoint stays open")
	require.Empty(t, got)
	b.Reset()
	require.Equal(t, []string{"before"}, got)
}

// TestCleanupRunsOnceAfterPanic is the sequence of issue 10: after a
// cleanup panicked in ResetTo, cleanups registered later must run on the
// next ResetTo of that checkpoint (which frees their memory), not be
// skipped by it and run by a later Reset on reused memory. Each counter
// stands for a Box: closed twice or never is a bug.
func TestCleanupRunsOnceAfterPanic(t *testing.T) {
	var b bump.Bump
	runs := map[string]int{}
	count := func(name string) func() { return func() { runs[name]++ } }
	b.Cleanup(count("outer"))
	cp := b.Checkpoint()
	b.Cleanup(count("a"))
	b.Cleanup(func() { runs["panicking"]++; panic("boom") })
	require.Panics(t, func() { _ = b.ResetTo(cp) })
	for round := range 3 {
		name := fmt.Sprint("box", round)
		box := bump.Alloc(&b, round+1)
		b.Cleanup(func() {
			runs[name]++
			require.Equal(t, round+1, *box, "%s cleaned up on reused memory", name)
		})
		require.NoError(t, b.ResetTo(cp))
	}
	b.Reset()
	for _, name := range []string{"outer", "a", "panicking", "box0", "box1", "box2"} {
		require.Equal(t, 1, runs[name], "%s ran %d times", name, runs[name])
	}
}

// TestCleanupReentry checks what a cleanup may do to its arena during a
// reset: allocate, register and stop cleanups (supported), and reset or
// take a checkpoint (refused with a panic that leaves the arena usable).
func TestCleanupReentry(t *testing.T) {
	refused := []struct {
		name string
		call func(b *bump.Bump, outer, inner bump.Checkpoint)
		msg  string
	}{
		{"Reset", func(b *bump.Bump, _, _ bump.Checkpoint) { b.Reset() }, "bump: Reset: called from a cleanup during a reset"},
		{"ResetTo(outer)", func(b *bump.Bump, outer, _ bump.Checkpoint) { _ = b.ResetTo(outer) }, "bump: ResetTo: called from a cleanup during a reset"},
		{"ResetTo(inner)", func(b *bump.Bump, _, inner bump.Checkpoint) { _ = b.ResetTo(inner) }, "bump: ResetTo: called from a cleanup during a reset"},
		{"Checkpoint", func(b *bump.Bump, _, _ bump.Checkpoint) { b.Checkpoint() }, "bump: Checkpoint: called from a cleanup during a reset"},
	}
	resets := []struct {
		name  string
		reset func(b *bump.Bump, outer, inner bump.Checkpoint)
	}{
		{"Reset", func(b *bump.Bump, _, _ bump.Checkpoint) { b.Reset() }},
		{"ResetTo(outer)", func(b *bump.Bump, outer, _ bump.Checkpoint) { _ = b.ResetTo(outer) }},
		{"ResetTo(inner)", func(b *bump.Bump, _, inner bump.Checkpoint) { _ = b.ResetTo(inner) }},
	}
	for _, rs := range resets {
		for _, tc := range refused {
			t.Run(rs.name+"/"+tc.name, func(t *testing.T) {
				b := new(bump.Bump)
				outer := b.Checkpoint()
				bump.MakeSlice[*int](b, 10, 10)
				inner := b.Checkpoint()
				bump.MakeSlice[*int](b, 10, 10)
				bump.Bytes(b, 100)
				other := 0
				b.Cleanup(func() { other++ })
				b.Cleanup(func() { tc.call(b, outer, inner) })
				require.PanicsWithValue(t, tc.msg, func() { rs.reset(b, outer, inner) })
				require.Equal(t, 1, other, "the reset went on with the other cleanups")
				// The arena is usable: the checkpoints the reset kept
				// work, and it can be reset and pooled.
				bump.MakeSlice[*int](b, 10, 10)
				if rs.name != "Reset" {
					require.NoError(t, b.ResetTo(outer))
				}
				cp := b.Checkpoint()
				bump.Bytes(b, 10)
				require.NoError(t, b.ResetTo(cp))
				var p bump.Pool
				require.NotPanics(t, func() { p.Put(b) })
			})
		}
	}

	t.Run("supported", func(t *testing.T) {
		var b bump.Bump
		cp := b.Checkpoint()
		var got []string
		var p *int
		stopped := b.Cleanup(func() { got = append(got, "stopped") })
		b.Cleanup(func() {
			got = append(got, "outer")
			p = bump.Alloc(&b, 5) // freed by this reset
			b.Cleanup(func() {
				got = append(got, "registered by outer")
				require.Equal(t, 5, *p)
			})
			stopped.Stop()
		})
		require.NoError(t, b.ResetTo(cp))
		require.Equal(t, []string{"outer", "registered by outer"}, got)
		if !bump.CheckedBuild { // which protects released memory instead: see debug_test.go
			require.Zero(t, *p, "memory allocated by a cleanup is freed by its reset")
			require.Same(t, p, bump.New[int](&b))
		}
		got = nil
		b.Reset()
		require.Empty(t, got)
	})
}
