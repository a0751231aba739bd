package main

import (
	"os"
	"path/filepath"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
)

// Example decodes the Node.js API reference into an arena and prints the
// statistics the command prints.
func Example() {
	data, err := jsontree.ReadFile(filepath.Join("..", "..", "testdata", "node-api.json.gz"))
	if err != nil {
		panic(err)
	}
	var arena bump.Bump
	defer arena.Reset()
	root, err := jsontree.Decode(&arena, data)
	if err != nil {
		panic(err)
	}
	printStats(os.Stdout, &root)
	// Output:
	// values: 74999 (0 null, 0 false, 0 true, 549 number, 47175 string, 11335 array, 15940 object)
	// max depth: 19
	// string bytes: 4691692 (longest 19622)
	// modules: 48; most methods:
	//   fs                180
	//   crypto            100
	//   util               92
	//   stream             89
	//   buffer             73
}
