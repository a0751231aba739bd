package workload

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
)

// JSONDoc is the document of the JSON decoding benchmarks (bumpjson's and
// bench/'s peers): about 1 MB of nested structs, with the strings,
// numbers, slices and pointers of a typical API payload.
type JSONDoc struct {
	Generated string     `json:"generated"`
	Items     []JSONItem `json:"items"`
}

// JSONItem is part of a JSONDoc.
type JSONItem struct {
	ID       int64        `json:"id"`
	Name     string       `json:"name"`
	Email    string       `json:"email"`
	Score    float64      `json:"score"`
	Active   bool         `json:"active"`
	Tags     []string     `json:"tags"`
	Address  JSONAddress  `json:"address"`
	Friends  []JSONFriend `json:"friends"`
	Profile  *JSONProfile `json:"profile"`
	Balance  json.Number  `json:"balance"`
	Note     string       `json:"note,omitempty"`
	Ratings  []float64    `json:"ratings"`
	Verified *bool        `json:"verified"`
}

// JSONAddress is part of a JSONDoc.
type JSONAddress struct {
	Street string  `json:"street"`
	City   string  `json:"city"`
	Zip    string  `json:"zip"`
	Lat    float64 `json:"lat"`
	Lon    float64 `json:"lon"`
}

// JSONFriend is part of a JSONDoc.
type JSONFriend struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// JSONProfile is part of a JSONDoc.
type JSONProfile struct {
	Bio   string   `json:"bio"`
	Langs []string `json:"langs"`
	Stats [4]int   `json:"stats"`
}

// JSONDocument returns the benchmark document, the encoding of a JSONDoc
// made from a fixed seed: the same bytes in every run.
var JSONDocument = sync.OnceValue(func() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima", "mike", "\u00e9t\u00e9", "quote\"d", "tab\there"}
	word := func() string { return words[r.IntN(len(words))] }
	var doc JSONDoc
	doc.Generated = "2026-12-06T08:00:00Z"
	size := 0
	for i := 0; size < 1<<20; i++ {
		v := r.IntN(2) == 0
		it := JSONItem{
			ID: int64(i) * 7919, Name: word() + " " + word(), Email: fmt.Sprintf("%s.%d@example.com", word(), i),
			Score: r.Float64() * 100, Active: r.IntN(2) == 0,
			Address:  JSONAddress{Street: fmt.Sprintf("%d %s Street", r.IntN(999), word()), City: word(), Zip: fmt.Sprintf("%05d", r.IntN(99999)), Lat: r.Float64()*180 - 90, Lon: r.Float64()*360 - 180},
			Balance:  json.Number(fmt.Sprintf("%d.%02d", r.IntN(100000), r.IntN(100))),
			Verified: &v,
		}
		for range r.IntN(5) + 1 {
			it.Tags = append(it.Tags, word())
		}
		for range r.IntN(4) {
			it.Friends = append(it.Friends, JSONFriend{ID: r.IntN(1e6), Name: word()})
		}
		for range r.IntN(6) {
			it.Ratings = append(it.Ratings, float64(r.IntN(50))/10)
		}
		if r.IntN(3) > 0 {
			it.Profile = &JSONProfile{Bio: word() + " " + word() + " " + word(), Langs: []string{word(), word()}, Stats: [4]int{r.IntN(100), r.IntN(1000), r.IntN(10), i}}
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
