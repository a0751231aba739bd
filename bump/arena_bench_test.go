//go:build goexperiment.arenas

package bump_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// BenchmarkArena compares Bump with the experimental arena package of the
// Go runtime (GOEXPERIMENT=arenas), in the batched style of the other
// benchmarks: a batch of allocations, then one Free or Reset.
func BenchmarkArena(b *testing.B) {
	b.Run("op=New/impl=arena", workload.NewSmallGoArena)
	b.Run("op=New/impl=bump", workload.NewSmallBump)
	b.Run("op=NewPointer/impl=arena", workload.NewPointerGoArena)
	b.Run("op=NewPointer/impl=bump", workload.NewPointerBump)
	const size = 256
	b.Run(fmt.Sprintf("op=MakeSlice%d/impl=arena", size), workload.MakeSliceGoArena(size))
	b.Run(fmt.Sprintf("op=MakeSlice%d/impl=bump", size), workload.MakeSliceBump(size))
}
