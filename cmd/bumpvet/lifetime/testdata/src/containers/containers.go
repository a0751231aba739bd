// Package containers has containers in an arena, and what they hand out,
// used after the arena's Reset; and the same on the Go heap, which is fine.
package containers

import (
	"fmt"
	"io"
	"strings"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

func vecs() {
	var a bump.Bump
	v := vec.New[int](&a)
	v.Push(1)
	items := v.Slice()
	owned := vec.From(&a, []int{1, 2}).IntoSlice()
	c := v.Clone()
	a.Reset()
	fmt.Println(items)   // want `items \(from vec.New\[int\]\(&a\), line 20\) is used after a.Reset\(\) at line 25 freed it`
	fmt.Println(owned)   // want `owned .* is used after a.Reset\(\)`
	fmt.Println(c.Len()) // want `c .* is used after a.Reset\(\)`
}

func vecItself() {
	var a bump.Bump
	v := vec.WithCapacity[string](&a, 4)
	a.Reset()
	v.Push("x") // want `v .* is used after a.Reset\(\)`
}

func iterators() {
	var a bump.Bump
	v := vec.Collect(&a, func(yield func(int) bool) { yield(1) })
	all := v.All()
	a.Reset()
	for i, x := range all { // want `all .* is used after a.Reset\(\)`
		fmt.Println(i, x)
	}
}

func strs(w io.Writer) {
	var a bump.Bump
	b := str.New(&a)
	b.WriteString("hello")
	msg := b.String()
	raw := b.Bytes()
	line := str.Sprintf(&a, "%d items", 3)
	a.Reset()
	fmt.Fprintln(w, msg)  // want `msg .* is used after a.Reset\(\)`
	w.Write(raw)          // want `raw .* is used after a.Reset\(\)`
	fmt.Fprintln(w, line) // want `line .* is used after a.Reset\(\)`
}

func maps() {
	var a bump.Bump
	m := hashmap.New[string, int](&a)
	p, _ := m.Entry("hits")
	q := m.Ptr("hits")
	keys := m.Keys()
	a.Reset()
	*p++                  // want `p .* is used after a.Reset\(\)`
	*q++                  // want `q .* is used after a.Reset\(\)`
	for k := range keys { // want `keys .* is used after a.Reset\(\)`
		fmt.Println(k)
	}
}

func deques() {
	var a bump.Bump
	d := deque.New[int](&a)
	d.PushBack(1)
	front, back := d.Slices()
	a.Reset()
	fmt.Println(front) // want `front .* is used after a.Reset\(\)`
	fmt.Println(back)  // want `back .* is used after a.Reset\(\)`
}

type file struct{ name string }

func (f *file) Close() error { return nil }

func boxes() {
	var a bump.Bump
	b := boxed.New(&a, file{name: "x"})
	p := b.Ptr()
	kept := boxed.New(&a, file{name: "y"})
	a.Reset()
	fmt.Println(b.Value()) // want `b .* is used after a.Reset\(\)`
	fmt.Println(p.name)    // want `p .* is used after a.Reset\(\)`
	// A Box may be dropped, or asked whether it was, after the reset.
	fmt.Println(kept.Dropped(), kept.Drop())
	stale := []boxed.Box[file]{kept}
	fmt.Println(len(stale))
}

// On the Go heap (a nil allocator) nothing is released.
func onTheHeap() {
	var a bump.Bump
	v := vec.New[int](nil)
	s := str.New(nil)
	m := hashmap.New[string, int](nil)
	d := deque.New[int](nil)
	var zero vec.Vec[int]
	v.Push(1)
	s.WriteString("x")
	p, _ := m.Entry("k")
	d.PushBack(1)
	items, msg := v.Slice(), s.String()
	a.Reset()
	*p++
	zero.Push(1)
	fmt.Println(items, msg, m.Len(), d.Len(), strings.ToUpper(msg))
}
