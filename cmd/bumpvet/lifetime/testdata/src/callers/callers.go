// Package callers uses arena memory that helpers, in this package and
// another, returned.
package callers

import (
	"fmt"

	"example.com/t/helpers"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
)

var pool bump.Pool

func crossPackage() {
	var a bump.Bump
	l := helpers.Label(&a, "x")
	t, _ := helpers.TryLabel(&a, "y")
	v := vec.New[string](&a)
	names := helpers.Names(v)
	head := helpers.Head(bump.Bytes(&a, 4))
	items := helpers.Items(&a)
	heap := helpers.Items(nil)
	c := helpers.Copy(&a, "z")
	a.Reset()
	fmt.Println(l)           // want `l \(from helpers.Label\(&a, "x"\), line 17\) is used after a.Reset\(\) at line 25 freed it`
	fmt.Println(t)           // want `t .* is used after a.Reset\(\)`
	fmt.Println(names)       // want `names .* is used after a.Reset\(\)`
	fmt.Println(head)        // want `head .* is used after a.Reset\(\)`
	fmt.Println(items.Len()) // want `items .* is used after a.Reset\(\)`
	fmt.Println(heap.Len(), c)
}

func parser(src string) {
	p := &helpers.Parser{}
	n := p.Node("root")
	p.Reset()
	fmt.Println(n.Name) // want `n .* is used after p.Reset\(\) at line \d+ freed it`
}

func expectedToPanic() {
	var a bump.Bump
	s := bump.String(&a, "x")
	a.Reset()
	helpers.Recovering(func() { fmt.Println(s) })
}

func releasedByHelper() {
	a := pool.Get()
	s := bump.String(a, "x")
	helpers.Done(&pool, a)
	fmt.Println(s) // want `s .* is used after helpers.Done\(&pool, a\) at line \d+ freed it`
}

// Within the package.

func word(a *bump.Bump, i int) string {
	return bump.String(a, fmt.Sprint("w", i))
}

func trimmed(s string) string { return s[1:] }

func local() {
	var a bump.Bump
	w := trimmed(word(&a, 1))
	a.Reset()
	fmt.Println(w) // want `w .* is used after a.Reset\(\)`
	w = word(&a, 2)
	fmt.Println(w)
}
