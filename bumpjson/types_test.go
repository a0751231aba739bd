package bumpjson_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"math/big"
	"net/netip"
	"reflect"
	"strings"
	"time"
)

// The types below exercise what encoding/json's decoder distinguishes;
// several follow the shapes of encoding/json's own decode tests.

type tT struct {
	X string
	Y int
	Z int `json:"-"`
}

type tU struct {
	Alphabet string `json:"alpha"`
}

type tV struct {
	F1 any
	F2 int32
	F3 json.Number
	F4 *tVOuter
}

type tVOuter struct{ V tV }

// tSS's UnmarshalJSON returns a type error, which the decoder completes
// with its context.
type tSS string

func (*tSS) UnmarshalJSON([]byte) error {
	return &json.UnmarshalTypeError{Value: "number", Type: reflect.TypeFor[tSS]()}
}

type tW struct{ S tSS }

// tText decodes "a:b" through UnmarshalText.
type tText struct{ A, B string }

var errNoColon = errors.New("missing colon")

func (t *tText) UnmarshalText(b []byte) error {
	a, c, ok := strings.Cut(string(b), ":")
	if !ok {
		return errNoColon
	}
	t.A, t.B = a, c
	return nil
}

// tJSON records what UnmarshalJSON was given.
type tJSON struct{ Got string }

func (t *tJSON) UnmarshalJSON(b []byte) error {
	if string(b) == `"fail"` {
		return errors.New("tJSON: told to fail")
	}
	t.Got = string(b)
	return nil
}

// tValJSON has UnmarshalJSON on the value receiver of a pointer-shaped
// type.
type tMap map[string]int

type tAll struct {
	Bool    bool
	Int     int
	Int8    int8
	Int16   int16
	Int32   int32
	Int64   int64
	Uint    uint
	Uint8   uint8
	Uint16  uint16
	Uint32  uint32
	Uint64  uint64
	Uintptr uintptr
	Float32 float32
	Float64 float64

	Foo string `json:"bar"`
	//lint:ignore SA5008 an unknown option, which encoding/json ignores
	Foo2 string `json:"bar2,dummyopt"`

	IntStr   int64       `json:",string"`
	UintStr  uint8       `json:",string"`
	FloatStr float64     `json:",string"`
	BoolStr  bool        `json:",string"`
	StrStr   string      `json:",string"`
	PIntStr  *int        `json:",string"`
	NumStr   json.Number `json:",string"`
	//lint:ignore SA5008 ",string" on a slice, which encoding/json ignores
	SliceStr   []int `json:",string"`
	UnknownOpt int   `json:",omitempty,string"`

	PBool    *bool
	PInt     *int
	PFloat64 *float64
	PString  *string
	PPInt    **int

	String  string
	PSPtr   *[]string
	Bytes   []byte
	BytesA  [3]byte
	MyBytes myBytes
	Array   [2]int
	Slice   []int
	SliceP  []*int
	Strings []string
	Structs []tT
	PStruct *tT
	Nested  [][]string

	Map     map[string]int
	MapP    map[string]*tT
	MapS    map[string][]string
	IntMap  map[int]string
	UintMap map[uint16]bool
	TextMap map[tText]int
	NamedM  tMap

	Iface    any
	Ifaces   []any
	IfaceM   map[string]any
	Err      error
	Stringer fmt.Stringer

	Raw    json.RawMessage
	PRaw   *json.RawMessage
	Number json.Number
	PNum   *json.Number

	Time    time.Time
	PTime   *time.Time
	Text    tText
	PText   *tText
	JSON    tJSON
	PJSON   *tJSON
	JSONs   []tJSON
	Texts   []tText
	Addr    netip.Addr
	BigInt  *big.Int
	Point   image.Point
	Func    func()
	Chan    chan int
	Complex complex128
	//lint:ignore U1000 an unexported field, which decoding must leave alone
	unexp int
	//lint:ignore SA5008 the field named "-"
	Unexp2 int `json:"-,"`
}

type myBytes []byte

// The embedding hierarchy of encoding/json's tests.
type tTop struct {
	Level0 int
	TEmbed0
	*TEmbed0a
	*TEmbed0b `json:"e,omitempty"`
	TEmbed0c  `json:"-"`
	TLoop
	TEmbed0p
	TEmbed0q
	tembed
}

type TEmbed0 struct {
	Level1a int
	Level1b int
	Level1c int
	Level1d int
	Level1e int `json:"x"`
}

type TEmbed0a struct {
	Level1a int `json:"Level1a,omitempty"`
	Level1b int `json:"LEVEL1B,omitempty"`
	Level1c int `json:"-"`
	Level1d int
	Level1f int `json:"x"`
}

type TEmbed0b TEmbed0

type TEmbed0c TEmbed0

type TEmbed0p struct {
	image.Point
}

type TEmbed0q struct {
	TPoint
}

type TPoint struct {
	Z int
}

type TLoop struct {
	Loop1 int `json:",omitempty"`
	Loop2 int `json:",omitempty"`
	*TLoop
}

type tembed struct {
	Q int
}

type tAmbig struct {
	First  int `json:"HELLO"`
	Second int `json:"Hello"`
}

type tS5 struct {
	tS6
	tS7
	tS8
}

type tS6 struct{ X int }
type tS7 tS6
type tS8 struct{ tS9 }
type tS9 struct {
	X int
	Y int
}

// tUnexpPtr embeds a pointer to an unexported struct type.
type tUnexpPtr struct {
	*tunexp
}

type tunexp struct{ X int }

// tExpPtr embeds a pointer to an exported struct type.
type tExpPtr struct {
	*TExp
	Name string
}

type TExp struct {
	X, Y int
	Deep *tT
}

// tFold has names that fold together, including the Kelvin sign and the
// long s.
type tFold struct {
	K    int `json:"k"`
	S    int `json:"s"`
	Abc  int
	ABCd int
	Ü    int `json:"ü"`
}

// tTree is recursive.
type tTree struct {
	Name     string
	Children []tTree
	Parent   *tTree
	Meta     map[string]tTree
}

// tNode is a document of nested structs, like the benchmark's.
type tNode struct {
	ID     int64    `json:"id"`
	Name   string   `json:"name"`
	Score  float64  `json:"score"`
	Active bool     `json:"active"`
	Tags   []string `json:"tags"`
	Attrs  []tAttr  `json:"attrs"`
	Child  *tNode   `json:"child"`
}

type tAttr struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	N     int    `json:"n"`
}

// tIfaceHolder is decoded with an interface that already holds a pointer.
type tIfaceHolder struct {
	V any
}
