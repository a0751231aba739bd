package str_test

import (
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// TestChurnMemory measures what a long-lived String holds in an arena that
// is never reset (docs/design.md, "Memory under churn"), for rounds of
// rebuilding a 100-byte line:
//   - reused: Clear, write, read with Bytes. Memory stays at the line's
//     size whatever the number of rounds.
//   - returned: Clear, write, String. Every string String returns stays
//     valid until the arena is reset, so each round's storage is kept: the
//     arena grows with the rounds, by about the line's storage a round.
func TestChurnMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	line := strings.Repeat("x", 100)
	run := func(rounds int, returned bool) int {
		b := new(bump.Bump)
		s := str.New(b)
		for range rounds {
			s.Clear()
			s.WriteString(line)
			if returned {
				_ = s.String()
			} else {
				_ = s.Bytes()
			}
		}
		return b.AllocatedBytes()
	}
	const few, many = 20_000, 1_000_000
	reusedFew, reusedMany := run(few, false), run(many, false)
	t.Logf("reused storage: %d arena bytes after %d rounds, %d after %d", reusedFew, few, reusedMany, many)
	require.LessOrEqual(t, reusedMany, 2*reusedFew)

	returnedFew, returnedMany := run(few, true), run(many/10, true)
	t.Logf("strings returned every round: %d arena bytes after %d rounds, %d after %d", returnedFew, few, returnedMany, many/10)
	perRound := float64(returnedMany) / float64(many/10)
	t.Logf("about %.0f arena bytes per round for a %d-byte line", perRound, len(line))
	require.Greater(t, perRound, float64(len(line)), "returned strings must keep their storage")
	require.Less(t, perRound, float64(4*len(line)), "more than the line's storage kept per round")
}
