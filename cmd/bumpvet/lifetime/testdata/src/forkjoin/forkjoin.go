// Package forkjoin uses memory of forked arenas.
package forkjoin

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

func joined(a *bump.Bump) {
	child := a.Fork()
	s := bump.String(child, "from the child")
	a.Join(child)
	fmt.Println(s) // a joined child's memory lives on with the parent
	a.Reset()
	fmt.Println(s) // want `s \(from bump.String\(child, "from the child"\), line 12\) is used after a.Reset\(\) at line 15 freed it`
}

func childAfterJoin(a *bump.Bump) {
	child := a.Fork()
	a.Join(child)
	bump.New[int](child) // want `arena child is used after a.Join\(child\) at line 21 handed it to its parent; allocate from the parent, or fork another child`
}

func childReset(a *bump.Bump) {
	child := a.Fork()
	p := bump.New[int](child)
	child.Reset()
	fmt.Println(*p) // want `p .* is used after child.Reset\(\)`
	a.Join(child)
}

func parentOnly(a *bump.Bump) {
	child := a.Fork()
	p := bump.New[int](child)
	q := bump.New[int](a)
	a.Join(child)
	fmt.Println(*p, *q)
}

// A parent's rewind before the Join leaves the child's memory alone; the
// same rewind after it frees what the child allocated after the
// checkpoint.
func rewindBeforeJoin(a *bump.Bump) {
	child := a.Fork()
	cp := a.Checkpoint()
	s := bump.String(child, "the child's")
	_ = a.ResetTo(cp)
	a.Join(child)
	fmt.Println(s)
}

func rewindAfterJoin(a *bump.Bump) {
	cp := a.Checkpoint()
	child := a.Fork()
	s := bump.String(child, "the child's")
	a.Join(child)
	_ = a.ResetTo(cp)
	fmt.Println(s) // want `s .* is used after a.ResetTo\(cp\)`
}
