package bench

import (
	"encoding/json"
	"runtime"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
	goccy "github.com/goccy/go-json"
	segmentio "github.com/segmentio/encoding/json"
)

// The JSON decoders compared on bumpjson's benchmark document (1 MB of
// nested structs): encoding/json, goccy/go-json and segmentio/encoding
// into the Go heap, bumpjson into a warm arena reset after each document.
// heap-B/doc-B is the Go heap taken per byte of document.

type jsonImpl struct {
	name   string
	decode func(data []byte, v *workload.JSONDoc) error
}

func jsonImpls() []jsonImpl {
	a := new(bump.Bump)
	return []jsonImpl{
		{"encoding-json", func(data []byte, v *workload.JSONDoc) error { return json.Unmarshal(data, v) }},
		{"goccy", func(data []byte, v *workload.JSONDoc) error { return goccy.Unmarshal(data, v) }},
		{"segmentio", func(data []byte, v *workload.JSONDoc) error { return segmentio.Unmarshal(data, v) }},
		{"bumpjson-heap", func(data []byte, v *workload.JSONDoc) error { return bumpjson.Unmarshal(nil, data, v) }},
		{"bumpjson-arena", func(data []byte, v *workload.JSONDoc) error {
			a.Reset()
			return bumpjson.Unmarshal(a, data, v)
		}},
	}
}

//go:noinline
func decodeWith(impl jsonImpl, data []byte) error {
	var doc workload.JSONDoc
	return impl.decode(data, &doc)
}

func BenchmarkJSONDecode(b *testing.B) {
	data := workload.JSONDocument()
	for _, impl := range jsonImpls() {
		b.Run("impl="+impl.name, func(b *testing.B) {
			for range 3 {
				if err := decodeWith(impl, data); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			before := totalAlloc()
			for b.Loop() {
				decodeWith(impl, data)
			}
			b.ReportMetric(float64(totalAlloc()-before)/float64(b.N)/float64(len(data)), "heap-B/doc-B")
		})
	}
}

// BenchmarkJSONDecodeRatios runs every decoder on each iteration and
// reports each one's time relative to encoding/json's, measured in the
// same iterations, so that the machine's load cancels out.
func BenchmarkJSONDecodeRatios(b *testing.B) {
	data := workload.JSONDocument()
	impls := jsonImpls()
	total := make([]time.Duration, len(impls))
	for b.Loop() {
		for i, impl := range impls {
			start := time.Now()
			decodeWith(impl, data)
			total[i] += time.Since(start)
		}
	}
	for i, impl := range impls[1:] {
		b.ReportMetric(float64(total[i+1])/float64(total[0]), impl.name+"/std")
	}
}

// TestJSONDecodersAgree checks that the peers decode the document to the
// same value, so that the benchmark compares equal work.
func TestJSONDecodersAgree(t *testing.T) {
	data := workload.JSONDocument()
	var want workload.JSONDoc
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	for _, impl := range jsonImpls()[1:] {
		var got workload.JSONDoc
		if err := impl.decode(data, &got); err != nil {
			t.Fatalf("%s: %v", impl.name, err)
		}
		if len(got.Items) != len(want.Items) || got.Items[len(got.Items)-1].Address != want.Items[len(want.Items)-1].Address {
			t.Errorf("%s decodes the document differently", impl.name)
		}
	}
}

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}
