package boxed_test

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// counted counts how many times it is dropped.
type counted struct{ drops *int }

func (c counted) Drop() { *c.drops++ }

// TestRandomDropCounts mixes Drop, Checkpoint, ResetTo and Reset at random
// and checks that every Box is dropped exactly once: by Drop or by the
// reset that releases it, whichever comes first.
func TestRandomDropCounts(t *testing.T) {
	for seed := range uint64(50) {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			var arena bump.Bump
			var boxes []boxed.Box[counted]
			var drops []*int
			type mark struct {
				cp    bump.Checkpoint
				boxes int // boxes made before the checkpoint
			}
			var marks, stale []mark

			// released checks that every box made since the first
			// `from` has been dropped exactly once.
			released := func(from int) {
				for i := from; i < len(boxes); i++ {
					if *drops[i] != 1 || !boxes[i].Dropped() {
						require.Failf(t, "box not released", "box %d: dropped %d times", i, *drops[i])
					}
				}
			}
			for range 300 {
				switch op := r.IntN(20); {
				case op < 9:
					n := new(int)
					drops = append(drops, n)
					boxes = append(boxes, boxed.New(&arena, counted{n}))
				case op < 15 && len(boxes) > 0:
					i := r.IntN(len(boxes))
					require.NoError(t, boxes[i].Drop())
					require.Equal(t, 1, *drops[i])
				case op < 17:
					marks = append(marks, mark{arena.Checkpoint(), len(boxes)})
				case op < 19 && len(marks) > 0:
					i := r.IntN(len(marks))
					require.NoError(t, arena.ResetTo(marks[i].cp))
					released(marks[i].boxes)
					stale = append(stale, marks[i+1:]...)
					marks = marks[:i+1]
				case op < 20 && r.IntN(5) == 0:
					arena.Reset()
					released(0)
					stale = append(stale, marks...)
					marks = nil
				}
				for i, n := range drops {
					if *n > 1 || (*n == 1) != boxes[i].Dropped() {
						require.Failf(t, "bad drop state", "box %d: dropped %d times, Dropped() = %v", i, *n, boxes[i].Dropped())
					}
				}
			}
			for _, m := range stale {
				err := arena.ResetTo(m.cp)
				require.True(t, errors.Is(err, bump.ErrStaleCheckpoint))
			}
			arena.Reset()
			released(0)
		})
	}
}
