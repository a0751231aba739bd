package str_test

import (
	"errors"
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/str"
)

// A String builds text in an arena; String hands it out without copying.
func Example() {
	var arena bump.Bump
	s := str.New(&arena)
	s.WriteString("hello")
	s.WriteByte(',')
	s.WriteRune(' ')
	fmt.Fprintf(s, "%s #%d", "gopher", 1)
	fmt.Println(s.String())
	arena.Reset() // the string must not be used from here on
	// Output: hello, gopher #1
}

// Strings returned by String never change, whatever the builder does
// next: edits that would overwrite their bytes copy first.
func ExampleString_String() {
	var arena bump.Bump
	s := str.From(&arena, "draft 1")
	first := s.String()
	s.Truncate(6)
	s.WriteString("2")
	fmt.Println(first)
	fmt.Println(s.String())
	// Output:
	// draft 1
	// draft 2
}

func ExampleSprintf() {
	var arena bump.Bump
	name := str.Sprintf(&arena, "user-%04d", 42)
	fmt.Println(name)
	// Output: user-0042
}

func ExampleFprintf() {
	s := str.New(nil)
	for i := range 3 {
		str.Fprintf(s, "[%d]", i)
	}
	fmt.Println(s.String())
	// Output: [0][1][2]
}

func ExampleString_Insert() {
	s := str.From(nil, "héllo")
	s.Insert(0, "¡")
	fmt.Println(s.String())
	// Output: ¡héllo
}

func ExampleString_Remove() {
	s := str.From(nil, "héllo, world")
	s.Remove(6, 8)
	fmt.Println(s.String())
	// Output: hélloworld
}

func ExampleString_Truncate() {
	s := str.From(nil, "naïve")
	fmt.Println(s.IsBoundary(3)) // inside ï
	s.Truncate(4)
	fmt.Println(s.String())
	// Output:
	// false
	// naï
}

func ExampleString_Bytes() {
	s := str.From(nil, "gopher")
	frozen := s.String()
	s.Bytes()[0] = 'G' // copies first: frozen is shared
	fmt.Println(frozen, s.String())
	// Output: gopher Gopher
}

func ExampleString_Grow() {
	var arena bump.Bump
	s := str.New(&arena)
	s.Grow(64)
	fmt.Println(s.Cap() >= 64, s.Len())
	// Output: true 0
}

// Writes report an arena's allocation limit as an error, as an io.Writer
// should.
func ExampleString_WriteString() {
	arena := bump.WithCapacity(64)
	s := str.New(arena)
	arena.SetAllocationLimit(arena.AllocatedBytes())
	_, err := s.WriteString(string(make([]byte, 1<<20)))
	fmt.Println(errors.Is(err, bump.ErrAllocationLimit), s.Len())
	// Output: true 0
}

func ExampleString_Clear() {
	s := str.New(nil)
	s.WriteString("one")
	s.Clear()
	s.WriteString("two")
	fmt.Println(s.String())
	// Output: two
}
