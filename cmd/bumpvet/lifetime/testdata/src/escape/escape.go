// Package escape has arena memory that outlives its arena, and the
// correct code next to it.
package escape

import (
	"strings"
	"sync"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

var pool bump.Pool

type job struct{ name string }

// The mistake issue 23 started from: a pooled job returns its report.
func (j *job) run() string {
	a := pool.Get()
	defer pool.Put(a)
	report := str.New(a)
	report.WriteString(j.name)
	report.WriteString(": done")
	return report.String() // want `report.String\(\) \(from str.New\(a\), line 22\) is returned, but the deferred pool.Put\(a\) \(deferred at line 21\) releases its arena when the function returns: return strings.Clone\(report.String\(\)\) instead, or let the caller pass the arena`
}

func (j *job) runFixed() string {
	a := pool.Get()
	defer pool.Put(a)
	report := str.New(a)
	report.WriteString(j.name)
	return strings.Clone(report.String())
}

func deferredReset(words []string) []string {
	var a bump.Bump
	defer a.Reset()
	v := vec.New[string](&a)
	for _, w := range words {
		v.Push(w)
	}
	return v.Slice() // want `v.Slice\(\) .* is returned, but the deferred a.Reset\(\) \(deferred at line \d+\) releases its arena when the function returns: return slices.Clone\(v.Slice\(\)\) instead`
}

func deferredLiteral() []byte {
	a := pool.Get()
	defer func() { pool.Put(a) }()
	return bump.Bytes(a, 8) // want `is returned, but the deferred pool.Put\(a\) \(deferred at line \d+\)`
}

func returnedClosure() func() string {
	a := pool.Get()
	defer pool.Put(a)
	name := bump.String(a, "n")
	return func() string { return name } // want `a func value holding memory of arena a is returned, but the deferred pool.Put\(a\)`
}

func returnsScalar() int {
	a := pool.Get()
	defer pool.Put(a)
	s := bump.MakeSlice[int](a, 10, 10)
	return len(s) + s[0]
}

// A function that does not release the arena may return its memory: the
// caller owns the arena.
func alloc(a *bump.Bump) string {
	return bump.String(a, "mine")
}

var (
	cache    []string
	lastLine string
	byName   = map[string]*job{}
	sink     string // written, never read: a benchmark's sink
	forever  bump.Bump
	root     *job
)

func Cached() int { return len(cache) + len(lastLine) + len(byName) }

func globals(name string) {
	a := pool.Get()
	defer pool.Put(a)
	s := bump.String(a, name)
	cache = append(cache, s)                // want `s .* is stored in package-level variable cache, which outlives its arena a: store strings.Clone\(s\) instead`
	lastLine = bump.String(a, "last")       // want `is stored in package-level variable lastLine`
	byName[name] = bump.Alloc(a, job{name}) // want `is stored in package-level map byName`
	cache = append(cache, strings.Clone(s))
	sink = s
}

// An arena that is never reset lives as long as the program.
func programLifetime() {
	root = bump.New[job](&forever)
}

func goroutine(done chan<- string) {
	a := pool.Get()
	defer pool.Put(a)
	s := bump.String(a, "work")
	go func() { // want `goroutine uses memory of arena a, but pool.Put\(a\) \(deferred at line \d+\) may release the arena while it runs: wait for the goroutine before the release \(sync.WaitGroup\), or pass it a copy`
		done <- strings.ToUpper(s)
	}()
}

func goroutineJoined(items []string) {
	a := pool.Get()
	defer pool.Put(a)
	var wg sync.WaitGroup
	for _, it := range items {
		s := bump.String(a, it)
		wg.Go(func() { _ = strings.ToUpper(s) })
	}
	wg.Wait()
}

func goroutineCopy(done chan<- string) {
	a := pool.Get()
	defer pool.Put(a)
	s := strings.Clone(bump.String(a, "work"))
	go func() { done <- s }()
}

func send(out chan<- []byte) {
	var a bump.Bump
	buf := bump.Bytes(&a, 64)
	out <- buf // want `buf .* is sent on a channel, but a.Reset\(\) at line \d+ may release its arena before the receiver is done with it: send bytes.Clone\(buf\) instead, or wait for the receiver before the release`
	a.Reset()
}

func sendAndWait(out chan<- []byte, ack <-chan struct{}) {
	var a bump.Bump
	buf := bump.Bytes(&a, 64)
	out <- buf
	<-ack
	a.Reset()
}

// Waiting for the goroutine's answer, or for the group, before the
// release is correct.
func goroutineAnswers(items []string) string {
	a := pool.Get()
	defer pool.Put(a)
	s := bump.String(a, items[0])
	ch := make(chan string)
	go func() { ch <- strings.Clone(s) }()
	return <-ch
}

func goroutineArgument(out chan<- int) {
	var a bump.Bump
	buf := bump.Bytes(&a, 8)
	go count(buf, out) // want `goroutine uses buf .*, but a.Reset\(\) at line \d+ may release the arena while it runs`
	a.Reset()
}

func count(b []byte, out chan<- int) { out <- len(b) }

// A generic helper returns its arena parameter's memory too.
func clone[T any](a *bump.Bump, v T) *T {
	return bump.Alloc(a, v)
}

func generic() *job {
	a := pool.Get()
	defer pool.Put(a)
	return clone(a, job{"x"}) // want `clone\(a, job{…}\) .* is returned, but the deferred pool.Put\(a\)`
}

type result struct {
	Name  string
	Count int
}

func returnsStruct(name string) (result, *result) {
	a := pool.Get()
	defer pool.Put(a)
	s := bump.String(a, name)
	r := result{Name: s, Count: 1}
	p := &result{Name: s}
	return r, p // want `r, which holds s \(from bump.String\(a, name\), line \d+\), is returned, but the deferred pool.Put\(a\) \(deferred at line \d+\) releases its arena when the function returns: return a copy holding strings.Clone\(s\) instead` `p, which holds s .*, is returned`
}

func returnsStructCopy(name string) result {
	a := pool.Get()
	defer pool.Put(a)
	s := bump.String(a, name)
	return result{Name: strings.Clone(s), Count: len(s)}
}

type server struct {
	last  string
	names []string
}

func (s *server) handle(name string, out []string) {
	a := pool.Get()
	defer pool.Put(a)
	greeting := bump.String(a, "hello, "+name)
	s.last = greeting                   // want `greeting .* is stored in s.last, which outlives the call, but pool.Put\(a\) \(deferred at line \d+\) releases its arena: store strings.Clone\(greeting\) instead`
	s.names = append(s.names, greeting) // want `greeting .* is stored in s.names, which outlives the call`
	out[0] = bump.String(a, name)       // want `is stored in out\[0\], which outlives the call`
	s.last = strings.Clone(greeting)
}

// Storing before a reset that comes first, or into memory of the arena
// itself, is fine.
func (s *server) refill(a *bump.Bump, n *result) {
	a.Reset()
	s.last = bump.String(a, "fresh")
	cp := a.Checkpoint()
	n.Name = bump.String(a, "scratch")
	if err := a.ResetTo(cp); err != nil {
		panic(err)
	}
}
