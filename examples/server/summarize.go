package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

// DefaultMaxBody is the largest request body a Summarizer made by main
// accepts.
const DefaultMaxBody = 16 << 20

// topKeys is how many of the most frequent keys a summary lists.
const topKeys = 5

// A Summarizer is the http.Handler of /summarize. It is safe for
// concurrent use: each request gets its own arena from the pool.
type Summarizer struct {
	maxBody int64
	pool    bump.Pool
}

// NewSummarizer returns a Summarizer accepting bodies of up to maxBody
// bytes. Its pool needs no cap: a bump.Pool keeps what its recent
// requests needed, whatever their sizes, and trims the rest.
func NewSummarizer(maxBody int64) *Summarizer {
	return &Summarizer{maxBody: maxBody}
}

func (s *Summarizer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	serveInArena(&s.pool, w, r, s.serveIn)
}

// serveIn handles a POST request with everything allocated in a.
func (s *Summarizer) serveIn(a *bump.Bump, w http.ResponseWriter, r *http.Request) {
	body, ok := readRequest(a, w, r, s.maxBody)
	if !ok {
		return
	}
	root, err := jsontree.Decode(a, body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp := summarize(a, &root)
	writeJSON(w, resp.Bytes())
}

// serveInArena answers a POST request with serve, which allocates
// everything in an arena from pool: the arena goes back to the pool, and
// all of it is released, when serve returns, so nothing allocated in it
// may be used after that (the response is written, copied out, before).
// Other methods get 405.
func serveInArena(pool *bump.Pool, w http.ResponseWriter, r *http.Request, serve func(*bump.Bump, http.ResponseWriter, *http.Request)) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "use POST", http.StatusMethodNotAllowed)
		return
	}
	a := pool.Get()
	defer pool.Put(a)
	serve(a, w, r)
}

// readRequest reads r's body, of at most maxBody bytes, into a. When it
// cannot, it answers 413 or 400 and reports false.
func readRequest(a *bump.Bump, w http.ResponseWriter, r *http.Request, maxBody int64) ([]byte, bool) {
	body, err := readBody(a, http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, err.Error(), http.StatusBadRequest)
		return nil, false
	}
	return body, true
}

// writeJSON writes the JSON response body.
func writeJSON(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// readBody reads r into arena storage, growing it as bumpkit's str.String
// does; the copy buffer comes from the arena too.
func readBody(a *bump.Bump, r io.Reader) ([]byte, error) {
	body := str.New(a)
	buf := bump.Bytes(a, 32<<10)
	if _, err := io.CopyBuffer(body, onlyReader{r}, buf); err != nil {
		return nil, err
	}
	return body.Bytes(), nil
}

// onlyReader hides any WriterTo of the request body, so that CopyBuffer
// uses the arena buffer.
type onlyReader struct{ io.Reader }

type keyCount struct {
	key   string
	count int
}

// summarize builds the JSON response for the tree at root in a.
func summarize(a *bump.Bump, root *jsontree.Node) *str.String {
	var kinds [jsontree.Object + 1]int
	depth := 0
	keys := hashmap.New[string, int](a)
	var visit func(n *jsontree.Node, d int)
	visit = func(n *jsontree.Node, d int) {
		kinds[n.Kind]++
		depth = max(depth, d)
		for i := range n.Children {
			c := &n.Children[i]
			if n.Kind == jsontree.Object {
				p, _ := keys.Entry(c.Key)
				*p++
			}
			visit(c, d+1)
		}
	}
	visit(root, 0)

	top := vec.WithCapacity[keyCount](a, keys.Len())
	for k, n := range keys.All() {
		top.Push(keyCount{k, n})
	}
	ranked := top.Slice()
	slices.SortFunc(ranked, func(x, y keyCount) int {
		return cmp.Or(cmp.Compare(y.count, x.count), cmp.Compare(x.key, y.key))
	})

	out := str.New(a)
	out.WriteString(`{"kinds":{`)
	for k, n := range kinds {
		if k > 0 {
			out.WriteByte(',')
		}
		fmt.Fprintf(out, "%q:%d", jsontree.Kind(k), n)
	}
	fmt.Fprintf(out, `},"depth":%d,"distinctKeys":%d,"topKeys":[`, depth, keys.Len())
	for i, kc := range ranked[:min(topKeys, len(ranked))] {
		if i > 0 {
			out.WriteByte(',')
		}
		out.WriteString(`{"key":`)
		writeJSONString(out, kc.key)
		fmt.Fprintf(out, `,"count":%d}`, kc.count)
	}
	out.WriteString("]}\n")
	return out
}

// writeJSONString writes s as a JSON string literal.
func writeJSONString(w *str.String, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			w.WriteByte('\\')
			w.WriteByte(c)
		case c < 0x20:
			w.WriteString(`\u00`)
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&0xf])
		case c < utf8.RuneSelf:
			w.WriteByte(c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			w.WriteRune(r) // invalid UTF-8 becomes U+FFFD
			i += size
			continue
		}
		i++
	}
	w.WriteByte('"')
}
