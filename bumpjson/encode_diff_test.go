package bumpjson_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/str"
)

// The types and values below are those of encoding/json's encode_test.go
// (Go 1.26), encoded by json.Marshal and by bumpjson and compared byte
// for byte and error for error, rather than against expected strings.

type encOptionalsEmpty struct {
	Sr string `json:"sr"`
	So string `json:"so,omitempty"`
	Sw string `json:"-"`
	Ir int    `json:"omitempty"` // named omitempty, not an option
	Io int    `json:"io,omitempty"`
	//lint:ignore SA5008 an unknown option, which encoding/json ignores
	Slr []string       `json:"slr,random"`
	Slo []string       `json:"slo,omitempty"`
	Mr  map[string]any `json:"mr"`
	Mo  map[string]any `json:",omitempty"`
	Fr  float64        `json:"fr"`
	Fo  float64        `json:"fo,omitempty"`
	Br  bool           `json:"br"`
	Bo  bool           `json:"bo,omitempty"`
	Ur  uint           `json:"ur"`
	Uo  uint           `json:"uo,omitempty"`
	Str struct{}       `json:"str"`
	Sto struct{}       `json:"sto,omitempty"`
	Po  *int           `json:"po,omitempty"`
	Io2 any            `json:"io2,omitempty"`
	Ao  [0]int         `json:"ao,omitempty"`
	Ao1 [1]int         `json:"ao1,omitempty"`
	Fn  float64        `json:"fn,omitempty"` // -0 is empty too
}

type encNonZeroStruct struct{}

func (encNonZeroStruct) IsZero() bool { return false }

type encNoPanicStruct struct {
	Int int `json:"int,omitzero"`
}

func (nps *encNoPanicStruct) IsZero() bool { return nps.Int != 0 }

type encIsZeroer interface{ IsZero() bool }

type encOptionalsZero struct {
	Sr string `json:"sr"`
	So string `json:"so,omitzero"`
	Sw string `json:"-"`
	Ir int    `json:"omitzero"` // named omitzero, not an option
	Io int    `json:"io,omitzero"`
	//lint:ignore SA5008 an unknown option, which encoding/json ignores
	Slr            []string          `json:"slr,random"`
	Slo            []string          `json:"slo,omitzero"`
	SloNonNil      []string          `json:"slononnil,omitzero"`
	Mr             map[string]any    `json:"mr"`
	Mo             map[string]any    `json:",omitzero"`
	Moo            map[string]any    `json:"moo,omitzero"`
	Fr             float64           `json:"fr"`
	Fo             float64           `json:"fo,omitzero"`
	Foo            float64           `json:"foo,omitzero"`
	Foo2           [2]float64        `json:"foo2,omitzero"`
	Br             bool              `json:"br"`
	Bo             bool              `json:"bo,omitzero"`
	Ur             uint              `json:"ur"`
	Uo             uint              `json:"uo,omitzero"`
	Str            struct{}          `json:"str"`
	Sto            struct{}          `json:"sto,omitzero"`
	Time           time.Time         `json:"time,omitzero"`
	TimeLocal      time.Time         `json:"timelocal,omitzero"`
	Nzs            encNonZeroStruct  `json:"nzs,omitzero"`
	NilIsZeroer    encIsZeroer       `json:"niliszeroer,omitzero"`
	NonNilIsZeroer encIsZeroer       `json:"nonniliszeroer,omitzero"`
	NoPanicStruct0 encIsZeroer       `json:"nps0,omitzero"`
	NoPanicStruct1 encIsZeroer       `json:"nps1,omitzero"`
	NoPanicStruct2 *encNoPanicStruct `json:"nps2,omitzero"`
	NoPanicStruct3 *encNoPanicStruct `json:"nps3,omitzero"`
	NoPanicStruct4 encNoPanicStruct  `json:"nps4,omitzero"`
}

func optionalsZero() encOptionalsZero {
	var o encOptionalsZero
	o.Sw = "something"
	o.SloNonNil = make([]string, 0)
	o.Mr = map[string]any{}
	o.Mo = map[string]any{}
	o.Foo = math.Copysign(0, -1)
	o.Foo2 = [2]float64{+0, math.Copysign(0, -1)}
	o.TimeLocal = time.Time{}.Local()
	o.NonNilIsZeroer = time.Time{}
	o.NoPanicStruct0 = (*encNoPanicStruct)(nil)
	o.NoPanicStruct1 = &encNoPanicStruct{}
	o.NoPanicStruct3 = &encNoPanicStruct{}
	return o
}

type encOptionalsEmptyZero struct {
	Sr string `json:"sr"`
	So string `json:"so,omitempty,omitzero"`
	Sw string `json:"-"`
	Io int    `json:"io,omitempty,omitzero"`
	//lint:ignore SA5008 an unknown option, which encoding/json ignores
	Slr       []string         `json:"slr,random"`
	Slo       []string         `json:"slo,omitempty,omitzero"`
	SloNonNil []string         `json:"slononnil,omitempty,omitzero"`
	Mr        map[string]any   `json:"mr"`
	Mo        map[string]any   `json:",omitempty,omitzero"`
	Fr        float64          `json:"fr"`
	Fo        float64          `json:"fo,omitempty,omitzero"`
	Br        bool             `json:"br"`
	Bo        bool             `json:"bo,omitempty,omitzero"`
	Ur        uint             `json:"ur"`
	Uo        uint             `json:"uo,omitempty,omitzero"`
	Str       struct{}         `json:"str"`
	Sto       struct{}         `json:"sto,omitempty,omitzero"`
	Time      time.Time        `json:"time,omitempty,omitzero"`
	Nzs       encNonZeroStruct `json:"nzs,omitempty,omitzero"`
}

type encStringTag struct {
	BoolStr    bool        `json:",string"`
	IntStr     int64       `json:",string"`
	UintptrStr uintptr     `json:",string"`
	StrStr     string      `json:",string"`
	NumberStr  json.Number `json:",string"`
	FloatStr   float32     `json:",string"`
	PtrStr     *int        `json:",string"`
	//lint:ignore SA5008 ",string" where encoding/json ignores it
	PPtrStr **int `json:",string"` // not quoted: a pointer to a pointer
	//lint:ignore SA5008 ",string" where encoding/json ignores it
	IfaceStr any `json:",string"` // not quoted
	//lint:ignore SA5008 ",string" where encoding/json ignores it
	SliceStr []int      `json:",string"` // not quoted
	TextStr  encValText `json:",string"` // a method ignores the option
}

type (
	encRenamedByte             byte
	encRenamedByteSlice        []byte
	encRenamedRenamedByteSlice []encRenamedByte
)

type encSamePointerNoCycle struct{ Ptr1, Ptr2 *encSamePointerNoCycle }

type encPointerCycle struct{ Ptr *encPointerCycle }

type encPointerCycleIndirect struct{ Ptrs []any }

type encRecursiveSlice []encRecursiveSlice

const startDetectingCyclesAfter = 1000

// cycles returns encoding/json's values with and without cycles.
func cycles() (noCycle, withCycle []any) {
	same := &encSamePointerNoCycle{}
	ptr := &encSamePointerNoCycle{}
	same.Ptr1, same.Ptr2 = ptr, ptr

	pointerCycle := &encPointerCycle{}
	pointerCycle.Ptr = pointerCycle
	pointerCycleIndirect := &encPointerCycleIndirect{}
	pointerCycleIndirect.Ptrs = []any{pointerCycleIndirect}
	mapCycle := make(map[string]any)
	mapCycle["x"] = mapCycle
	sliceCycle := []any{nil}
	sliceCycle[0] = sliceCycle
	sliceNoCycle := []any{nil, nil}
	sliceNoCycle[1] = sliceNoCycle[:1]
	for i := startDetectingCyclesAfter; i > 0; i-- {
		sliceNoCycle = []any{sliceNoCycle}
	}
	recursiveSliceCycle := []encRecursiveSlice{nil}
	recursiveSliceCycle[0] = recursiveSliceCycle
	// A deep chain of pointers without a cycle, past the depth where
	// cycles are looked for.
	deep := &encPointerCycle{}
	for range 2 * startDetectingCyclesAfter {
		deep = &encPointerCycle{Ptr: deep}
	}
	type dummy struct {
		Name string
		Next *dummy
	}
	d := dummy{Name: "Dummy"}
	d.Next = &d
	return []any{same, sliceNoCycle, deep}, []any{pointerCycle, pointerCycleIndirect, mapCycle, sliceCycle, recursiveSliceCycle, d}
}

type encTextFloat float64

func (f encTextFloat) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "TF:%0.2f", f), nil }

type encRef int

func (*encRef) MarshalJSON() ([]byte, error) { return []byte(`"ref"`), nil }

type encVal int

func (encVal) MarshalJSON() ([]byte, error) { return []byte(`"val"`), nil }

type encRefText int

func (*encRefText) MarshalText() ([]byte, error) { return []byte(`"ref"`), nil }

type encValText int

func (encValText) MarshalText() ([]byte, error) { return []byte(`"val"`), nil }

type encRefVal struct {
	R0 encRef
	R1 *encRef
	R2 encRefText
	R3 *encRefText
	V0 encVal
	V1 *encVal
	V2 encValText
	V3 *encValText
}

type encC int

func (encC) MarshalJSON() ([]byte, error) { return []byte(`"<&>"`), nil }

type encCText int

func (encCText) MarshalText() ([]byte, error) { return []byte(`"<&>"`), nil }

type encBugA struct{ S string }

type encBugB struct {
	encBugA
	S string
}

type encBugC struct{ S string }

type encBugX struct {
	A int
	encBugA
	encBugB
}

type encBugD struct {
	XXX string `json:"S"`
}

type encBugY struct {
	encBugA
	encBugD
}

type encBugZ struct {
	encBugA
	encBugC
	encBugY
}

type encNilJSONMarshaler string

func (nm *encNilJSONMarshaler) MarshalJSON() ([]byte, error) {
	if nm == nil {
		return json.Marshal("0zenil0")
	}
	return json.Marshal("zenil:" + string(*nm))
}

type encNilTextMarshaler string

func (nm *encNilTextMarshaler) MarshalText() ([]byte, error) {
	if nm == nil {
		return []byte("0zenil0"), nil
	}
	return []byte("zenil:" + string(*nm)), nil
}

type (
	encJSONByte byte
	encTextByte byte
	encJSONInt  int
	encTextInt  int
)

func (b encJSONByte) MarshalJSON() ([]byte, error) { return fmt.Appendf(nil, `{"JB":%d}`, b), nil }
func (b encTextByte) MarshalText() ([]byte, error) { return fmt.Appendf(nil, `TB:%d`, b), nil }
func (i encJSONInt) MarshalJSON() ([]byte, error)  { return fmt.Appendf(nil, `{"JI":%d}`, i), nil }
func (i encTextInt) MarshalText() ([]byte, error)  { return fmt.Appendf(nil, `TI:%d`, i), nil }

type encUnmarshalerText struct{ A, B string }

func (u encUnmarshalerText) MarshalText() ([]byte, error) { return []byte(u.A + ":" + u.B), nil }

// encMarshaled returns its string as its JSON, valid or not.
type encMarshaled string

func (v encMarshaled) MarshalJSON() ([]byte, error) { return []byte(v), nil }

// encFailing fails in both methods; encFailingText in MarshalText only.
type (
	encFailing     struct{ N int }
	encFailingText int
)

var errEncFailing = errors.New("failing on purpose")

func (encFailing) MarshalJSON() ([]byte, error)     { return nil, errEncFailing }
func (encFailingText) MarshalText() ([]byte, error) { return nil, errEncFailing }

// encPanicking panics in MarshalJSON.
type encPanicking struct{}

func (encPanicking) MarshalJSON() ([]byte, error) { panic(0xdead) }

// encKeyText is an integer map key with a MarshalText, which wins over
// the integer.
type encKeyText int

func (k encKeyText) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "k%03d", int(k)), nil }

type encTextKeyFails int

func (encTextKeyFails) MarshalText() ([]byte, error) { return nil, errEncFailing }

// encStringKeyText is a string kind with MarshalText: the string is used.
type encStringKeyText string

func (encStringKeyText) MarshalText() ([]byte, error) { return []byte("not used"), nil }

// encPtrText has MarshalText on its pointer only: as a map key it is not
// a TextMarshaler.
type encPtrText struct{ X int }

func (*encPtrText) MarshalText() ([]byte, error) { return []byte("ptr"), nil }

type encEmbedIface struct {
	encIsZeroer
	fmt.Stringer `json:"str"`
}

type encAllKinds struct {
	B    bool
	I    int
	I8   int8
	I16  int16
	I32  int32
	I64  int64
	U    uint
	U8   uint8
	U16  uint16
	U32  uint32
	U64  uint64
	Up   uintptr
	F32  float32
	F64  float64
	S    string
	Sl   []int
	Ar   [3]string
	M    map[string]int
	MI   map[int8]string
	MU   map[uint16]bool
	P    *string
	PP   **int
	If   any
	Er   error
	St   struct{ X, y int }
	N    json.Number
	R    json.RawMessage
	T    time.Time
	PT   *time.Time
	By   []byte
	BA   [4]byte
	Unex int
	unex int
}

func encAllKindsValue() *encAllKinds {
	s := "pointed <to>"
	n := 7
	pn := &n
	tm := time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.FixedZone("X", -3*3600))
	return &encAllKinds{
		B: true, I: -1, I8: math.MinInt8, I16: math.MaxInt16, I32: math.MinInt32, I64: math.MinInt64,
		U: math.MaxUint, U8: 255, U16: 65535, U32: math.MaxUint32, U64: math.MaxUint64, Up: 12345,
		F32: 3.4028235e38, F64: 5e-324, S: "x\ty\"z\\", Sl: []int{1, 2, 3}, Ar: [3]string{"a", "<b>", ""},
		M: map[string]int{"z": 1, "a": 2, "é": 3, "": 4}, MI: map[int8]string{-128: "min", 127: "max", 0: "zero", 10: "ten", 9: "nine"},
		MU: map[uint16]bool{65535: true, 1: false}, P: &s, PP: &pn, If: []any{1.5, "s", nil, map[string]any{"k": true}},
		Er: errors.New("an error value"), St: struct{ X, y int }{1, 2}, N: "-1.5e+10", R: json.RawMessage(" [ 1 , {\"a\" : \"<\"} ] "),
		T: tm, PT: &tm, By: []byte("hello, \x00 world"), BA: [4]byte{1, 2, 3, 4}, Unex: 5, unex: 6,
	}
}

// encodeValues returns the values to compare, with the cases of
// encoding/json's tests.
func encodeValues() []any {
	noCycle, withCycle := cycles()
	rawNil, rawEmpty, rawText := json.RawMessage(nil), json.RawMessage([]byte{}), json.RawMessage([]byte(`"foo"`))
	type rawT1 struct {
		M json.RawMessage `json:",omitempty"`
	}
	type rawT2 struct {
		M *json.RawMessage `json:",omitempty"`
	}
	refVal := encRefVal{R0: 12, R1: new(encRef), R2: 14, R3: new(encRefText), V0: 13, V1: new(encVal), V2: 15, V3: new(encValText)}
	n42 := int64(42)
	vals := []any{
		// TestOmitEmpty, TestOmitZero, TestOmitZeroMap, TestOmitEmptyZero
		&encOptionalsEmpty{Sw: "something", Mr: map[string]any{}, Mo: map[string]any{}, Fn: math.Copysign(0, -1)},
		encOptionalsEmpty{Io2: (*int)(nil)},
		func() *encOptionalsZero { o := optionalsZero(); return &o }(),
		optionalsZero(),
		map[string]encOptionalsZero{"foo": {}},
		map[string]encOptionalsZero{"foo": optionalsZero()},
		&encOptionalsEmptyZero{Sw: "something", SloNonNil: []string{}, Mr: map[string]any{}, Mo: map[string]any{}},
		// TestRoundtripStringTag
		&encStringTag{BoolStr: true, IntStr: 42, UintptrStr: 44, StrStr: "xzbit", NumberStr: "46", FloatStr: 1.5e-7, PtrStr: new(int), TextStr: 3},
		&encStringTag{StrStr: "\b\f\n\r\t\"\\<&>\u2028 é \xff", NumberStr: "0", IfaceStr: 5, SliceStr: []int{1}},
		encStringTag{},
		// TestEncodeRenamedByteSlice
		encRenamedByteSlice("abc"), encRenamedRenamedByteSlice("abc"), []encRenamedByte("x"),
		// TestSamePointerNoCycle, TestSliceNoCycle
		noCycle[0], noCycle[1], noCycle[2],
		// TestUnsupportedValues
		math.NaN(), math.Inf(-1), math.Inf(1), float32(math.Inf(1)), []float64{1, math.NaN()},
		withCycle[0], withCycle[1], withCycle[2], withCycle[3], withCycle[4], withCycle[5],
		// TestMarshalTextFloatMap
		map[encTextFloat]string{encTextFloat(math.NaN()): "1", encTextFloat(math.NaN()): "1"},
		// TestRefValMarshal: by pointer (addressable) and by value
		&refVal, refVal, []encRefVal{refVal}, [1]encRefVal{refVal}, &[1]encRefVal{refVal}, map[string]encRefVal{"x": refVal},
		// TestMarshalerEscaping
		encC(0), encCText(0),
		// TestNilMarshal
		nil, new(float64), []any(nil), []string(nil), map[string]string(nil), []byte(nil),
		struct{ M string }{"gopher"},
		struct{ M json.Marshaler }{},
		struct{ M json.Marshaler }{(*encNilJSONMarshaler)(nil)},
		struct{ M any }{(*encNilJSONMarshaler)(nil)},
		struct{ M encoding.TextMarshaler }{},
		struct{ M encoding.TextMarshaler }{(*encNilTextMarshaler)(nil)},
		struct{ M any }{(*encNilTextMarshaler)(nil)},
		// TestEmbeddedBug, TestTaggedFieldDominates, TestDuplicatedFieldDisappears
		encBugB{encBugA{"A"}, "B"}, encBugX{A: 23},
		encBugY{encBugA{"BugA"}, encBugD{"BugD"}},
		encBugZ{encBugA{"BugA"}, encBugC{"BugC"}, encBugY{encBugA{"nested BugA"}, encBugD{"nested BugD"}}},
		// TestIssue10281
		&struct{ N json.Number }{json.Number(`invalid`)},
		json.Number(""), json.Number("-0.0e-0"), json.Number("01"), json.Number("1."), json.Number("+1"), json.Number(" 1"),
		// TestEncodePointerString
		struct {
			N *int64 `json:"n,string"`
		}{N: &n42},
		// TestEncodeBytekind
		byte(7), encJSONByte(7), encTextByte(4), encJSONInt(5), encTextInt(1), []byte{0, 1},
		[]encJSONByte{0, 1}, [][]encJSONByte{{0, 1}, {3}}, []encTextByte{2, 3}, []encJSONInt{5, 4},
		[]encTextInt{9, 3}, []int{9, 3}, []encTextFloat{12, 3},
		// TestTextMarshalerMapKeysAreSorted, TestNilMarshalerTextMapKey
		map[encUnmarshalerText]int{{"x", "y"}: 1, {"y", "x"}: 2, {"a", "z"}: 3, {"z", "a"}: 4},
		map[*encUnmarshalerText]int{(*encUnmarshalerText)(nil): 1, {"A", "B"}: 2},
		// TestMarshalRawMessageValue
		rawNil, &rawNil, []any{rawNil}, &[]any{rawNil}, []any{&rawNil}, &[]any{&rawNil},
		struct{ M json.RawMessage }{rawNil}, &struct{ M json.RawMessage }{rawNil},
		struct{ M *json.RawMessage }{&rawNil}, &struct{ M *json.RawMessage }{&rawNil},
		map[string]any{"M": rawNil}, &map[string]any{"M": rawNil}, map[string]any{"M": &rawNil},
		rawT1{rawNil}, rawT2{&rawNil}, &rawT1{rawNil}, &rawT2{&rawNil},
		rawEmpty, &rawEmpty, []any{rawEmpty}, []any{&rawEmpty}, struct{ X json.RawMessage }{rawEmpty},
		&struct{ X *json.RawMessage }{&rawEmpty}, map[string]any{"nil": rawEmpty},
		rawT1{rawEmpty}, rawT2{&rawEmpty}, &rawT1{rawEmpty}, &rawT2{&rawEmpty},
		rawText, &rawText, []any{rawText}, &[]any{&rawText}, struct{ M json.RawMessage }{rawText},
		&struct{ M *json.RawMessage }{&rawText}, map[string]any{"M": rawText}, rawT1{rawText}, &rawT2{&rawText},
		// TestMarshalUncommonFieldNames
		struct{ A0, À, Aβ int }{},
		// TestIssue63379, and other invalid MarshalJSON output
		encMarshaled("[]<"), encMarshaled("[]>"), encMarshaled("[]&"), encMarshaled("[]\u2028"), encMarshaled("[]\u2029"),
		encMarshaled("{}<"), encMarshaled("{}\u2029"), encMarshaled(""), encMarshaled(" "), encMarshaled("{x"), encMarshaled("[1,]"),
		encMarshaled("\"\xff\""), encMarshaled(`"\u12"`), encMarshaled(strings.Repeat("[", 10001) + strings.Repeat("]", 10001)),
		encMarshaled(" { \"a<\" : [ 1 , 2.5e3 , \"\u2028&\" , true , null ] } \n"), encMarshaled(`"\u003c"`),
		[]encMarshaled{"1", " 2 "}, map[string]encMarshaled{"k": " [ ] "},
		// Methods that fail
		encFailing{}, &encFailing{}, []encFailing{{}}, map[string]encFailing{"a": {}}, struct{ F encFailing }{},
		encFailingText(1), []encFailingText{1}, struct{ F *encFailingText }{new(encFailingText)},
		map[encTextKeyFails]int{1: 1}, map[encTextKeyFails]int{},
		// Map keys
		map[encKeyText]int{3: 3, 20: 20, 100: 100}, map[encStringKeyText]int{"b": 1, "a": 2},
		map[string]int{"<": 1, ">": 2, "&": 3, "\u2028": 4, "\xff": 5, "a\"b": 6},
		map[int]int{10: 1, 9: 2, -1: 3, -10: 4, 0: 5}, map[uint8]string{255: "a", 25: "b", 3: "c"},
		map[uintptr]int{1: 1}, map[string]*int{"nil": nil, "x": new(int)}, map[string][]int{"a": {1}, "b": nil},
		map[string]struct{ A, B, C int64 }{"big": {1, 2, 3}}, map[string][3]int8{"small": {1, 2, 3}},
		map[float64]int{1: 1}, map[float64]int(nil), map[encPtrText]int{{1}: 1}, map[[2]int]int{},
		map[string]map[string]map[int]string{"outer": {"inner": {2: "two", 1: "one"}}, "empty": {}, "nil": nil},
		// Unsupported types
		make(chan int), []chan int{}, []chan int{nil}, (*chan int)(nil), func() {}, complex(1, 2),
		struct{ C chan int }{}, struct {
			C chan int `json:"-"`
		}{}, map[string]func(){"f": nil}, map[string]func(){},
		// Strings
		"", "plain", "\x00\x01\x1f\x7f", "<html> & 'quotes' \"", "\u2028\u2029", "bad \xff utf8 \xc3", "\xed\xa0\x80", "é世界🙂",
		strings.Repeat("long string with <escapes> & \"quotes\" and é ", 200), "\xf4\x90\x80\x80", "a\u00a0b",
		// Interfaces and embedding
		encEmbedIface{}, encEmbedIface{encIsZeroer: time.Time{}, Stringer: time.Second},
		struct{ E error }{errors.New("e")}, []error{nil}, []fmt.Stringer{time.Minute, nil},
		// All kinds, by pointer and by value, in a slice, in an interface in a map
		encAllKindsValue(), *encAllKindsValue(), []encAllKinds{*encAllKindsValue()}, map[string]any{"all": encAllKindsValue()},
		// Times
		time.Date(2021, 1, 2, 3, 4, 5, 6, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), []*time.Time{nil}, struct{ T time.Time }{},
		time.Date(2021, 1, 2, 3, 4, 5, 0, time.FixedZone("", 24*3600)),
		// Numbers
		0, -1, int64(math.MaxInt64), uint64(math.MaxUint64), 1.5, 1e21, 1e20, 1e-7, 1e-6, 123456789.0, float32(1e21),
		float32(0.1), float32(1e-7), float32(16777217), math.Copysign(0, -1), math.MaxFloat64, math.SmallestNonzeroFloat64,
		float32(math.MaxFloat32), float32(math.SmallestNonzeroFloat32), 100.0, 1e100, -1e-100,
	}
	return vals
}

// outcomeOf returns what an encoding gave: its output, or its error's
// type and message.
func outcomeOf(b []byte, err error) string {
	if err != nil {
		return fmt.Sprintf("error %T: %v", err, err)
	}
	return string(b)
}

// encoderOutcome encodes v with a json.Encoder-like encoder set by set.
func encoderOutcome(v any, enc interface {
	Encode(any) error
	SetEscapeHTML(bool)
	SetIndent(string, string)
}, w *bytes.Buffer, html bool, prefix, indent string) string {
	enc.SetEscapeHTML(html)
	enc.SetIndent(prefix, indent)
	err := enc.Encode(v)
	return outcomeOf(w.Bytes(), err)
}

// compareEncodings encodes v with json.Marshal and with bumpjson's Append
// into the heap and into an arena, to a str.String through an Encoder,
// and with json.Encoder and bumpjson's Encoder with their options, and
// reports every difference.
func compareEncodings(t *testing.T, v any) {
	t.Helper()
	want := outcomeOf(json.Marshal(v))
	for _, arena := range []bool{false, true} {
		var a bump.Allocator
		if arena {
			a = new(bump.Bump)
		}
		prefix := []byte("prefix:")
		got, err := bumpjson.Append(a, prefix, v)
		if err != nil {
			if !bytes.Equal(got, prefix) {
				t.Errorf("%s: a failed Append changed dst to %q", describe(v), got)
			}
		} else if !bytes.HasPrefix(got, prefix) {
			t.Errorf("%s: Append lost dst's contents: %q", describe(v), got)
		} else {
			got = got[len(prefix):]
		}
		if g := outcomeOf(got, err); g != want {
			t.Errorf("%s (arena %v):\nbumpjson.Append: %s\njson.Marshal:    %s", describe(v), arena, clip(g), clip(want))
			return
		}
		if arena {
			s := str.New(a)
			err := bumpjson.NewEncoder(a, s).Encode(v)
			if g := outcomeOf([]byte(strings.TrimSuffix(s.String(), "\n")), err); g != want || err == nil && !strings.HasSuffix(s.String(), "\n") {
				t.Errorf("%s: Encoder to a str.String: %s\njson.Marshal: %s", describe(v), clip(g), clip(want))
			}
		}
	}
	opts := []struct {
		html           bool
		prefix, indent string
	}{{true, "", ""}, {false, "", ""}, {true, "", "  "}, {false, ">", "\t"}}
	if testing.Short() && len(want) > 4<<10 {
		// Indented, a deeply nested value grows with the square of its
		// depth (the corpus's 10,000 levels make 200 MB): in short runs
		// only small values are indented.
		opts = opts[:2]
	}
	for _, opt := range opts {
		var wb, gb bytes.Buffer
		want := encoderOutcome(v, json.NewEncoder(&wb), &wb, opt.html, opt.prefix, opt.indent)
		got := encoderOutcome(v, bumpjson.NewEncoder(new(bump.Bump), &gb), &gb, opt.html, opt.prefix, opt.indent)
		if got != want {
			t.Errorf("%s with SetEscapeHTML(%v), SetIndent(%q, %q):\nbumpjson.Encoder: %s\njson.Encoder:     %s", describe(v), opt.html, opt.prefix, opt.indent, clip(got), clip(want))
		}
	}
}

func describe(v any) string { return clip(fmt.Sprintf("%T %#v", v, v)) }

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

// TestEncodeDifferential compares bumpjson's encoding of the cases of
// encoding/json's encoder tests with json.Marshal's and json.Encoder's.
func TestEncodeDifferential(t *testing.T) {
	for _, v := range encodeValues() {
		compareEncodings(t, v)
	}
	// TestEncodeString: every byte alone, and in a longer string (where
	// eight bytes are looked at at once).
	for c := range 256 {
		compareEncodings(t, string(rune(c)))
		compareEncodings(t, string([]byte{byte(c)}))
		compareEncodings(t, "0123456789"+string([]byte{byte(c)})+"abcdefghijk")
	}
}

// TestEncodeAnonymousFields is encoding/json's TestAnonymousFields.
func TestEncodeAnonymousFields(t *testing.T) {
	type (
		S1    struct{ x, X int }
		S2    struct{ x, X int }
		Ambig struct {
			S1
			S2
		}
		Dominant struct {
			S1
			S2
			x, X int
		}
		myInt       int
		MyInt       int
		UnexpInt    struct{ myInt }
		ExpInt      struct{ MyInt }
		UnexpIntPtr struct{ *myInt }
		ExpIntPtr   struct{ *MyInt }
		s1          struct{ x, X int }
		S2b         struct{ y, Y int }
		Embedded    struct {
			s1
			S2b
		}
		EmbeddedPtr struct {
			*s1
			*S2b
		}
		MyInt1 int
		MyInt2 int
		s2n    struct {
			MyInt2
			myInt
		}
		s1n struct {
			MyInt1
			myInt
			s2n
		}
		Nested struct {
			s1n
			myInt
		}
		S2f          struct{ Field string }
		BehindNilPtr struct{ *S2f }
		Tagged       struct {
			S1 `json:"s1"`
		}
		TaggedPtr struct {
			*S2f `json:"p"`
		}
		IfaceAnonymous struct{ fmt.Stringer }
	)
	mi, mI := myInt(5), MyInt(5)
	for _, v := range []any{
		Ambig{S1{1, 2}, S2{3, 4}}, Dominant{S1{1, 2}, S2{3, 4}, 5, 6}, UnexpInt{5}, ExpInt{5},
		UnexpIntPtr{&mi}, ExpIntPtr{&mI}, ExpIntPtr{}, Embedded{s1{1, 2}, S2b{3, 4}}, EmbeddedPtr{&s1{1, 2}, &S2b{3, 4}},
		&EmbeddedPtr{&s1{1, 2}, nil}, Nested{s1n{1, 2, s2n{3, 4}}, 6}, BehindNilPtr{}, &BehindNilPtr{&S2f{"f"}},
		Tagged{S1{1, 2}}, TaggedPtr{}, TaggedPtr{&S2f{"x"}}, IfaceAnonymous{time.Hour}, IfaceAnonymous{},
		// The decoding tests' embedding cases.
		tTop{Level0: 1, TEmbed0a: &TEmbed0a{Level1a: 2}}, &tTop{}, tAmbig{}, tS5{}, tUnexpPtr{}, tExpPtr{},
	} {
		compareEncodings(t, v)
	}
}

// TestEncodeFloats is encoding/json's TestMarshalFloat as a differential
// test: the same floats, compared with json.Marshal's text.
func TestEncodeFloats(t *testing.T) {
	const digits = "1.2345678901234567890123"
	a := new(bump.Bump)
	check := func(v any) {
		want, _ := json.Marshal(v)
		got, err := bumpjson.Append(a, nil, v)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%T(%v): Append gave %s, %v; json.Marshal %s", v, v, got, err, want)
		}
	}
	for i := len(digits); i >= 2; i-- {
		if testing.Short() && i < len(digits)-4 {
			break
		}
		for exp := -30; exp <= 30; exp++ {
			for _, sign := range "+-" {
				s := fmt.Sprintf("%c%se%d", sign, digits[:i], exp)
				f64, _ := strconv.ParseFloat(s, 64)
				f32, _ := strconv.ParseFloat(s, 32)
				for _, f := range []float64{f64, math.Nextafter(f64, math.Inf(1)), math.Nextafter(f64, math.Inf(-1))} {
					check(f)
				}
				for _, f := range []float32{float32(f32), math.Nextafter32(float32(f32), float32(math.Inf(1))), math.Nextafter32(float32(f32), float32(math.Inf(-1)))} {
					check(f)
				}
				a.Reset()
			}
		}
	}
}

// TestEncodePanic is encoding/json's TestMarshalPanic: a panic in a
// MarshalJSON method goes through.
func TestEncodePanic(t *testing.T) {
	defer func() {
		if got := recover(); !reflect.DeepEqual(got, 0xdead) {
			t.Errorf("panic() = (%T)(%v), want 0xdead", got, got)
		}
	}()
	bumpjson.Append(new(bump.Bump), nil, &encPanicking{})
	t.Error("Append should have panicked")
}

// TestEncodeErrorsUnwrap checks the errors' types and wrapped errors.
func TestEncodeErrorsUnwrap(t *testing.T) {
	a := new(bump.Bump)
	_, err := bumpjson.Append(a, nil, []encFailing{{}})
	if me, ok := errors.AsType[*json.MarshalerError](err); !ok || me.Type != reflect.TypeFor[encFailing]() || !errors.Is(err, errEncFailing) {
		t.Errorf("MarshalJSON failing: %#v", err)
	}
	_, err = bumpjson.Append(a, nil, encFailingText(0))
	if me, ok := errors.AsType[*json.MarshalerError](err); !ok || me.Type != reflect.TypeFor[encFailingText]() || !errors.Is(err, errEncFailing) {
		t.Errorf("MarshalText failing: %#v", err)
	}
	_, err = bumpjson.Append(a, nil, struct{ C chan int }{})
	if ue, ok := errors.AsType[*json.UnsupportedTypeError](err); !ok || ue.Type != reflect.TypeFor[chan int]() {
		t.Errorf("chan: %#v", err)
	}
	_, err = bumpjson.Append(a, nil, []float32{float32(math.NaN())})
	if ue, ok := errors.AsType[*json.UnsupportedValueError](err); !ok || ue.Str != "NaN" || !ue.Value.IsValid() || !math.IsNaN(ue.Value.Float()) {
		t.Errorf("NaN: %#v", err)
	}
	_, err = bumpjson.Append(a, nil, encMarshaled("{x"))
	if se, ok := errors.AsType[*json.SyntaxError](err); !ok || se.Offset != 0 {
		t.Errorf("invalid MarshalJSON output: %#v", err)
	}
}
