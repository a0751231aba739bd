package bump_test

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

func ExampleOf() {
	type token struct {
		Kind  byte
		Start int32
		End   int32
	}

	var b bump.Bump
	// Take the handle once per request (or keep it: Of returns the same
	// one every time), then allocate through it in the hot loop.
	tokens := bump.Of[token](&b)
	var last *token
	for i := range 1000 {
		last = tokens.Alloc(token{Kind: 'w', Start: int32(i), End: int32(i + 1)})
	}
	fmt.Println(last.Start, last.End, bump.Of[token](&b) == tokens)
	// Output: 999 1000 true
}

func ExampleTyped_New() {
	type node struct {
		Next  *node
		Value int
	}

	var b bump.Bump
	nodes := bump.Of[node](&b) // node holds a pointer: values go in a GC-scanned slab
	var head *node
	for i := range 3 {
		n := nodes.New()
		n.Value, n.Next = i, head
		head = n
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Value, " ")
	}
	fmt.Println()
	// Output: 2 1 0
}

func ExampleTyped_Alloc() {
	type user struct {
		Name string
		Age  int
	}

	var b bump.Bump
	u := bump.Of[user](&b).Alloc(user{Name: "ada", Age: 36})
	fmt.Println(*u)
	// Output: {ada 36}
}

func ExampleTyped_MakeSlice() {
	var b bump.Bump
	floats := bump.Of[float64](&b)
	s := floats.MakeSlice(2, 8)
	s[0], s[1] = 1.5, 2.5
	s = append(s, 3.5) // within capacity: stays in the arena
	fmt.Println(s, len(s), cap(s))

	_, err := floats.TryMakeSlice(3, 2)
	fmt.Println(err)
	// Output:
	// [1.5 2.5 3.5] 3 8
	// bump: MakeSlice: length 3, capacity 2: invalid allocation size
}

func ExampleTyped_reset() {
	var b bump.Bump
	ints := bump.Of[int](&b)
	p := ints.Alloc(42)
	cp := b.Checkpoint()
	for i := range 1000 {
		ints.Alloc(i) // scratch values
	}
	_ = b.ResetTo(cp) // frees the scratch values; p stays
	fmt.Println(*p)
	b.Reset() // frees everything; the handle keeps working
	fmt.Println(*ints.Alloc(1))
	// Output:
	// 42
	// 1
}

func ExampleAppend() {
	var b bump.Bump
	var words []string
	for _, w := range []string{"bump", "arenas", "grow", "in", "place"} {
		words = bump.Append(&b, words, w) // growth comes from b, not the heap
	}
	fmt.Println(words)

	// A heap slice is left as append leaves it: the result is a copy in b.
	heap := []int{1, 2, 3}
	more := bump.Append(&b, heap[:2:2], 9)
	fmt.Println(heap, more)
	// Output:
	// [bump arenas grow in place]
	// [1 2 3] [1 2 9]
}
