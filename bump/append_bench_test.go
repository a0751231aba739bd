package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

// BenchmarkAppend appends workload.VecPushes ints one at a time to a nil
// slice: with the builtin append on the Go heap, and with bump.Append in a
// Bump reset after each slice. Compare ns/op between the two in one run
// (benchstat reads the impl key).
func BenchmarkAppend(b *testing.B) {
	b.Run("impl=heap", workload.VecPushAppend)
	b.Run("impl=bump", workload.AppendBump)
}
