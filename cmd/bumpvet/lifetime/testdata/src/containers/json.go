package containers

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

type request struct {
	Name  string
	Tags  []string
	Attrs map[string]string // maps stay on the Go heap
	Count int
}

func decoded(body []byte) {
	var a bump.Bump
	var req request
	if err := bumpjson.Unmarshal(&a, body, &req); err != nil {
		return
	}
	name := strings.Clone(req.Name)
	count := req.Count
	a.Reset()
	fmt.Println(req.Name)  // want `req.Name \(from bumpjson.Unmarshal\(&a, body, &req\), line 22\) is used after a.Reset\(\) at line 27 freed it: copy it before the reset \(strings.Clone\(req.Name\)\)`
	fmt.Println(req.Attrs) // a map: on the Go heap
	fmt.Println(name, count)
}

func decodedAgain(bodies [][]byte) {
	var a bump.Bump
	var req request
	for _, b := range bodies {
		if err := bumpjson.Unmarshal(&a, b, &req); err != nil {
			return
		}
		fmt.Println(req.Name, len(req.Tags))
		a.Reset()
	}
}

func streamed(body []byte) {
	var a bump.Bump
	dec := bumpjson.NewDecoder(&a, bytes.NewReader(body))
	var req request
	for dec.More() {
		if err := dec.Decode(&req); err != nil {
			return
		}
		fmt.Println(req.Tags)
	}
	a.Reset()
	fmt.Println(req.Tags) // want `req.Tags .* is used after a.Reset\(\)`
}

func encoded(req *request) {
	var a bump.Bump
	out, err := bumpjson.Append(&a, nil, req)
	if err != nil {
		return
	}
	keys, vals, _ := bumpjson.UnmarshalEntries[string, int](&a, out)
	a.Reset()
	fmt.Println(string(out)) // want `out .* is used after a.Reset\(\)`
	fmt.Println(keys, vals)  // want `keys .* is used after a.Reset\(\)` `vals .* is used after a.Reset\(\)`
}

func decodedOnTheHeap(body []byte) {
	var a bump.Bump
	var req request
	if err := bumpjson.Unmarshal(nil, body, &req); err != nil {
		return
	}
	a.Reset()
	fmt.Println(req.Name)
}
