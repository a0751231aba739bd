package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

var sinkInts []int

// BenchmarkAppend appends 10,000 ints one at a time to a nil slice: with
// the builtin append on the Go heap, and with bump.Append in a Bump reset
// after each slice. Compare ns/op between the two in one run.
func BenchmarkAppend(b *testing.B) {
	const n = 10_000
	b.Run("heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var s []int
			for i := range n {
				s = append(s, i)
			}
			sinkInts = s
		}
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			var s []int
			for i := range n {
				s = bump.Append(&a, s, i)
			}
			sinkInts = s
			sinkInts = nil
			a.Reset()
		}
	})
}
