// Package reset has memory used after its arena's Reset, ResetTo or
// Pool.Put, and the correct code next to it that must not be reported.
package reset

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
)

type node struct {
	name  string
	count int
	next  *node
}

var pool bump.Pool

func afterReset() {
	var a bump.Bump
	s := bump.String(&a, "hello")
	p := bump.New[node](&a)
	a.Reset()
	fmt.Println(s) // want `s \(from bump.String\(&a, "hello"\), line 25\) is used after a.Reset\(\) at line 27 freed it: copy it before the reset \(strings.Clone\(s\)\), or allocate it again after`
	p.count = 1    // want `p \(from bump.New\[node\]\(&a\), line 26\) is used after a.Reset\(\) at line 27 freed it: copy it before the reset, or allocate it again after`
}

func everyAllocator(a *bump.Bump, src []int) {
	ints := bump.MakeSlice[int](a, 0, 8)
	cp := bump.CopySlice(a, src)
	filled := bump.FillSlice(a, 3, "x")
	made := bump.SliceFunc(a, 3, func(i int) int { return i })
	collected := bump.Collect(a, slices.Values(src))
	raw := bump.Bytes(a, 16)
	aligned := bump.AlignedBytes(a, 64, 64)
	v := bump.Alloc(a, node{name: "n"})
	grown := bump.Append(a, ints, 1, 2)
	tried, err := bump.TryString(a, "try")
	if err != nil {
		return
	}
	typed := bump.Of[node](a).New()
	h := bump.Of[int](a)
	hs := h.MakeSlice(0, 4)
	alloc, _ := bump.AllocateSlice[int](a, 4)
	a.Reset()
	fmt.Println(ints)       // want `ints .* is used after a.Reset\(\)`
	fmt.Println(cp)         // want `cp .* is used after`
	fmt.Println(filled)     // want `filled .* is used after`
	fmt.Println(made)       // want `made .* is used after`
	fmt.Println(collected)  // want `collected .* is used after`
	fmt.Println(raw)        // want `raw .* is used after`
	fmt.Println(aligned)    // want `aligned .* is used after`
	fmt.Println(v.name)     // want `v .* is used after`
	fmt.Println(grown)      // want `grown .* is used after`
	fmt.Println(tried)      // want `tried .* is used after`
	fmt.Println(typed.name) // want `typed \(from bump.Of\[node\]\(a\).New\(\), line \d+\) is used after`
	fmt.Println(hs)         // want `hs .* is used after`
	fmt.Println(alloc)      // want `alloc .* is used after`
}

func onSomePath(a *bump.Bump, flush bool) string {
	s := bump.String(a, "maybe")
	if flush {
		a.Reset()
	}
	return s // want `s .* is used after a.Reset\(\) at line \d+ freed it`
}

func afterPut() {
	a := pool.Get()
	report := bump.String(a, "done")
	pool.Put(a)
	fmt.Println(report) // want `report .* is used after pool.Put\(a\) at line \d+ released its arena: copy it before the Put \(strings.Clone\(report\)\)`
	bump.New[int](a)    // want `arena a is used after pool.Put\(a\) at line \d+ gave it back to the pool; take another with Get, or Put it later`
}

func afterResetTo(a *bump.Bump) {
	before := bump.String(a, "kept")
	cp := a.Checkpoint()
	after := bump.String(a, "scratch")
	view := before[1:]
	if err := a.ResetTo(cp); err != nil {
		panic(err)
	}
	fmt.Println(before, view)
	fmt.Println(after) // want `after .* is used after a.ResetTo\(cp\) at line \d+ freed it \(it was allocated after the checkpoint\): copy it before the ResetTo \(strings.Clone\(after\)\), or allocate it before the checkpoint`
}

func afterResetToInLoop(a *bump.Bump, lines []string) []string {
	var out []string
	cp := a.Checkpoint()
	for _, l := range lines {
		buf := bump.String(a, l)
		out = append(out, strings.Clone(buf))
		if err := a.ResetTo(cp); err != nil {
			panic(err)
		}
	}
	return out
}

// Correct code: nothing below is reported.

func allocatedAgain() {
	var a bump.Bump
	s := bump.String(&a, "one")
	fmt.Println(s)
	a.Reset()
	s = bump.String(&a, "two")
	fmt.Println(s)
}

func perRound(rounds [][]string) {
	var a bump.Bump
	for _, r := range rounds {
		v := vec.New[string](&a)
		for _, x := range r {
			v.Push(bump.String(&a, x))
		}
		fmt.Println(v.Len(), v.Slice())
		a.Reset()
	}
}

func copiedOut() (string, []int, int) {
	var a bump.Bump
	s := bump.String(&a, "x")
	ints := bump.MakeSlice[int](&a, 4, 4)
	p := bump.Alloc(&a, node{count: 3})
	kept := strings.Clone(s)
	keptInts := slices.Clone(ints)
	n := p.count
	name := p.name // a string field: its bytes are where it was made
	a.Reset()
	fmt.Println(kept, keptInts, n, name)
	return string([]byte(kept)), keptInts, n
}

func otherCopies(a *bump.Bump) {
	b := bump.Bytes(a, 8)
	owned, _ := bump.AllocateSlice[int](a, 4)
	grown, err := bump.ResizeSlice(a, owned, 8)
	if err != nil {
		return
	}
	kept := bytes.Clone(b)
	keptGrown := append([]int(nil), grown...)
	a.Reset()
	fmt.Println(kept, keptGrown)
	fmt.Println(grown) // want `grown .* is used after a.Reset\(\)`
}

func heapContainer() {
	var a bump.Bump
	v := vec.New[int](nil)
	v.Push(1)
	items := v.Slice()
	a.Reset()
	v.Push(2)
	fmt.Println(items)
}

func otherArena() {
	var a, b bump.Bump
	s := bump.String(&b, "other")
	a.Reset()
	fmt.Println(s)
}

func onlyTheHeader() {
	var a bump.Bump
	s := bump.MakeSlice[int](&a, 3, 3)
	var p *node = bump.New[node](&a)
	a.Reset()
	fmt.Println(len(s), cap(s), p != nil)
}

func resetInLoopThenAllocate(n int) {
	var a bump.Bump
	var s []int
	for i := range n {
		s = bump.Append(&a, s, i)
		if len(s) > 4 {
			a.Reset()
			s = nil
		}
	}
	fmt.Println(len(s))
}

func putOnEveryPath(work []string) {
	for _, w := range work {
		a := pool.Get()
		s := bump.String(a, w)
		fmt.Println(s)
		pool.Put(a)
	}
}

func capturedAfterReset(seq func(func(int) bool)) {
	var a bump.Bump
	s := bump.String(&a, "x")
	v := vec.New[int](&a)
	a.Reset()
	for i := range seq { // want `s \(from bump.String\(&a, "x"\), line \d+\), captured by this func literal, is used after a.Reset\(\)`
		fmt.Println(i, s)
	}
	defer func() { v.Push(1) }() // want `v .*, captured by this func literal, is used after a.Reset\(\)`
}

// A func literal that only assigns the variable, or that a test expects
// to panic, is not reported.
func capturedNotRead(mustPanic func(func())) {
	var a bump.Bump
	s := bump.String(&a, "x")
	fmt.Println(s)
	a.Reset()
	func() { s = bump.String(&a, "y") }()
	fmt.Println(s)
	t := bump.String(&a, "z")
	a.Reset()
	Panics(func() { fmt.Println(t) })
	u := bump.String(&a, "u")
	a.Reset()
	mustFail(func() { fmt.Println(u) })
	viaHelper(func() { fmt.Println(u) })
}

// Panics is named like testify's assertions.
func Panics(f func()) { f() }

// mustFail calls f under a deferred recover; viaHelper hands f on to it.
func mustFail(f func()) {
	defer func() {
		if recover() == nil {
			panic("no panic")
		}
	}()
	f()
}

func viaHelper(f func()) { mustFail(f) }

// The In helpers allocate from any allocator: from an arena, a Reset
// frees what they return.
func allocatedIn(a *bump.Bump) {
	p := bump.NewIn[int](a)
	s := bump.StringIn(a, "in")
	a.Reset()
	fmt.Println(*p) // want `p .* is used after a.Reset\(\)`
	fmt.Println(s)  // want `s .* is used after a.Reset\(\)`
}
