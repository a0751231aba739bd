package bump_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// BenchmarkForkNew compares allocation from a forked arena with a plain
// one: the goal is within 1.5x.
func BenchmarkForkNew(b *testing.B) {
	b.Run("impl=bump", workload.NewPointerBump)
	b.Run("impl=fork", workload.NewPointerForked)
}

// BenchmarkFanOut builds 64 trees of depth 10 per operation, shared among
// 1, 2 and 4 goroutines, each in a child arena: the time per node shows
// how the fan-out scales with the cores.
func BenchmarkFanOut(b *testing.B) {
	for _, w := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", w), workload.FanOutTreesBench(w))
	}
}
