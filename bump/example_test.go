package bump_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bumpkit/bumpkit/bump"
)

func ExampleNew() {
	type point struct{ X, Y int }

	var b bump.Bump // the zero value is ready to use
	p := bump.New[point](&b)
	p.X = 3
	fmt.Println(*p)
	// Output: {3 0}
}

func ExampleAlloc() {
	type user struct {
		Name string
		Tags []string
	}

	var b bump.Bump
	// Values holding pointers are fine: the arena keeps what they refer to
	// alive.
	u := bump.Alloc(&b, user{Name: "ada", Tags: []string{"admin"}})
	fmt.Println(u.Name, u.Tags)
	// Output: ada [admin]
}

func ExampleMakeSlice() {
	var b bump.Bump
	s := bump.MakeSlice[int](&b, 0, 4)
	for i := range 4 {
		s = append(s, i*i) // within capacity: stays in the arena
	}
	fmt.Println(s, len(s), cap(s))
	// Output: [0 1 4 9] 4 4
}

func ExampleString() {
	var b bump.Bump
	var words []string
	for w := range strings.FieldsSeq("the quick brown fox") {
		words = append(words, bump.String(&b, strings.ToUpper(w)))
	}
	fmt.Println(words)
	// Output: [THE QUICK BROWN FOX]
}

func ExampleCollect() {
	var b bump.Bump
	squares := bump.Collect(&b, func(yield func(int) bool) {
		for i := 1; i <= 5; i++ {
			if !yield(i * i) {
				return
			}
		}
	})
	fmt.Println(squares)
	// Output: [1 4 9 16 25]
}

func ExampleBump_Reset() {
	var b bump.Bump
	for request := range 3 {
		// Per-request scratch memory, freed at once at the end.
		buf := bump.MakeSlice[byte](&b, 0, 1024)
		buf = fmt.Appendf(buf, "request %d", request)
		fmt.Println(string(buf))
		b.Reset()
	}
	// After the first round, Reset keeps the chunk: nothing new is needed.
	fmt.Println(b.AllocatedBytes() > 0)
	// Output:
	// request 0
	// request 1
	// request 2
	// true
}

func ExampleBump_Checkpoint() {
	var b bump.Bump
	keep := bump.String(&b, "kept")

	cp := b.Checkpoint()
	for i := range 1000 {
		bump.Alloc(&b, i) // temporary work
	}
	if err := b.ResetTo(cp); err != nil { // frees only what came after cp
		panic(err)
	}
	fmt.Println(keep)

	b.Reset()
	err := b.ResetTo(cp) // Reset invalidated cp
	fmt.Println(errors.Is(err, bump.ErrStaleCheckpoint))
	// Output:
	// kept
	// true
}

func ExampleBump_Cleanup() {
	var b bump.Bump
	for _, name := range []string{"a.txt", "b.txt"} {
		b.Cleanup(func() { fmt.Println("close", name) })
	}
	fmt.Println("working")
	b.Reset() // cleanups run newest first
	// Output:
	// working
	// close b.txt
	// close a.txt
}

func ExampleBump_SetAllocationLimit() {
	var b bump.Bump
	b.SetAllocationLimit(4096)

	var n int
	for {
		if _, err := bump.TryNew[[256]byte](&b); err != nil {
			fmt.Println(errors.Is(err, bump.ErrAllocationLimit))
			break
		}
		n++
	}
	fmt.Println(n > 0, b.AllocatedBytes() <= b.AllocationLimit())
	// Output:
	// true
	// true true
}

// A container gets its storage from any Allocator through the generic
// helpers; a nil Allocator means the Go heap.
func ExampleAllocator() {
	push := func(a bump.Allocator, s []string, v string) []string {
		if len(s) == cap(s) {
			var err error
			if s, err = bump.ResizeSlice(a, s, bump.GrowCap(cap(s), len(s)+1)); err != nil {
				panic(err)
			}
		}
		return append(s, v)
	}

	for _, a := range []bump.Allocator{nil, new(bump.Bump)} {
		var s []string
		for _, v := range []string{"x", "y", "z"} {
			s = push(a, s, v)
		}
		fmt.Println(s, cap(s))
	}
	// Output:
	// [x y z] 4
	// [x y z] 4
}

func ExampleAllocateSlice() {
	var b bump.Bump
	s, err := bump.AllocateSlice[*int](&b, 3) // zeroed, len == cap == 3
	if err != nil {
		panic(err)
	}
	// The newest allocation grows in place.
	t, err := bump.ResizeSlice(&b, s, 6)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(t), cap(t), &s[0] == &t[0])
	bump.FreeSlice(&b, t)
	// Output: 3 6 true
}

func ExampleLayoutOf() {
	// Sizes and alignments vary with the platform; whether a type holds
	// pointers does not.
	for _, l := range []bump.Layout{bump.LayoutOf[[3]int16](), bump.LayoutOf[string](), bump.LayoutOf[[4]byte]()} {
		fmt.Println(l, l.HasPointers(), l.Size() == l.Type().Size())
	}
	// Output:
	// [3]int16 false true
	// string true true
	// [4]uint8 false true
}

func ExampleBump_Chunks() {
	b := bump.WithCapacity(4096)
	bump.MakeSlice[int64](b, 10, 10)
	for c := range b.Chunks() {
		fmt.Println(c.Elem, c.Capacity, c.Used, c.Large)
	}
	// Output: <nil> 4096 80 false
}
