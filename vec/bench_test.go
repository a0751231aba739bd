package vec_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
	"github.com/bumpkit/bumpkit/vec"
)

var (
	sinkInts  []int
	sinkBytes []byte
)

// BenchmarkPush builds a 10,000-int sequence one element at a time. The
// bump variant resets its arena every operation, so that in the steady
// state it reuses one chunk and allocates nothing from the Go heap. The
// append and bump bodies are cmd/bumpbench's vec workload
// (internal/workload).
func BenchmarkPush(b *testing.B) {
	const n = workload.VecPushes
	b.Run("impl=append", workload.VecPushAppend)
	b.Run("impl=bump", workload.VecPushBump)
	b.Run("impl=heap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			v := vec.New[int](nil)
			for i := range n {
				v.Push(i)
			}
			sinkInts = v.Slice()
		}
	})
}

// BenchmarkPushPresized measures Push's fast path alone: the storage is
// reserved up front, so no push grows it.
func BenchmarkPushPresized(b *testing.B) {
	const n = 10_000
	b.Run("impl=append", func(b *testing.B) {
		b.ReportAllocs()
		s := make([]int, 0, n)
		for b.Loop() {
			s = s[:0]
			for i := range n {
				s = append(s, i)
			}
			sinkInts = s
		}
	})
	b.Run("impl=bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		v := vec.WithCapacity[int](&a, n)
		for b.Loop() {
			v.Clear()
			for i := range n {
				v.Push(i)
			}
			sinkInts = v.Slice()
		}
	})
}

// BenchmarkAppendSlice appends 1 MiB of bytes in 1 KiB pieces.
func BenchmarkAppendSlice(b *testing.B) {
	const total, piece = 1 << 20, 1 << 10
	src := make([]byte, piece)
	b.Run("impl=append", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		for b.Loop() {
			var s []byte
			for range total / piece {
				s = append(s, src...)
			}
			sinkBytes = s
		}
	})
	b.Run("impl=bump", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		var a bump.Bump
		for b.Loop() {
			v := vec.New[byte](&a)
			for range total / piece {
				v.AppendSlice(src)
			}
			sinkBytes = v.Slice()
			a.Reset()
		}
	})
}

// BenchmarkExtend appends 1 MiB of bytes from an iterator.
func BenchmarkExtend(b *testing.B) {
	const total = 1 << 20
	seq := func(yield func(byte) bool) {
		for i := range total {
			if !yield(byte(i)) {
				return
			}
		}
	}
	b.Run("impl=append", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		for b.Loop() {
			var s []byte
			for x := range seq {
				s = append(s, x)
			}
			sinkBytes = s
		}
	})
	b.Run("impl=bump", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		var a bump.Bump
		for b.Loop() {
			v := vec.New[byte](&a)
			v.Extend(seq)
			sinkBytes = v.Slice()
			a.Reset()
		}
	})
}
