package bumpjson_test

import (
	"encoding/json"
	"runtime"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

func nanotime() int64 { return time.Now().UnixNano() }

// decodeStd and decodeArena are the benchmark bodies, kept out of line so
// that the compiler cannot keep the results on the benchmark's stack.
//
//go:noinline
func decodeStd(data []byte) error {
	var doc workload.JSONDoc
	return json.Unmarshal(data, &doc)
}

//go:noinline
func decodeArena(a bump.Allocator, data []byte) error {
	var doc workload.JSONDoc
	return bumpjson.Unmarshal(a, data, &doc)
}

// BenchmarkUnmarshal decodes the 1 MB document: with encoding/json into
// the Go heap, with bumpjson into the Go heap (nil allocator), and with
// bumpjson into an arena reset after each decoding. heap-B/doc-B is the
// Go heap taken per byte of document.
func BenchmarkUnmarshal(b *testing.B) {
	data := workload.JSONDocument()
	report := func(b *testing.B, heap uint64) {
		b.ReportMetric(float64(heap)/float64(b.N)/float64(len(data)), "heap-B/doc-B")
	}
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		before := totalAlloc()
		for b.Loop() {
			if err := decodeStd(data); err != nil {
				b.Fatal(err)
			}
		}
		report(b, totalAlloc()-before)
	})
	b.Run("impl=bumpjson-heap", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		before := totalAlloc()
		for b.Loop() {
			if err := decodeArena(nil, data); err != nil {
				b.Fatal(err)
			}
		}
		report(b, totalAlloc()-before)
	})
	b.Run("impl=bumpjson-arena", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		a := new(bump.Bump)
		for range 3 { // warm the arena
			decodeArena(a, data)
			a.Reset()
		}
		before := totalAlloc()
		for b.Loop() {
			if err := decodeArena(a, data); err != nil {
				b.Fatal(err)
			}
			a.Reset()
		}
		report(b, totalAlloc()-before)
	})
}

// BenchmarkUnmarshalSpeedup measures encoding/json and bumpjson into a
// warm arena alternately in one benchmark and reports how many times
// faster bumpjson is: the ratio holds under the machine's varying load.
func BenchmarkUnmarshalSpeedup(b *testing.B) {
	data := workload.JSONDocument()
	a := new(bump.Bump)
	for range 3 {
		decodeArena(a, data)
		a.Reset()
	}
	var std, arena int64
	for b.Loop() {
		t0 := nanotime()
		decodeStd(data)
		t1 := nanotime()
		decodeArena(a, data)
		a.Reset()
		t2 := nanotime()
		std += t1 - t0
		arena += t2 - t1
	}
	b.ReportMetric(float64(std)/float64(arena), "x-faster")
}

// encodeDoc returns the 1 MB document of the decoding benchmarks as its
// structs, to encode.
func encodeDoc(b *testing.B) *workload.JSONDoc {
	var doc workload.JSONDoc
	if err := json.Unmarshal(workload.JSONDocument(), &doc); err != nil {
		b.Fatal(err)
	}
	return &doc
}

// BenchmarkAppend encodes the 1 MB document: with json.Marshal, with
// bumpjson.Append into the Go heap (nil allocator), and with Append into
// an arena reset after each encoding. heap-B/out-B is the Go heap taken
// per byte of output.
func BenchmarkAppend(b *testing.B) {
	doc := encodeDoc(b)
	out, _ := json.Marshal(doc)
	report := func(b *testing.B, heap uint64) {
		b.ReportMetric(float64(heap)/float64(b.N)/float64(len(out)), "heap-B/out-B")
	}
	for _, impl := range []struct {
		name string
		a    bump.Allocator
	}{{"encoding-json", nil}, {"bumpjson-heap", nil}, {"bumpjson-arena", new(bump.Bump)}} {
		b.Run("impl="+impl.name, func(b *testing.B) {
			b.SetBytes(int64(len(out)))
			b.ReportAllocs()
			encode := func() error {
				if impl.name == "encoding-json" {
					_, err := json.Marshal(doc)
					return err
				}
				_, err := bumpjson.Append(impl.a, nil, doc)
				if a, ok := impl.a.(*bump.Bump); ok {
					a.Reset()
				}
				return err
			}
			for range 3 { // warm the arena
				encode()
			}
			before := totalAlloc()
			for b.Loop() {
				if err := encode(); err != nil {
					b.Fatal(err)
				}
			}
			report(b, totalAlloc()-before)
		})
	}
}

// BenchmarkAppendSpeedup measures json.Marshal and Append into a warm
// arena alternately in one benchmark and reports how many times faster
// Append is: the ratio holds under the machine's varying load.
func BenchmarkAppendSpeedup(b *testing.B) {
	doc := encodeDoc(b)
	a := new(bump.Bump)
	for range 3 {
		bumpjson.Append(a, nil, doc)
		a.Reset()
	}
	var std, arena int64
	for b.Loop() {
		t0 := nanotime()
		json.Marshal(doc)
		t1 := nanotime()
		bumpjson.Append(a, nil, doc)
		a.Reset()
		t2 := nanotime()
		std += t1 - t0
		arena += t2 - t1
	}
	b.ReportMetric(float64(std)/float64(arena), "x-faster")
}

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

// TestArenaHeapFraction checks the memory goal: once the arena is warm,
// decoding the 1 MB document takes at most 5% of its size from the Go
// heap. It prints the figure.
func TestArenaHeapFraction(t *testing.T) {
	data := workload.JSONDocument()
	a := new(bump.Bump)
	for range 3 {
		if err := decodeArena(a, data); err != nil {
			t.Fatal(err)
		}
		a.Reset()
	}
	const rounds = 10
	before := totalAlloc()
	for range rounds {
		decodeArena(a, data)
		a.Reset()
	}
	frac := float64(totalAlloc()-before) / rounds / float64(len(data))
	stdBefore := totalAlloc()
	decodeStd(data)
	stdFrac := float64(totalAlloc()-stdBefore) / float64(len(data))
	t.Logf("document %d bytes: bumpjson into a warm arena takes %.4f%% of its size from the Go heap per decoding (encoding/json: %.0f%%)", len(data), 100*frac, 100*stdFrac)
	if lifecheck.Enabled || raceEnabled {
		return // the checked build quarantines released memory instead of reusing it
	}
	if frac > 0.05 {
		t.Errorf("bumpjson into a warm arena took %.2f%% of the document's size from the Go heap, want at most 5%%", 100*frac)
	}
}
