package bumpjson_test

import (
	"bytes"
	"encoding/json"
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
	"github.com/bumpkit/bumpkit/str"
)

// encodeValues are values to encode beside those the decoding corpus
// produces: the edge cases of encoding/json's encoder.
var encodeValues = []any{
	nil, true, 0, -1, int64(math.MaxInt64), uint64(math.MaxUint64), 1.5, 1e21, 1e-7, 123456789.0, float32(1e21), float32(0.1), math.Copysign(0, -1),
	"", "plain", "<html> & 'quotes' \"", "\u2028\u2029", "bad \xff utf8", "\x00\x1f", "é世界",
	[]byte(nil), []byte{}, []byte("bytes"), [3]int{1, 2, 3}, []string(nil), []any{1, "x", nil},
	map[string]int{"b": 2, "a": 1, "<": 0}, map[int]string{10: "x", -1: "y", 2: "z"}, map[string]any{},
	map[tText]int{}, time.Date(2021, 1, 2, 3, 4, 5, 6, time.UTC), json.Number("12.5"), json.RawMessage(`{ "a" : [1, 2] }`),
	struct {
		A int    `json:"a,omitempty"`
		B string `json:"b,string"`
		C *int   `json:",omitzero"`
		D any    `json:"-"`
		E []int  `json:"e,omitempty"`
		F string `json:",omitempty"`
	}{B: "q"},
	&tT{X: "x", Y: 2, Z: 3}, tTop{Level0: 1, TEmbed0a: &TEmbed0a{Level1a: 2}},
}

func appendBoth(t *testing.T, v any) {
	t.Helper()
	want, wantErr := json.Marshal(v)
	for _, arena := range []bool{false, true} {
		var a bump.Allocator
		if arena {
			a = new(bump.Bump)
		}
		prefix := []byte("prefix:")
		got, err := bumpjson.Append(a, prefix, v)
		if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("%#v: Append error %v, json.Marshal %v", v, err, wantErr)
			continue
		}
		if err != nil {
			if !bytes.Equal(got, prefix) {
				t.Errorf("%#v: failed Append changed dst to %q", v, got)
			}
			continue
		}
		if !bytes.Equal(got[len(prefix):], want) || !bytes.Equal(got[:len(prefix)], prefix) {
			t.Errorf("%#v (arena %v):\nAppend:       %q\njson.Marshal: %q", v, arena, got[len(prefix):], want)
		}
		s := str.New(a)
		if err := bumpjson.Encode(s, v); err != nil || s.String() != string(want) {
			t.Errorf("%#v: Encode to a str.String gave %q, %v; json.Marshal %q", v, s.String(), err, want)
		}
	}
}

// TestAppendDifferential encodes the edge cases above and every value the
// decoding corpus produces, and compares with json.Marshal byte for byte.
func TestAppendDifferential(t *testing.T) {
	for _, v := range encodeValues {
		appendBoth(t, v)
	}
	appendBoth(t, map[string]any{"ch": make(chan int)}) // an error
	appendBoth(t, math.Inf(1))
	for _, tg := range targets {
		for _, in := range inputs {
			v := tg.make()
			if json.Unmarshal([]byte(in), v) == nil {
				appendBoth(t, v)
			}
		}
	}
	var doc any
	if err := json.Unmarshal(realDocument(t), &doc); err != nil {
		t.Fatal(err)
	}
	appendBoth(t, doc)
}

// TestAppendHeap checks that, once warm, appending a document's encoding
// to arena storage takes a small fraction of its size from the Go heap,
// where json.Marshal takes the whole output at least. The encoding runs
// in encoding/json's own pooled buffer, which garbage collections empty
// like any sync.Pool: the figure after collections is printed too.
func TestAppendHeap(t *testing.T) {
	var doc workload.JSONDoc
	if err := json.Unmarshal(workload.JSONDocument(), &doc); err != nil {
		t.Fatal(err)
	}
	a := new(bump.Bump)
	out, _ := json.Marshal(&doc)
	round := func() {
		if _, err := bumpjson.Append(a, nil, &doc); err != nil {
			t.Fatal(err)
		}
		a.Reset()
	}
	const rounds = 5
	measure := func(gc bool) float64 {
		var heap uint64
		for range rounds {
			if gc {
				runtime.GC()
				runtime.GC()
			}
			before := totalAlloc()
			round()
			heap += totalAlloc() - before
		}
		return float64(heap) / rounds / float64(len(out))
	}
	// Collections would empty the pools while the figure is measured, and
	// with several Ps a goroutine that moves to another P misses the
	// buffer its last call put back: measure on one P, collections off.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for range 3 {
		round()
	}
	warm := measure(false)
	afterGC := measure(true)
	t.Logf("Append of a %d-byte encoding into a warm arena: %.3f%% of its size from the Go heap; %.0f%% after two garbage collections emptied the pools",
		len(out), 100*warm, 100*afterGC)
	if lifecheck.Enabled || raceEnabled {
		return // the checked build quarantines released memory instead of reusing it
	}
	if warm > 0.05 {
		t.Errorf("Append took %.1f%% of the output's size from the Go heap, want at most 5%%", 100*warm)
	}
}
