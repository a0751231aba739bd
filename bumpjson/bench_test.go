package bumpjson_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

func nanotime() int64 { return time.Now().UnixNano() }

// The benchmark document: about 1 MB of nested structs, with the strings,
// numbers, slices and pointers of a typical API payload.
type benchDoc struct {
	Generated string      `json:"generated"`
	Items     []benchItem `json:"items"`
}

type benchItem struct {
	ID       int64         `json:"id"`
	Name     string        `json:"name"`
	Email    string        `json:"email"`
	Score    float64       `json:"score"`
	Active   bool          `json:"active"`
	Tags     []string      `json:"tags"`
	Address  benchAddress  `json:"address"`
	Friends  []benchFriend `json:"friends"`
	Profile  *benchProfile `json:"profile"`
	Balance  json.Number   `json:"balance"`
	Note     string        `json:"note,omitempty"`
	Ratings  []float64     `json:"ratings"`
	Verified *bool         `json:"verified"`
}

type benchAddress struct {
	Street string  `json:"street"`
	City   string  `json:"city"`
	Zip    string  `json:"zip"`
	Lat    float64 `json:"lat"`
	Lon    float64 `json:"lon"`
}

type benchFriend struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

type benchProfile struct {
	Bio   string   `json:"bio"`
	Langs []string `json:"langs"`
	Stats [4]int   `json:"stats"`
}

var benchDocument = sync.OnceValue(func() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima", "mike", "\u00e9t\u00e9", "quote\"d", "tab\there"}
	word := func() string { return words[r.IntN(len(words))] }
	var doc benchDoc
	doc.Generated = "2026-12-06T08:00:00Z"
	size := 0
	for i := 0; size < 1<<20; i++ {
		v := r.IntN(2) == 0
		it := benchItem{
			ID: int64(i) * 7919, Name: word() + " " + word(), Email: fmt.Sprintf("%s.%d@example.com", word(), i),
			Score: r.Float64() * 100, Active: r.IntN(2) == 0,
			Address:  benchAddress{Street: fmt.Sprintf("%d %s Street", r.IntN(999), word()), City: word(), Zip: fmt.Sprintf("%05d", r.IntN(99999)), Lat: r.Float64()*180 - 90, Lon: r.Float64()*360 - 180},
			Balance:  json.Number(fmt.Sprintf("%d.%02d", r.IntN(100000), r.IntN(100))),
			Verified: &v,
		}
		for range r.IntN(5) + 1 {
			it.Tags = append(it.Tags, word())
		}
		for range r.IntN(4) {
			it.Friends = append(it.Friends, benchFriend{ID: r.IntN(1e6), Name: word()})
		}
		for range r.IntN(6) {
			it.Ratings = append(it.Ratings, float64(r.IntN(50))/10)
		}
		if r.IntN(3) > 0 {
			it.Profile = &benchProfile{Bio: word() + " " + word() + " " + word(), Langs: []string{word(), word()}, Stats: [4]int{r.IntN(100), r.IntN(1000), r.IntN(10), i}}
		}
		doc.Items = append(doc.Items, it)
		size += 400
		if i%64 == 0 {
			b, _ := json.Marshal(doc)
			size = len(b)
		}
	}
	b, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return b
})

// decodeStd and decodeArena are the benchmark bodies, kept out of line so
// that the compiler cannot keep the results on the benchmark's stack.
//
//go:noinline
func decodeStd(data []byte) error {
	var doc benchDoc
	return json.Unmarshal(data, &doc)
}

//go:noinline
func decodeArena(a bump.Allocator, data []byte) error {
	var doc benchDoc
	return bumpjson.Unmarshal(a, data, &doc)
}

// BenchmarkUnmarshal decodes the 1 MB document: with encoding/json into
// the Go heap, with bumpjson into the Go heap (nil allocator), and with
// bumpjson into an arena reset after each decoding. heap-B/doc-B is the
// Go heap taken per byte of document.
func BenchmarkUnmarshal(b *testing.B) {
	data := benchDocument()
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
	data := benchDocument()
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

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

// TestArenaHeapFraction checks the memory goal: once the arena is warm,
// decoding the 1 MB document takes at most 5% of its size from the Go
// heap. It prints the figure.
func TestArenaHeapFraction(t *testing.T) {
	data := benchDocument()
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
	if lifecheck.Enabled {
		return // the checked build quarantines released memory instead of reusing it
	}
	if frac > 0.05 {
		t.Errorf("bumpjson into a warm arena took %.2f%% of the document's size from the Go heap, want at most 5%%", 100*frac)
	}
}
