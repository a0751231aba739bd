package helpers // want package:"usesArenas"

// Package helpers returns arena memory to its callers, which learn it
// through facts.

import (
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
)

func Label(a *bump.Bump, name string) string { // want Label:`results\(0: alloc 0\)`
	return bump.String(a, "label:"+name)
}

func Head(s []byte) []byte { // want Head:`results\(0: view 0\)`
	return s[:1]
}

func Names(v *vec.Vec[string]) []string { // want Names:`results\(0: view 0\)`
	return v.Slice()
}

// Through another helper, and with an error.
func TryLabel(a *bump.Bump, name string) (string, error) { // want TryLabel:`results\(0: alloc 0; 1:\)`
	if name == "" {
		return "", nil
	}
	return Label(a, name), nil
}

// On any Allocator: the caller's arena, or the Go heap for nil.
func Items(a bump.Allocator) *vec.Vec[int] { // want Items:`results\(0: alloc 0\)`
	return vec.New[int](a)
}

type Node struct{ Name string }

type Parser struct {
	src   string
	arena *bump.Bump
}

func (p *Parser) Node(name string) *Node { // want Node:`results\(0: alloc 0.1\*\)`
	return bump.Alloc(p.arena, Node{Name: name})
}

func Done(pool *bump.Pool, a *bump.Bump) { // want Done:`releases\[1\]`
	pool.Put(a)
}

func (p *Parser) Reset() { // want Reset:`releases\[0.1\*\]`
	p.arena.Reset()
}

// Recovering calls f expecting it to panic.
func Recovering(f func()) { // want Recovering:`recovers\[0\]`
	defer func() { _ = recover() }()
	f()
}

// Copies carry nothing.
func Copy(a *bump.Bump, s string) string {
	return strings.Clone(bump.String(a, s))
}

func First(s []string) string {
	return s[0]
}
