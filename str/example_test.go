package str_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

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

// The strconv-style appenders format into the String's storage without
// fmt: the same output as strconv, several times faster than Fprintf.
func ExampleString_AppendInt() {
	var arena bump.Bump
	s := str.New(&arena)
	for i := range 3 {
		s.WriteString("id=")
		s.AppendInt(int64(i*1000), 10)
		s.WriteString(" hex=")
		s.AppendUint(uint64(i*255), 16)
		s.WriteString(" ratio=")
		s.AppendFloat(float64(i)/3, 'f', 2, 64)
		s.WriteString(" ok=")
		s.AppendBool(i%2 == 0)
		s.WriteString(" name=")
		s.AppendQuote("gö\n")
		s.WriteByte('\n')
	}
	fmt.Print(s.String())
	// Output:
	// id=0 hex=0 ratio=0.00 ok=true name="gö\n"
	// id=1000 hex=ff ratio=0.33 ok=false name="gö\n"
	// id=2000 hex=1fe ratio=0.67 ok=true name="gö\n"
}

// A *String field encodes and decodes as a JSON string; decoding into a
// nil field makes a String on the Go heap.
func ExampleString_MarshalJSON() {
	var arena bump.Bump
	type message struct {
		Text *str.String `json:"text"`
	}
	m := message{Text: str.From(&arena, "<b>hé</b>")}
	data, _ := json.Marshal(m)
	fmt.Println(string(data))

	var back message
	if err := json.Unmarshal(data, &back); err != nil {
		panic(err)
	}
	fmt.Println(back.Text.String())
	// Output:
	// {"text":"\u003cb\u003ehé\u003c/b\u003e"}
	// <b>hé</b>
}

// A String prints like its content, a string, for every verb.
func ExampleString_Format() {
	s := str.From(nil, "gopher")
	fmt.Printf("%s|%q|%x|%8s|%-8s|%.3s|%v\n", s, s, s, s, s, s, []*str.String{s})
	// Output: gopher|"gopher"|676f70686572|  gopher|gopher  |gop|[gopher]
}

// Writing through a copy of a String panics, as with strings.Builder:
// the copy would share storage that each believes it owns.
func ExampleString_copy() {
	s := str.From(nil, "x")
	defer func() { fmt.Println(recover()) }()
	useCopy(s)
	// Output: str: WriteString: String copied by value after first use
}

// useCopy copies *s by value (what go vet's copylocks check reports) and
// writes through the copy.
func useCopy(s *str.String) {
	c := new(str.String)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(s).Elem())
	c.WriteString("y")
}
