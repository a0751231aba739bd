package main

import (
	"os"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestResetSteadyStateLargeRounds shows a gap in bump.Bump.Reset reported
// to the bump package's owner: Reset keeps only the largest chunk, and
// chunks stop growing at 1 MiB, so a loop whose rounds allocate more than
// that takes most of its chunks from the Go heap again on every round,
// although issue 3 asks a steady-state allocate-then-Reset loop to be 0
// allocs/op. Rewinding to a checkpoint of the empty arena does reach 0.
//
// It fails today, so it runs only with BUMPKIT_KNOWN_GAPS=1, keeping CI
// green until bump/ decides on a fix (for example keeping the chunks of
// the last round up to a retained-size budget).
func TestResetSteadyStateLargeRounds(t *testing.T) {
	round := func(a *bump.Bump) {
		for range 4 << 20 / 64 { // 4 MiB in 64-byte pieces
			_ = bump.New[[8]int64](a)
		}
	}

	var rewound bump.Bump
	start := rewound.Checkpoint()
	round(&rewound)
	allocs := testing.AllocsPerRun(5, func() {
		require.NoError(t, rewound.ResetTo(start))
		round(&rewound)
	})
	require.Zero(t, allocs, "rewinding to a checkpoint keeps every chunk")

	if os.Getenv("BUMPKIT_KNOWN_GAPS") == "" {
		t.Skip("known gap in bump.Reset for rounds over 1 MiB; set BUMPKIT_KNOWN_GAPS=1 to run")
	}
	var reset bump.Bump
	round(&reset)
	allocs = testing.AllocsPerRun(5, func() {
		reset.Reset()
		round(&reset)
	})
	require.Zero(t, allocs, "a steady allocate-then-Reset loop should not allocate")
}
