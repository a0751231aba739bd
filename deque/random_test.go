package deque

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestRandomAgainstSlice applies random operations to a Deque and to a
// plain slice that models it, comparing them after every step.
func TestRandomAgainstSlice(t *testing.T) {
	allocs := map[string]func() bump.Allocator{
		"heap": func() bump.Allocator { return nil },
		"bump": func() bump.Allocator { return new(bump.Bump) },
	}
	for name, newAlloc := range allocs {
		for seed := range uint64(8) {
			t.Run(name+"/"+strconv.FormatUint(seed, 10), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, 5))
				d := New[int](newAlloc())
				var ref []int
				for step := range 2000 {
					v := step + 1
					switch op := r.IntN(20); {
					case op < 5:
						d.PushBack(v)
						ref = append(ref, v)
					case op < 9:
						d.PushFront(v)
						ref = slices.Insert(ref, 0, v)
					case op < 12:
						got, ok := d.PopFront()
						require.Equal(t, len(ref) > 0, ok)
						if ok {
							require.Equal(t, ref[0], got)
							ref = ref[1:]
						}
					case op < 15:
						got, ok := d.PopBack()
						require.Equal(t, len(ref) > 0, ok)
						if ok {
							require.Equal(t, ref[len(ref)-1], got)
							ref = ref[:len(ref)-1]
						}
					case op < 16 && len(ref) > 0:
						i := r.IntN(len(ref))
						d.Set(i, -v)
						ref[i] = -v
					case op < 17:
						n := r.IntN(41) - 20
						d.Rotate(n)
						if len(ref) > 0 {
							k := ((n % len(ref)) + len(ref)) % len(ref)
							ref = append(ref[k:], ref[:k]...)
						}
					case op < 18:
						n := r.IntN(10)
						c := d.Cap()
						d.Reserve(n)
						require.GreaterOrEqual(t, d.Cap(), len(ref)+n)
						if c >= len(ref)+n {
							require.Equal(t, c, d.Cap(), "Reserve grew a deque with room")
						}
					case op < 19 && r.IntN(20) == 0:
						d.Clear()
						ref = ref[:0]
					default:
						if len(ref) > 0 {
							i := r.IntN(len(ref))
							require.Equal(t, ref[i], d.At(i))
						}
					}
					require.Equal(t, len(ref), d.Len())
					front, back := d.Slices()
					require.Equal(t, len(ref) == 0, len(front) == 0)
					require.Equal(t, append([]int{}, ref...), append(append([]int{}, front...), back...))
					checkInvariants(t, d)
				}
				var backward []int
				for i, v := range d.Backward() {
					require.Equal(t, ref[i], v)
					backward = append(backward, v)
				}
				slices.Reverse(backward)
				require.Equal(t, append([]int{}, ref...), append([]int{}, backward...))
			})
		}
	}
}
