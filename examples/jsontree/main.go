// Command jsontree decodes a JSON document into a tree allocated in a bump
// arena and prints statistics about it: the real-data workload of
// bumpkit's benchmark, as a program.
//
// Usage:
//
//	go run ./examples/jsontree [-input FILE]
//
// The input may be plain or gzipped JSON; the default is the Node.js API
// reference in testdata/. The whole tree (every node, children slice and
// string) lives in one bump.Bump and is freed at once when the program is
// done with it.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"time"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
)

func main() {
	input := flag.String("input", "testdata/node-api.json.gz", "JSON `file` to decode (plain or gzipped)")
	flag.Parse()
	log.SetFlags(0)

	data, err := jsontree.ReadFile(*input)
	if err != nil {
		log.Fatal(err)
	}
	var arena bump.Bump
	start := time.Now()
	root, err := jsontree.Decode(&arena, data)
	if err != nil {
		log.Fatalf("%s: %v", *input, err)
	}
	elapsed := time.Since(start)
	printStats(os.Stdout, &root)
	fmt.Printf("decoded %d bytes in %v into %.1f MiB of arena\n",
		len(data), elapsed.Round(time.Microsecond), float64(arena.AllocatedBytes())/(1<<20))
	arena.Reset() // the whole tree is gone; root must not be used any more
}

// stats summarises a jsontree.
type stats struct {
	kinds       [jsontree.Object + 1]int
	maxDepth    int
	stringBytes int
	longest     int
}

func (s *stats) add(n *jsontree.Node, depth int) {
	s.kinds[n.Kind]++
	s.maxDepth = max(s.maxDepth, depth)
	s.stringBytes += len(n.Key) + len(n.Str)
	s.longest = max(s.longest, len(n.Str))
	for i := range n.Children {
		s.add(&n.Children[i], depth+1)
	}
}

// countMethods returns the number of method descriptions under n: the
// elements of every "methods" array.
func countMethods(n *jsontree.Node) int {
	count := 0
	for m := range n.All() {
		if m.Kind == jsontree.Array && m.Key == "methods" {
			count += len(m.Children)
		}
	}
	return count
}

// printStats writes statistics of the document rooted at root to w.
func printStats(w io.Writer, root *jsontree.Node) {
	var s stats
	s.add(root, 0)
	total := 0
	for _, c := range s.kinds {
		total += c
	}
	fmt.Fprintf(w, "values: %d (", total)
	for k, c := range s.kinds {
		if k > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%d %v", c, jsontree.Kind(k))
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintf(w, "max depth: %d\n", s.maxDepth)
	fmt.Fprintf(w, "string bytes: %d (longest %d)\n", s.stringBytes, s.longest)

	modules := root.Get("modules")
	if modules == nil || modules.Kind != jsontree.Array {
		return
	}
	type module struct {
		name    string
		methods int
	}
	var ms []module
	for i := range modules.Children {
		m := &modules.Children[i]
		name := "?"
		if n := m.Get("name"); n != nil && n.Kind == jsontree.String {
			name = n.Str
		}
		ms = append(ms, module{name, countMethods(m)})
	}
	slices.SortStableFunc(ms, func(a, b module) int { return cmp.Compare(b.methods, a.methods) })
	fmt.Fprintf(w, "modules: %d; most methods:\n", len(ms))
	for _, m := range ms[:min(5, len(ms))] {
		fmt.Fprintf(w, "  %-16s %4d\n", m.name, m.methods)
	}
}
