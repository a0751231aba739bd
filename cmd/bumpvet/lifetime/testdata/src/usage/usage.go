// Package usage holds the programs of docs/usage.md, completed so that
// they compile: correct code, on which the checker must report nothing.
package usage

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

type point struct{ X, Y float64 }

// Section 2.
func firstAllocation(input string) {
	var a bump.Bump

	p := bump.New[point](&a)
	q := bump.Alloc(&a, point{1, 2})
	s := bump.MakeSlice[int](&a, 0, 64)
	name := bump.String(&a, input)
	buf := bump.Bytes(&a, 4096)
	fmt.Println(p, q, s, name, len(buf))

	a.Reset()
}

type token struct{ text string }

type node struct {
	Tok  token
	Kids []*node
}

func handles(tokens []token) *node {
	var a bump.Bump
	parent := &node{}
	nodes := bump.Of[node](&a)
	for _, t := range tokens {
		n := nodes.Alloc(node{Tok: t})
		parent.Kids = bump.Append(&a, parent.Kids, n)
	}
	return parent
}

// Section 3.
func rounds(requests <-chan string) {
	var a bump.Bump
	for req := range requests {
		handle(&a, req)
		a.Reset()
	}
}

func handle(a *bump.Bump, req string) {
	fmt.Println(bump.String(a, req))
}

func scratch(a *bump.Bump, use func([]byte)) {
	cp := a.Checkpoint()
	scratch := bump.MakeSlice[byte](a, 0, 1<<16)
	use(scratch)
	if err := a.ResetTo(cp); err != nil {
		if errors.Is(err, bump.ErrStaleCheckpoint) {
			panic(err)
		}
	}
}

// Section 4.
func containers() {
	var a bump.Bump

	v := vec.New[string](&a)
	v.Push("x")
	v.AppendSlice([]string{"y", "z"})
	for i, s := range v.All() {
		fmt.Println(i, s)
	}
	items := v.Slice()
	owned := v.IntoSlice()
	fmt.Println(items)

	s := str.New(&a)
	s.WriteString("hello, ")
	str.Fprintf(s, "%s #%d", "arena", 1)
	s.AppendInt(42, 10)
	msg := s.String()
	line := str.Sprintf(&a, "%d items", len(owned))
	fmt.Println(msg, line)

	m := hashmap.New[string, int](&a)
	m.Set("k", 1)
	n, ok := m.Get("k")
	p, _ := m.Entry("hits")
	*p++
	for k, v := range m.All() {
		fmt.Println(k, v, n, ok)
	}

	q := deque.New[int](&a)
	q.PushBack(1)
	q.PushFront(0)
	x, ok := q.PopFront()
	fmt.Println(x, ok)

	a.Reset()
}

func box(a *bump.Bump, name string, use func(*os.File)) {
	f, _ := os.Open(name)
	b := boxed.New[*os.File](a, f)
	use(b.Value())
	a.Reset()
}

// Section 5.
var pool = bump.Pool{MaxRetained: 8 << 20}

type item struct{ name string }

func handler(w http.ResponseWriter, r *http.Request) {
	a := pool.Get()
	defer pool.Put(a)

	items := vec.New[item](a)
	items.Push(item{r.URL.Path})
	out := str.New(a)
	for _, it := range items.All() {
		out.WriteString(it.name)
	}
	w.Write(out.Bytes())
}

// Section 11.
type Request struct{ Name string }

type Response struct{ Greeting string }

func jsonHandler(w http.ResponseWriter, body []byte) error {
	a := pool.Get()
	defer pool.Put(a)
	var req Request
	if err := bumpjson.Unmarshal(a, body, &req); err != nil {
		return err
	}
	resp := Response{Greeting: "hello, " + req.Name}
	out, err := bumpjson.Append(a, nil, &resp)
	if err != nil {
		return err
	}
	_, err = w.Write(out) // copied out before Put
	return err
}

// Section 6.
type big struct{ buf [1 << 10]byte }

func limits() error {
	var a bump.Bump
	a.SetAllocationLimit(1 << 20)
	p, err := bump.TryNew[big](&a)
	if errors.Is(err, bump.ErrAllocationLimit) {
		return err
	}
	p.buf[0] = 1
	return nil
}

// Section 7, pitfall 1: the fix.
func pitfall1() string {
	var a bump.Bump
	s := str.New(&a)
	s.WriteString("result")
	result := strings.Clone(s.String())
	a.Reset()
	return result
}
