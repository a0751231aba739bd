package bumpjson_test

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
	"github.com/bumpkit/bumpkit/pqueue"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

// TestAppendDifferential encodes every value the decoding corpus decodes
// to, and the real document as encoding/json decodes it into any, and
// compares with json.Marshal and json.Encoder byte for byte.
func TestAppendDifferential(t *testing.T) {
	compareEncodings(t, map[string]any{"ch": make(chan int)}) // an error
	for _, tg := range targets {
		for _, in := range inputs {
			v := tg.make()
			if json.Unmarshal([]byte(in), v) == nil {
				compareEncodings(t, v)
			}
		}
	}
	var doc any
	if err := json.Unmarshal(realDocument(t), &doc); err != nil {
		t.Fatal(err)
	}
	compareEncodings(t, doc)
	var typed nodeDoc
	if err := json.Unmarshal(realDocument(t), &typed); err != nil {
		t.Fatal(err)
	}
	compareEncodings(t, &typed)
}

// encodeDocs returns the documents of the Go heap goal: the 1 MB document
// of the decoding benchmarks as its structs, node-api.json as
// encoding/json decodes it into any (Go maps of interfaces), and a
// document of bumpkit containers in the arena a.
func encodeDocs(t testing.TB, a *bump.Bump) []struct {
	name string
	v    any
} {
	var structs workload.JSONDoc
	if err := json.Unmarshal(workload.JSONDocument(), &structs); err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(realDocument(t), &tree); err != nil {
		t.Fatal(err)
	}
	return []struct {
		name string
		v    any
	}{
		{"structs (workload.JSONDoc)", &structs},
		{"any (node-api.json)", tree},
		{"containers in the arena", containersDoc(a, 4000)},
	}
}

// containersDoc returns a document of n records held in bumpkit
// containers in a.
func containersDoc(a *bump.Bump, n int) any {
	type record struct {
		ID     int                          `json:"id"`
		Name   *str.String                  `json:"name"`
		Tags   *vec.Vec[string]             `json:"tags"`
		Counts *hashmap.Map[string, int]    `json:"counts"`
		Seen   *hashmap.Set[int]            `json:"seen"`
		Order  *btree.Map[int, float64]     `json:"order"`
		Queue  *pqueue.Queue[int]           `json:"queue"`
		Recent *deque.Deque[time.Time]      `json:"recent"`
		Nested *vec.Vec[*vec.Vec[float64]]  `json:"nested"`
		Index  *hashmap.Map[int64, *string] `json:"index"`
	}
	recs := vec.New[record](a)
	base := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
	for i := range n {
		r := record{
			ID: i, Name: str.From(a, fmt.Sprintf("record <%d> \"é\"", i)),
			Tags: vec.From(a, []string{"alpha", "beta", fmt.Sprint(i % 7)}), Counts: hashmap.New[string, int](a),
			Seen: hashmap.NewSet[int](a), Order: btree.New[int, float64](a), Queue: pqueue.New[int](a),
			Recent: deque.New[time.Time](a), Nested: vec.New[*vec.Vec[float64]](a), Index: hashmap.New[int64, *string](a),
		}
		for j := range 4 {
			r.Counts.Set(fmt.Sprintf("k%d", (i+j)%9), j)
			r.Seen.Add(i * j)
			r.Order.Set(j*10-i%5, float64(j)/3)
			r.Queue.Push((i * 31 * (j + 1)) % 17)
			r.Recent.PushFront(base.Add(time.Duration(i*j) * time.Second))
			r.Nested.Push(vec.From(a, []float64{float64(j), 1e-9, 2.5e22}))
			s := fmt.Sprint(j)
			r.Index.Set(int64(j-2), &s)
		}
		recs.Push(r)
	}
	return recs
}

// TestEncodeHeap is issue 21's goal for encoding: once warm, appending a
// value's JSON to arena storage (a byte slice, or a str.String through an
// Encoder) takes at most 5% of the output's size from the Go heap, also
// with garbage collections between calls. It prints the figures beside
// json.Marshal's, measured in the same run.
func TestEncodeHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("encodes about 200 MB")
	}
	a := new(bump.Bump)
	docs := encodeDocs(t, a)
	for _, doc := range docs {
		out, err := json.Marshal(doc.v)
		if err != nil {
			t.Fatal(err)
		}
		size := float64(len(out))
		w := new(bump.Bump) // the output's arena, reset after each call
		encoders := []struct {
			name   string
			encode func()
		}{
			{"Append to a byte slice", func() {
				if _, err := bumpjson.Append(w, nil, doc.v); err != nil {
					t.Fatal(err)
				}
			}},
			{"Encoder to a str.String", func() {
				s := str.New(w)
				if err := bumpjson.NewEncoder(w, s).Encode(doc.v); err != nil {
					t.Fatal(err)
				}
			}},
			{"json.Marshal, for comparison", func() {
				if _, err := json.Marshal(doc.v); err != nil {
					t.Fatal(err)
				}
			}},
		}
		for _, enc := range encoders {
			for _, gcEvery := range []int{0, 1, 2} {
				const warm, rounds = 3, 6
				var heap uint64
				for i := range warm + rounds {
					if gcEvery > 0 && i%gcEvery == 0 {
						runtime.GC()
					}
					before := totalAlloc()
					enc.encode()
					w.Reset()
					if i >= warm {
						heap += totalAlloc() - before
					}
				}
				frac := float64(heap) / rounds / size
				gc := "no collections"
				if gcEvery > 0 {
					gc = fmt.Sprintf("a collection every %d calls", gcEvery)
				}
				t.Logf("%s, %s, %s: %.4f%% of the output's %d bytes from the Go heap per call", doc.name, enc.name, gc, 100*frac, len(out))
				if enc.name[0] == 'j' || lifecheck.Enabled || raceEnabled {
					continue // the checked build quarantines released memory instead of reusing it
				}
				if frac > 0.05 {
					t.Errorf("%s, %s, %s: %.2f%% of the output's size from the Go heap, want at most 5%%", doc.name, enc.name, gc, 100*frac)
				}
			}
		}
	}
}

// TestAppendAllocs checks that, once warm, Append and an Encoder writing
// to a str.String allocate nothing on the Go heap for values of every
// kind (structs, Go maps of every key kind, interfaces, times, numbers,
// RawMessage, the containers) but what the values' own MarshalJSON and
// MarshalText methods allocate: a method that returns a new []byte makes
// garbage that no encoder can avoid, and json.Marshal calls the same
// methods. Those allocations are measured by calling the methods the
// encoding calls, through the interface as the encoding does.
func TestAppendAllocs(t *testing.T) {
	if lifecheck.Enabled || raceEnabled {
		t.Skip("the checked build quarantines released memory; the race detector's sync.Pool drops items")
	}
	a := new(bump.Bump)
	w := new(bump.Bump)
	refVal := &encRefVal{R1: new(encRef), V1: new(encVal)}
	textKeys := hashmap.New[encKeyText, int](a)
	textKeys.Set(3, 3)
	textKeys.Set(1, 1)
	cases := []struct {
		v       any
		methods []any // the user's marshalers the encoding of v calls
	}{
		{v: encAllKindsValue()},
		{v: map[string]any{"a": []any{1.5, "x", nil, true, map[string]any{"b": json.Number("1")}}}},
		{v: map[int]float64{3: 1, -10: 2, 100: 3}},
		{v: map[uint8]string{1: "a", 200: "b"}},
		{v: map[encKeyText]int{1: 1, 20: 2}, methods: []any{encKeyText(1), encKeyText(20)}},
		{v: map[string]struct{ A, B, C int64 }{"x": {1, 2, 3}, "y": {}}},
		{v: map[string][]string{"k": {"v"}}},
		{v: &encStringTag{StrStr: "quoted \"string\"", NumberStr: "1.5"}, methods: []any{encValText(0)}},
		{v: []time.Time{time.Now(), {}}},
		{v: json.RawMessage(` { "raw" : [ 1 , 2 ] } `)},
		{v: optionalsZero()},
		{v: refVal, methods: []any{&refVal.R0, refVal.R1, &refVal.R2, refVal.V0, refVal.V1, refVal.V2}},
		{v: math.Pi},
		{v: "a string with <html> & \u2028 \xff"},
		{v: []byte("bytes")},
		{v: containersDoc(a, 10)},
		{v: textKeys, methods: []any{encKeyText(3), encKeyText(1)}},
		{v: array[any](1, "x", textKeys, object(true, kv[encKeyText, encC]{9, 0}), object(false, kv[string, []int]{"b", nil}, kv[string, []int]{"a", []int{1}})),
			methods: []any{encKeyText(3), encKeyText(1), encKeyText(9), encC(0)}},
	}
	for _, tc := range cases {
		appendTo := func() {
			if _, err := bumpjson.Append(w, nil, tc.v); err != nil {
				t.Fatal(err)
			}
			w.Reset()
		}
		encodeTo := func() {
			s := str.New(w)
			if err := bumpjson.NewEncoder(w, s).Encode(tc.v); err != nil {
				t.Fatal(err)
			}
			w.Reset()
		}
		methods := testing.AllocsPerRun(20, func() { callMarshalers(tc.methods) })
		for _, enc := range []struct {
			name string
			f    func()
		}{{"Append", appendTo}, {"Encoder.Encode", encodeTo}} {
			enc.f()
			n := testing.AllocsPerRun(20, enc.f)
			if n > methods {
				t.Errorf("%T: %.1f Go heap allocations per %s, %.1f of them by its marshalers", tc.v, n, enc.name, methods)
			} else if n > 0 {
				t.Logf("%T: %.1f Go heap allocations per %s, all by its marshalers", tc.v, n, enc.name)
			}
		}
	}
}

// marshaled keeps what callMarshalers' methods return, as an encoding
// does until it has copied it.
var marshaled []byte

// callMarshalers calls the MarshalJSON or MarshalText method of each of
// ms through the interface.
func callMarshalers(ms []any) {
	for _, m := range ms {
		switch m := m.(type) {
		case json.Marshaler:
			marshaled, _ = m.MarshalJSON()
		case encoding.TextMarshaler:
			marshaled, _ = m.MarshalText()
		}
	}
	marshaled = nil
}
