package bumpjson_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

func ExampleUnmarshal() {
	type Order struct {
		ID    int               `json:"id"`
		Items []string          `json:"items"`
		Note  *string           `json:"note"`
		Meta  map[string]string `json:"meta"` // a Go map: on the Go heap
	}
	arena := new(bump.Bump)
	body := []byte(`{"id": 7, "items": ["tea", "scones"], "note": "by noon", "meta": {"via": "api"}}`)

	var o Order
	if err := bumpjson.Unmarshal(arena, body, &o); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o.ID, o.Items, *o.Note, o.Meta["via"])
	arena.Reset() // o's strings, slice and note are released here
	// Output: 7 [tea scones] by noon api
}

func ExampleDecoder() {
	arena := new(bump.Bump)
	dec := bumpjson.NewDecoder(arena, strings.NewReader(`{"n": 1} {"n": 2} {"n": 3}`))
	for {
		var v struct{ N int }
		if err := dec.Decode(&v); err != nil {
			break
		}
		fmt.Println(v.N)
		arena.Reset()
	}
	// Output:
	// 1
	// 2
	// 3
}

func ExampleDecoder_Token() {
	arena := new(bump.Bump)
	dec := bumpjson.NewDecoder(arena, strings.NewReader(`[{"name": "a"}, {"name": "b"}]`))
	if _, err := dec.Token(); err != nil { // [
		fmt.Println(err)
		return
	}
	for dec.More() {
		var v struct{ Name string }
		if err := dec.Decode(&v); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(v.Name)
	}
	// Output:
	// a
	// b
}

// A request decoded, worked on and answered from one arena.
func ExampleAppend() {
	type Request struct {
		Words []string `json:"words"`
	}
	type Response struct {
		Count   int    `json:"count"`
		Longest string `json:"longest"`
	}
	arena := new(bump.Bump)
	var req Request
	if err := bumpjson.Unmarshal(arena, []byte(`{"words": ["arena", "bump", "allocation"]}`), &req); err != nil {
		fmt.Println(err)
		return
	}
	var resp Response
	for _, w := range req.Words {
		resp.Count++
		if len(w) > len(resp.Longest) {
			resp.Longest = w
		}
	}
	out, err := bumpjson.Append(arena, nil, &resp)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out)) // write out before the arena is reset
	arena.Reset()
	// Output: {"count":3,"longest":"allocation"}
}

// A Histogram counts values in buckets of Width: 0 to Width-1, Width to
// 2*Width-1, and so on.
type Histogram struct {
	Width  int
	Counts [4]int
}

// AppendJSON encodes h as the object of its non-empty buckets, named by
// their lower bound, in ascending order: {"0":2,"20":1}. The members go
// straight to the output, with no map or slice made for them.
func (h *Histogram) AppendJSON(e *bumpjson.EncodeState) error {
	obj := bumpjson.BeginObject[int, int](e)
	for i, n := range h.Counts {
		if n > 0 {
			obj.Add(i*h.Width, n)
		}
	}
	return obj.End()
}

// MarshalJSON encodes h as AppendJSON does, for encoding/json.
func (h *Histogram) MarshalJSON() ([]byte, error) {
	return bumpjson.MarshalAppender(h)
}

// A type of the user's own that encodes straight to the output: bumpjson
// calls its AppendJSON, encoding/json its MarshalJSON, with the same
// result.
func ExampleAppender() {
	h := &Histogram{Width: 10}
	for _, v := range []int{3, 7, 25, 31, 12, 1} {
		h.Counts[v/h.Width]++
	}
	arena := new(bump.Bump)
	out, err := bumpjson.Append(arena, nil, map[string]any{"latency": h})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	std, _ := json.Marshal(map[string]any{"latency": h})
	fmt.Println(string(std))
	// Output:
	// {"latency":{"0":3,"10":1,"20":1,"30":1}}
	// {"latency":{"0":3,"10":1,"20":1,"30":1}}
}
