package str_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
	"github.com/bumpkit/bumpkit/str"
)

var sinkString string

// reportCPU makes a benchmark also report the CPU time of the process per
// operation (the garbage collector's included), which on a machine shared
// with other work varies much less than the wall time. Call it first and
// defer what it returns.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if end := cpuTime(); start >= 0 && end >= 0 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// BenchmarkSprintf formats a short line, with the arena reset every 1024
// results, as a request handler would reset its arena.
func BenchmarkSprintf(b *testing.B) {
	id, name := 12345, "gopher"
	b.Run("impl=fmt", func(b *testing.B) {
		defer reportCPU(b)()
		b.ReportAllocs()
		for b.Loop() {
			sinkString = fmt.Sprintf("user %d: %s (%x)", id, name, id)
		}
	})
	b.Run("impl=bump", func(b *testing.B) {
		defer reportCPU(b)()
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

// BenchmarkBuild builds 1 MiB (and 4 KiB) from pieces of 16 bytes and of
// 1 KiB, with each builder starting empty: growth is what it measures.
// The goal of issue 12 is String-heap no slower than bytes.Buffer.
func BenchmarkBuild(b *testing.B) {
	for _, size := range []struct {
		name         string
		total, piece int
	}{{"total=1MiB/piece=16B", 1 << 20, 16}, {"total=1MiB/piece=1KiB", 1 << 20, 1 << 10}, {"total=4KiB/piece=16B", 4 << 10, 16}} {
		src := strings.Repeat("x", size.piece)
		n := size.total / size.piece
		b.Run(size.name+"/impl=bytes.Buffer", func(b *testing.B) {
			defer reportCPU(b)()
			b.ReportAllocs()
			b.SetBytes(int64(size.total))
			for b.Loop() {
				var sb bytes.Buffer
				for range n {
					sb.WriteString(src)
				}
				sinkString = sb.String()
			}
		})
		b.Run(size.name+"/impl=strings.Builder", func(b *testing.B) {
			defer reportCPU(b)()
			b.ReportAllocs()
			b.SetBytes(int64(size.total))
			for b.Loop() {
				var sb strings.Builder
				for range n {
					sb.WriteString(src)
				}
				sinkString = sb.String()
			}
		})
		b.Run(size.name+"/impl=String-heap", func(b *testing.B) {
			defer reportCPU(b)()
			b.ReportAllocs()
			b.SetBytes(int64(size.total))
			for b.Loop() {
				s := str.New(nil)
				for range n {
					s.WriteString(src)
				}
				sinkString = s.String()
			}
		})
		b.Run(size.name+"/impl=String-arena", func(b *testing.B) {
			defer reportCPU(b)()
			b.ReportAllocs()
			b.SetBytes(int64(size.total))
			var a bump.Bump
			for b.Loop() {
				s := str.New(&a)
				for range n {
					s.WriteString(src)
				}
				sinkString = s.String()
				a.Reset()
			}
			sinkString = ""
		})
	}
}

// BenchmarkFormatParts is bumpbench's str workload (field<i>=<value>; for
// 256 parts) written with fmt.Fprintf into a strings.Builder, the
// baseline, and with the appenders into a String. The goal of issue 12 is
// appenders at least 2x faster than the baseline. The bodies are in
// internal/workload, shared with bumpbench.
func BenchmarkFormatParts(b *testing.B) {
	for _, bench := range []struct {
		name string
		fn   func(*testing.B)
	}{
		{"impl=Fprintf-strings.Builder", workload.StrFprintfBuilder},
		{"impl=strconv-strings.Builder", workload.StrStrconvBuilder},
		{"impl=Fprintf-String-arena", workload.StrFprintfBump},
		{"impl=Append-String-heap", workload.StrAppendHeap},
		{"impl=Append-String-arena", workload.StrAppendBump},
	} {
		b.Run(bench.name, func(b *testing.B) {
			defer reportCPU(b)()
			bench.fn(b)
		})
	}
}
