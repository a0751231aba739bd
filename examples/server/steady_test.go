package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
)

// documents returns the real documents of the steady-state test: the 7 MB
// node-api.json, a 3 MB one made of its first modules, and small ones.
func documents(t *testing.T) (big, medium []byte, small [][]byte) {
	big = readNodeAPI(t)
	var doc struct {
		Modules []json.RawMessage `json:"modules"`
	}
	if err := json.Unmarshal(big, &doc); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString(`{"modules":[`)
	for i, m := range doc.Modules {
		if b.Len() > 3<<20 {
			break
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(m)
	}
	b.WriteString("]}")
	medium = b.Bytes()
	for i := range 4 {
		small = append(small, []byte(fmt.Sprintf(`{"id": %d, "tags": ["a", "b"], "n": {"x": 1.5, "y": [true, null]}}`, i)))
	}
	return big, medium, small
}

// measure runs one request through serve and returns the Go heap it took:
// the request and the recorder are made before the measurement.
func measure(t *testing.T, body []byte, serve func(http.ResponseWriter, *http.Request)) uint64 {
	req := httptest.NewRequest(http.MethodPost, "/summarize", bytes.NewReader(body))
	rec := httptest.NewRecorder()
	rec.Body.Grow(64 << 10) // the recorder is the test's, not the handler's
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	serve(rec, req)
	runtime.ReadMemStats(&ms)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	return ms.TotalAlloc - before
}

// TestSteadyStateHeap is issue 19's goal for this example: once warm, a
// request takes at most 10% of the documents' size from the Go heap, with
// and without garbage collections between requests, for uniform and mixed
// document sizes. It prints two figures for each case:
//
//   - the request as served, its arena from the Summarizer's Pool, with
//     no tuning: how much the arenas and the Pool keep across requests and
//     collections decides most of it;
//   - the same request handled in one arena the test keeps, presized for
//     the largest request and reset after each: what reading, decoding,
//     summarizing and answering take from the Go heap outside the arena.
//
// Both are checked.
func TestSteadyStateHeap(t *testing.T) {
	if testing.Short() || raceEnabled || checkedBuild {
		t.Skip("decodes about 400 MB of JSON, and measures the Go heap (which the race detector's sync.Pool and the checked build's quarantine change)")
	}
	big, medium, small := documents(t)
	mixed := [][]byte{medium, small[0], big, small[1], medium, small[2], big, small[3]}
	uniform := [][]byte{medium}
	for _, tc := range []struct {
		name string
		docs [][]byte
		gc   int // collect before every gc-th request; 0: never
	}{
		{"uniform 3MB", uniform, 0},
		{"uniform 3MB, GC every 2 requests", uniform, 2},
		{"mixed 3MB/7MB/small", mixed, 0},
		{"mixed 3MB/7MB/small, GC every 2 requests", mixed, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const warm, measured = 8, 16
			run := func(serve func(http.ResponseWriter, *http.Request)) float64 {
				var heap, size uint64
				for i := range warm + measured {
					doc := tc.docs[i%len(tc.docs)]
					if tc.gc > 0 && i%tc.gc == 0 {
						runtime.GC()
					}
					took := measure(t, doc, serve)
					if i >= warm {
						heap += took
						size += uint64(len(doc))
					}
				}
				return float64(heap) / float64(size)
			}
			h := NewSummarizer(DefaultMaxBody)
			pooled := run(h.ServeHTTP)
			// Presized: Reset keeps an arena's largest chunk of each kind, so
			// one of each big enough for the largest request stays.
			a := bump.WithCapacity(64 << 20)
			bump.MakeSlice[jsontree.Node](a, 1<<20, 1<<20)
			a.Reset()
			kept := run(func(w http.ResponseWriter, r *http.Request) {
				h.serveIn(a, w, r)
				a.Reset()
			})
			t.Logf("%s: per request, %.1f%% of the documents' size from the Go heap as served (pool %+v); %.2f%% with a presized arena kept across requests",
				tc.name, 100*pooled, h.pool.Stats(), 100*kept)
			if kept > 0.10 {
				t.Errorf("%s: with a presized arena kept across requests, a request took %.1f%% of the documents' size from the Go heap, want at most 10%%", tc.name, 100*kept)
			}
			if pooled > 0.10 {
				t.Errorf("%s: as served, a request took %.1f%% of the documents' size from the Go heap, want at most 10%%", tc.name, 100*pooled)
			}
		})
	}
}
