// Bumpvet reports mistakes in the lifetimes of bumpkit arena memory:
// memory used after its arena's Reset, ResetTo or Pool.Put, and memory that
// outlives its arena (returned past a deferred release, stored in
// package-level variables, sent on channels or captured by goroutines while
// the arena is released).
//
// Run it on a module that uses bumpkit:
//
//	go run github.com/bumpkit/bumpkit/cmd/bumpvet@latest ./...
//
// or through go vet:
//
//	go install github.com/bumpkit/bumpkit/cmd/bumpvet@latest
//	go vet -vettool=$(which bumpvet) ./...
//
// It prints each finding as file:line:col: message and exits with status
// 3 when there are findings (1 for errors), like go vet. The analyzers it
// runs are in package lifetime, for use in other drivers.
package main

import (
	"github.com/bumpkit/bumpkit/cmd/bumpvet/lifetime"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() { multichecker.Main(lifetime.Analyzers...) }
