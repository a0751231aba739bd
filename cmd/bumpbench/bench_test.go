package main

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
)

// BenchmarkJSONRewind compares the two ways of freeing a tree bigger than
// one chunk between rounds: Reset keeps only the largest chunk, so each
// round allocates the rest again; rewinding to a checkpoint taken on the
// empty arena keeps every regular chunk.
func BenchmarkJSONRewind(b *testing.B) {
	data, err := jsontree.ReadFile(testInput)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("heap", func(b *testing.B) {
		decodeLoop(b, data, nil, func() {})
	})
	b.Run("reset", func(b *testing.B) {
		var a bump.Bump
		decodeLoop(b, data, &a, a.Reset)
	})
	b.Run("checkpoint", func(b *testing.B) {
		var a bump.Bump
		start := a.Checkpoint()
		decodeLoop(b, data, &a, func() {
			if err := a.ResetTo(start); err != nil {
				b.Fatal(err)
			}
		})
	})
}
