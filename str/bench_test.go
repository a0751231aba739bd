package str_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
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

// BenchmarkWriteString builds a 1 MiB string from 64-byte pieces.
func BenchmarkWriteString(b *testing.B) {
	const total, piece = 1 << 20, 64
	src := strings.Repeat("x", piece)
	b.Run("strings.Builder", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		for b.Loop() {
			var sb strings.Builder
			for range total / piece {
				sb.WriteString(src)
			}
			sinkString = sb.String()
		}
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		var a bump.Bump
		for b.Loop() {
			s := str.New(&a)
			for range total / piece {
				s.WriteString(src)
			}
			sinkString = s.String()
			a.Reset()
		}
	})
}

// BenchmarkWriteStringSmall builds a 4 KiB string, small enough for the
// arena to reach a steady state with no Go-heap allocation.
func BenchmarkWriteStringSmall(b *testing.B) {
	const total, piece = 4 << 10, 16
	src := strings.Repeat("x", piece)
	b.Run("strings.Builder", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		for b.Loop() {
			var sb strings.Builder
			for range total / piece {
				sb.WriteString(src)
			}
			sinkString = sb.String()
		}
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(total)
		var a bump.Bump
		for b.Loop() {
			s := str.New(&a)
			for range total / piece {
				s.WriteString(src)
			}
			sinkString = s.String()
			a.Reset()
		}
	})
}
