package main

import (
	"fmt"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/str"
)

var pool bump.Pool

type Job struct {
	Name  string
	Words []string
}

// Run counts the job's words in a pooled arena and returns a report.
func (j Job) Run() string {
	a := pool.Get()
	defer pool.Put(a)

	counts := hashmap.New[string, int](a)
	for _, w := range j.Words {
		p, _ := counts.Entry(strings.ToLower(w))
		*p++
	}
	out := str.New(a)
	fmt.Fprintf(out, "%s: %d distinct words", j.Name, counts.Len())
	return out.String()
}

var lastKeys []string

// keys returns arena strings too, but read back from the map: bumpvet
// does not follow memory through memory (docs/usage.md, section 9), so
// this is not reported; the checked build (-tags bumpdebug) catches the
// stale read when a test runs it.
func keys(j Job) []string {
	a := pool.Get()
	m := hashmap.New[string, int](a)
	for _, w := range j.Words {
		m.Set(bump.String(a, w), 1)
	}
	var ks []string
	for k := range m.Keys() {
		ks = append(ks, k)
	}
	pool.Put(a)
	lastKeys = ks
	return ks
}

func main() {
	j := Job{Name: "job1", Words: strings.Fields("a b a c")}
	fmt.Println(j.Run())
	fmt.Println(keys(j), len(lastKeys))
}
