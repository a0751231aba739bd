package str_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/workload"
	"github.com/bumpkit/bumpkit/str"
)

var sinkString string

// BenchmarkSprintf formats a short line, with the arena reset every 1024
// results, as a request handler would reset its arena.
func BenchmarkSprintf(b *testing.B) {
	id, name := 12345, "gopher"
	b.Run("fmt", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkString = fmt.Sprintf("user %d: %s (%x)", id, name, id)
		}
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		i := 0
		for b.Loop() {
			sinkString = str.Sprintf(&a, "user %d: %s (%x)", id, name, id)
			if i++; i%1024 == 0 {
				a.Reset()
			}
		}
	})
}

// BenchmarkWriteString builds a string of 4 KiB from 16-byte pieces and
// one of 1 MiB from 64-byte pieces.
func BenchmarkWriteString(b *testing.B) {
	for _, size := range []struct {
		name         string
		total, piece int
	}{{"4KiB", 4 << 10, 16}, {"1MiB", 1 << 20, 64}} {
		src := strings.Repeat("x", size.piece)
		b.Run(size.name+"/strings.Builder", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size.total))
			for b.Loop() {
				var sb strings.Builder
				for range size.total / size.piece {
					sb.WriteString(src)
				}
				sinkString = sb.String()
			}
		})
		b.Run(size.name+"/bump", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size.total))
			var a bump.Bump
			for b.Loop() {
				s := str.New(&a)
				for range size.total / size.piece {
					s.WriteString(src)
				}
				sinkString = s.String()
				a.Reset()
			}
		})
	}
}

// BenchmarkBuild builds a string from formatted parts: cmd/bumpbench's str
// workload (internal/workload).
func BenchmarkBuild(b *testing.B) {
	b.Run("strings.Builder", workload.StrBuildHeap)
	b.Run("bump", workload.StrBuildBump)
}
