package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

type summary struct {
	Kinds        map[string]int `json:"kinds"`
	Depth        int            `json:"depth"`
	DistinctKeys int            `json:"distinctKeys"`
	TopKeys      []struct {
		Key   string `json:"key"`
		Count int    `json:"count"`
	} `json:"topKeys"`
}

func post(h http.Handler, body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/summarize", strings.NewReader(body)))
	return rec
}

// Example posts a document to the handler, with httptest instead of a
// network.
func Example() {
	h := NewSummarizer(1 << 20)
	rec := post(h, `{"name": "bumpkit", "tags": [{"name": "arena"}, {"name": "go"}], "stars": 42}`)
	fmt.Print(rec.Code, " ", rec.Body.String())
	// Output:
	// 200 {"kinds":{"null":0,"false":0,"true":0,"number":1,"string":3,"array":1,"object":3},"depth":3,"distinctKeys":3,"topKeys":[{"key":"name","count":3},{"key":"stars","count":1},{"key":"tags","count":1}]}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantDepth int
		wantTop   string
		wantCount int
	}{
		{"scalar", `17`, 0, "", 0},
		{"empty object", `{}`, 0, "", 0},
		{"nested", `{"a": {"a": {"b": [1, 2, {"a": null}]}}}`, 5, "a", 3},
		{"escaped key", `{"q\"uote\n": 1, "q\"uote\n": 2}`, 1, "q\"uote\n", 2},
	}
	h := NewSummarizer(1 << 20)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := post(h, tt.body)
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			var s summary
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &s))
			require.Equal(t, tt.wantDepth, s.Depth)
			if tt.wantTop == "" {
				require.Empty(t, s.TopKeys)
				return
			}
			require.Equal(t, tt.wantTop, s.TopKeys[0].Key)
			require.Equal(t, tt.wantCount, s.TopKeys[0].Count)
		})
	}
}

func TestSummarizeErrors(t *testing.T) {
	h := NewSummarizer(64)

	rec := post(h, `{"unterminated": `)
	require.Equal(t, http.StatusBadRequest, rec.Code)
	require.Contains(t, rec.Body.String(), "invalid JSON")

	rec = post(h, `["`+strings.Repeat("x", 100)+`"]`)
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/summarize", nil))
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	require.Equal(t, http.MethodPost, rec.Header().Get("Allow"))
}

// TestSummarizeNodeAPI posts the real 7 MB document and checks the
// summary against encoding/json's view of it.
func TestSummarizeNodeAPI(t *testing.T) {
	data := readNodeAPI(t)
	rec := post(NewSummarizer(DefaultMaxBody), string(data))
	require.Equal(t, http.StatusOK, rec.Code)
	var s summary
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &s))
	require.Equal(t, 15940, s.Kinds["object"])
	require.Equal(t, 47175, s.Kinds["string"])
	require.Len(t, s.TopKeys, topKeys)
	require.Equal(t, "textRaw", s.TopKeys[0].Key)
}

func readNodeAPI(t *testing.T) []byte {
	t.Helper()
	data, err := jsontree.ReadFile(filepath.Join("..", "..", "testdata", "node-api.json.gz"))
	require.NoError(t, err)
	return data
}

// TestSummarizeConcurrent serves many requests at once: each must see
// only its own arena (run with -race).
func TestSummarizeConcurrent(t *testing.T) {
	h := NewSummarizer(1 << 20)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				key := fmt.Sprintf("k%d_%d", g, i)
				body := fmt.Sprintf(`[{%q: 1}, {%q: 2}, {"other": 3}]`, key, key)
				rec := post(h, body)
				var s summary
				if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil || len(s.TopKeys) == 0 ||
					s.TopKeys[0].Key != key || s.TopKeys[0].Count != 2 {
					errs <- fmt.Sprintf("request %s: got %s", key, rec.Body.String())
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		require.Fail(t, e)
	}
}

func TestWriteJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `q"b\`, "tab\tnl\n\x01", "héllo 世界", "bad \xff utf8"} {
		var a bump.Bump
		w := str.New(&a)
		writeJSONString(w, s)
		var got string
		require.NoError(t, json.Unmarshal([]byte(w.String()), &got), w.String())
		require.Equal(t, strings.ToValidUTF8(s, "\uFFFD"), got)
	}
}

// BenchmarkSummarize measures a request end to end: with the pool, the
// handler allocates little beyond what net/http's recorder needs.
func BenchmarkSummarize(b *testing.B) {
	body := `{"name": "bumpkit", "tags": [{"name": "arena"}, {"name": "go"}], "stars": 42}`
	h := NewSummarizer(1 << 20)
	b.ReportAllocs()
	for b.Loop() {
		rec := post(h, body)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body.String())
		}
	}
}
