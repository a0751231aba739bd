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
		{"offset past the chunk", func(b *Bump) { b.off = b.cap + wordSize }, "the fast path bumps"},
		{"floor past the offset", func(b *Bump) { b.bytes.floor = int(b.off) + 2*wordSize }, "chunks of uint8: floor"},
		{"write at the offset", func(b *Bump) { *(*byte)(unsafe.Add(b.base, b.off+3)) = 1 }, "just allocated, is 0x1, not zero"},
		{"write past the offset", func(b *Bump) { *(*byte)(unsafe.Add(b.base, b.off+20)) = 1 }, "values in use is 0x1, not zero"},
		{"accounting", func(b *Bump) { b.allocated += 16 }, "AllocatedBytes is"},
		{"spare chunk in use", func(b *Bump) {
			b.bytes.spares.list = append(b.bytes.spares.list, spare[byte]{mem: make([]byte, 8, 64)})
			b.bytes.spares.bytes += 64
			b.spare += 64
			b.allocated += 64
		}, "regular spare 0 has 8 of 64 values"},
		{"spares miscounted", func(b *Bump) { b.spare += 8 }, "spare chunks hold"},
		{"checkpoint order", func(b *Bump) { b.frames[1].bytes.used = b.frames[0].bytes.used - wordSize }, "precedes checkpoint"},
		{"checkpoint marks", func(b *Bump) { b.marks = b.marks[:len(b.marks)-1] }, "marks for checkpoints"},
		{"slab value past the end", func(b *Bump) {
			s := b.slabList[0].(*typedSlab[*int])
			s.cur[:len(s.cur)+1][len(s.cur)] = new(int)
		}, "past the 1 values in use"},
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
