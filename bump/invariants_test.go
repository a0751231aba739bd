//go:build bumpdebug

package bump

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestInvariantsCatchCorruption corrupts a working arena in each way the
// checked build's invariants cover and checks that the next operation
// panics naming the problem.
func TestInvariantsCatchCorruption(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(b *Bump)
		want    string
	}{
		{"offset past the chunk", func(b *Bump) { b.off = b.cap + wordSize }, "chunk 0 uses"},
		{"floor past the offset", func(b *Bump) { b.floor = b.off + 2*wordSize }, "outside chunk"},
		{"write at the offset", func(b *Bump) { *(*byte)(unsafe.Add(b.base, b.off+3)) = 1 }, "just allocated, is 0x1, not zero"},
		{"write past the offset", func(b *Bump) { *(*byte)(unsafe.Add(b.base, b.off+20)) = 1 }, "past the offset"},
		{"accounting", func(b *Bump) { b.allocated += 16 }, "AllocatedBytes is"},
		{"spare chunk in use", func(b *Bump) {
			b.chunks = append(b.chunks, byteChunk{mem: newByteChunk(64), used: 8})
			b.allocated += 64
		}, "spare chunk 1 uses 8 bytes"},
		{"checkpoint order", func(b *Bump) { b.frames[1].off = b.frames[0].off - wordSize }, "precedes checkpoint"},
		{"checkpoint marks", func(b *Bump) { b.marks = b.marks[:len(b.marks)-1] }, "slab marks"},
		{"slab value past the end", func(b *Bump) {
			s := b.slabOrder[0].(*typedSlab[*int])
			s.cur[:len(s.cur)+1][len(s.cur)] = new(int)
		}, "next free value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b Bump
			New[*int](&b)
			New[int64](&b)
			b.Checkpoint()
			New[int64](&b)
			b.Checkpoint()
			New[int64](&b)
			New[int64](&b) // the arena is sound so far
			tt.corrupt(&b)
			defer func() {
				r := recover()
				require.NotNil(t, r, "the corruption went unnoticed")
				require.Contains(t, r, "bump: invariant violated: ")
				require.Contains(t, r, tt.want)
			}()
			New[int64](&b)
		})
	}
}
