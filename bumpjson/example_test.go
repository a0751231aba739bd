package bumpjson_test

import (
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
