package boxed_test

import (
	"io"
	"testing"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
)

// batch is how many values one benchmark operation boxes; the bump
// variants reset once per batch.
const batch = 1024

// resource is a 32-byte value with a cleanup method.
type resource struct {
	a      int
	_, _   int // the size of a small record
	closed *int
}

func (r *resource) Close() error { *r.closed++; return nil }

var sinkCloser io.Closer

// BenchmarkNewDrop places batch values and cleans each up, against the
// plain Go way: a heap pointer and an explicit Close.
func BenchmarkNewDrop(b *testing.B) {
	closed := 0
	b.Run("impl=heap-pointer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range batch {
				r := &resource{a: i, closed: &closed}
				sinkCloser = r
				r.Close()
			}
		}
	})
	b.Run("impl=box-heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range batch {
				bx := boxed.New(nil, resource{a: i, closed: &closed})
				bx.Drop()
			}
		}
	})
	b.Run("impl=box-bump", func(b *testing.B) {
		b.ReportAllocs()
		var arena bump.Bump
		for b.Loop() {
			for i := range batch {
				bx := boxed.New(&arena, resource{a: i, closed: &closed})
				bx.Drop()
			}
			arena.Reset()
		}
	})
	// Boxes left to the arena are all dropped by the Reset.
	b.Run("impl=box-bump-reset", func(b *testing.B) {
		b.ReportAllocs()
		var arena bump.Bump
		for b.Loop() {
			for i := range batch {
				boxed.New(&arena, resource{a: i, closed: &closed})
			}
			arena.Reset()
		}
	})
}
