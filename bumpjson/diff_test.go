package bumpjson_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// A target makes a fresh value to decode into; the same constructor runs
// for encoding/json and for bumpjson, so that values decoded into
// existing contents compare too.
type target struct {
	name string
	make func() any
}

func newOf[T any]() func() any { return func() any { return new(T) } }

var targets = []target{
	{"any", newOf[any]()},
	{"bool", newOf[bool]()},
	{"int", newOf[int]()},
	{"int8", newOf[int8]()},
	{"uint16", newOf[uint16]()},
	{"float32", newOf[float32]()},
	{"float64", newOf[float64]()},
	{"string", newOf[string]()},
	{"Number", newOf[json.Number]()},
	{"RawMessage", newOf[json.RawMessage]()},
	{"[]any", newOf[[]any]()},
	{"[]int", newOf[[]int]()},
	{"[]string", newOf[[]string]()},
	{"[]byte", newOf[[]byte]()},
	{"[2]int", newOf[[2]int]()},
	{"map[string]any", newOf[map[string]any]()},
	{"map[string]int", newOf[map[string]int]()},
	{"map[int]string", newOf[map[int]string]()},
	{"map[uint8]string", newOf[map[uint8]string]()},
	{"map[tText]bool", newOf[map[tText]bool]()},
	{"*int", newOf[*int]()},
	{"**string", newOf[**string]()},
	{"T", newOf[tT]()},
	{"U", newOf[tU]()},
	{"V", newOf[tV]()},
	{"W", newOf[tW]()},
	{"All", newOf[tAll]()},
	{"*All", newOf[*tAll]()},
	{"Top", newOf[tTop]()},
	{"Ambig", newOf[tAmbig]()},
	{"S5", newOf[tS5]()},
	{"UnexpPtr", newOf[tUnexpPtr]()},
	{"ExpPtr", newOf[tExpPtr]()},
	{"Fold", newOf[tFold]()},
	{"Tree", newOf[tTree]()},
	{"[]Node", newOf[[]tNode]()},
	{"Text", newOf[tText]()},
	{"*Text", newOf[*tText]()},
	{"JSON", newOf[tJSON]()},
	{"[]JSON", newOf[[]tJSON]()},
	{"error", newOf[error]()},
	{"IfaceHolder", newOf[tIfaceHolder]()},
	{"prefilled T", func() any { return &tT{X: "old", Y: 7, Z: 9} }},
	{"prefilled []T", func() any { s := make([]tT, 1, 4); s[0] = tT{X: "a"}; s = append(s, tT{Y: 5})[:1]; return &s }},
	{"prefilled []int", func() any { s := []int{9, 9, 9, 9}; return &s }},
	{"prefilled any ptr", func() any { var x any = &tT{X: "in iface"}; return &x }},
	{"prefilled holder", func() any { n := 5; return &tIfaceHolder{V: &n} }},
	{"prefilled ptr", func() any { x := &tT{Y: 3}; return &x }},
	{"prefilled map", func() any { return &map[string]int{"keep": 1} }},
	{"prefilled raw", func() any { r := make(json.RawMessage, 0, 64); return &r }},
}

// inputs are the corpus every target decodes: encoding/json's cases,
// escapes, surrogates, invalid UTF-8, number edge cases, nesting and
// trailing data.
var inputs = []string{
	`true`, `false`, `null`, `1`, `-5`, `1.2`, `2`, `0`, `-0`, `1e3`, `1E+2`, `-1.5e-7`,
	`123456789012345678`, `1234567890123456789`, `12345678901234567890`, `-9223372036854775808`,
	`9223372036854775807`, `9223372036854775808`, `18446744073709551615`, `1e400`, `-1e400`, `1e-400`,
	`255`, `256`, `-1`, `127`, `128`, `-129`, `3.4e39`, `0.1`,
	`"a\u1234"`, `"http:\/\/"`, `"g-clef: \uD834\uDD1E"`, `"invalid: \uD834x\uDD1E"`,
	`"\uD834"`, `"\uDD1E\uD834"`, `"\ud800\udc00"`, "\"\xff\xfe\"", "\"a\xc3\"", "\"\xed\xa0\x80\"",
	`"\b\f\n\r\t\"\\\/"`, `"\u0000"`, `""`, `"x:y"`, `"nocolon"`, `"fail"`, `"1"`, `"-0.5"`, `"true"`,
	`"AQID"`, `"AQI="`, `"!!"`, `"2021-01-02T03:04:05Z"`, `"2021"`, `"10.0.0.1"`,
	`[]`, `[1,2,3]`, `[1, 2, 3]`, `["a","b"]`, `[[1],[2,3]]`, `[{"X":"a"},{"Y":2}]`, `[null]`, `[true,"x",1,null,{}]`,
	`{}`, `{"X": [1,2,3], "Y": 4}`, `{"X": 23}`, `{"x": 1}`, `{"S": 23}`, `{"F1":1,"F2":2,"F3":3}`,
	`{"k1":1,"k2":"s","k3":[1,2.0,3e-3],"k4":{"kk1":"s","kk2":2}}`,
	"\n true ", "\t 1 ", "\r 1.2 ", "\t -5 \n",
	`{"Y": 1, "Z": 2}`, `{"alpha": "abc", "alphabet": "xyz"}`, `{"alphabet": "xyz"}`,
	`{"-1":"a","0":"b","1":"c"}`, `{"abc":"abc"}`, `{"256":"abc"}`, `{"x:y":true}`, `{"x:y":false,"x:y":true}`, `{"nocolon":true}`,
	`{"Level0": 1, "Level1b": 2, "Level1c": 3, "x": 4, "Level1a": 5, "LEVEL1B": 6, "e": {"Level1a": 8, "Level1b": 9, "Level1c": 10, "Level1d": 11, "x": 12}, "Loop1": 13, "Loop2": 14, "X": 15, "Y": 16, "Z": 17, "Q": 18}`,
	`{"hello": 1}`, `{"X": 1,"Y":2}`, `{"X": 1}`, `{"Name":"n","X":2,"Deep":{"X":"d"}}`,
	`{"k":1,"K":2,"\u212a":3,"s":4,"\u017f":5,"abc":6,"ABC":7,"abcd":8,"ü":9,"Ü":10}`,
	`{"Name":"root","Children":[{"Name":"a","Children":[{"Name":"b"}]},{"Name":"c"}],"Parent":{"Name":"p"},"Meta":{"m":{"Name":"x","Children":[{"Name":"y"}]}}}`,
	`[{"id":1,"name":"n","score":1.5,"active":true,"tags":["a","b"],"attrs":[{"key":"k","value":"v","n":3}],"child":{"id":2,"tags":[]}}]`,
	`{"V": 1}`, `{"V": {"X":"x"}}`, `{"V": null}`, `{"V": "s"}`, `{"V": [1]}`,
	`{"X":"new"}`, `{"Y":null}`, `{"X":null,"Y":null}`, `[{"Y":1},{"X":"b"},{}]`, `[1]`, `[1,2,3,4,5,6,7,8,9]`,
	`{"keep":2,"new":3}`,
	// tAll
	`{"Bool":true,"Int":-1,"Int8":-8,"Int16":16,"Int32":32,"Int64":64,"Uint":1,"Uint8":8,"Uint16":16,"Uint32":32,"Uint64":64,"Uintptr":7,"Float32":1.5,"Float64":2.5,"bar":"foo","bar2":"foo2"}`,
	`{"IntStr":"42","UintStr":"255","FloatStr":"1.5","BoolStr":"true","StrStr":"\"s\"","PIntStr":"7","NumStr":"12","SliceStr":"[1]","UnknownOpt":"3"}`,
	`{"IntStr":42}`, `{"IntStr":"x"}`, `{"IntStr":""}`, `{"IntStr":null}`, `{"IntStr":"null"}`, `{"IntStr":[1]}`, `{"IntStr":{}}`,
	`{"IntStr":true}`, `{"IntStr":1e400}`, `{"UintStr":"256"}`, `{"UintStr":"-1"}`, `{"BoolStr":"maybe"}`, `{"BoolStr":true}`,
	`{"BoolStr":"null"}`, `{"BoolStr":"nul"}`, `{"StrStr":"s"}`, `{"StrStr":"\"unterminated"}`, `{"StrStr":"null"}`, `{"StrStr":"\"\\u00e9\""}`,
	`{"FloatStr":"1e400"}`, `{"FloatStr":"abc"}`, `{"FloatStr":"+1"}`, `{"PIntStr":"null"}`, `{"PIntStr":null}`, `{"NumStr":"1x"}`, `{"NumStr":"\"1\""}`,
	`{"IntStr":"0123"}`, `{"IntStr":"-"}`, `{"IntStr":" 1"}`, `{"IntStr":"tru"}`,
	`{"PBool":true,"PInt":3,"PFloat64":1.25,"PString":"p","PPInt":5}`, `{"PBool":null,"PInt":null,"PPInt":null}`,
	`{"String":"s","PSPtr":["a"],"Bytes":"AQID","BytesA":[1,2,3,4],"MyBytes":"AQI=","Array":[1],"Slice":[1,2],"SliceP":[1,null],"Strings":["x","y"],"Structs":[{"X":"a"}],"PStruct":{"Y":1},"Nested":[["a"],[],null]}`,
	`{"Bytes":"!!"}`, `{"Bytes":[1,2]}`, `{"Bytes":null}`, `{"Bytes":""}`, `{"MyBytes":[256]}`,
	`{"Map":{"a":1,"b":2},"MapP":{"p":{"X":"x"},"n":null},"MapS":{"s":["1","2"]},"IntMap":{"1":"one","-2":"m"},"UintMap":{"65535":true},"TextMap":{"a:b":1},"NamedM":{"z":26}}`,
	`{"IntMap":{"x":"y"}}`, `{"UintMap":{"65536":true}}`, `{"TextMap":{"bad":1}}`, `{"Map":{"a":"b"}}`, `{"Map":[1]}`,
	`{"Iface":{"a":[1,"x",null,true,{"b":{}}]},"Ifaces":[1,"s",[2],{"m":null}],"IfaceM":{"k":1e400}}`,
	`{"Err":"x"}`, `{"Err":null}`, `{"Err":{}}`, `{"Stringer":1}`, `{"Stringer":[1]}`,
	`{"Raw":{"a": [1, 2]},"PRaw":[ true ],"Number":12.5,"PNum":-3}`, `{"Number":"12"}`, `{"Number":"x"}`, `{"Number":true}`, `{"Raw":null}`, `{"PRaw":null}`,
	`{"Time":"2021-01-02T03:04:05Z","PTime":"2022-01-02T03:04:05+01:00"}`, `{"Time":"bad"}`, `{"Time":5}`,
	`{"Text":"a:b","PText":"c:d","Texts":["e:f","g:h"]}`, `{"Text":"ab"}`, `{"Text":1}`, `{"Text":null}`, `{"Text":true}`, `{"Text":[1]}`, `{"Text":{}}`, `{"PText":null}`,
	`{"JSON":{"a":1},"PJSON":[1, 2],"JSONs":[1,"x",null]}`, `{"JSON":"fail"}`, `{"PJSON":null}`,
	`{"Addr":"10.0.0.1","BigInt":12345678901234567890123}`, `{"Addr":"x"}`, `{"BigInt":"1"}`,
	`{"Point":{"X":1,"Y":2}}`, `{"Func":null}`, `{"Func":1}`, `{"Chan":null}`, `{"Chan":[1]}`, `{"Complex":1}`, `{"unexp":1}`, `{"-":1}`,
	`{"Int8":128}`, `{"Int8":-129}`, `{"Uint8":-1}`, `{"Uint8":1.5}`, `{"Int":1.0}`, `{"Int":1e2}`, `{"Float32":1e39}`, `{"Int":"1"}`, `{"Bool":"true"}`, `{"Bool":1}`,
	`{"Int":1,"Int":2}`, `{"INT":3}`, `{"int":4}`, `{"Structs":[{"X":1}],"Int":5}`, `{"PStruct":{"X":1},"Int":"a"}`,
	`{"PStruct":{"Z":1}}`, `{"PSPtr":null}`, `{"Nested":[[1]]}`,
	// Deep nesting within the limit, and trailing data.
	strings.Repeat("[", 500) + strings.Repeat("]", 500),
	strings.Repeat(`{"a":`, 300) + `1` + strings.Repeat("}", 300),
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	// Syntax errors.
	``, " \n\r\t", `[2, 3`, `{"X": "foo", "Y"}`, `[1, 2, 3+]`, `{"X":12x}`, `{"F3": -}`,
	"\x01 42", " 42 \x01", "\x01 true", " false \x01", "\x01 1.2", " 3.4 \x01", "\x01 \"string\"", " \"string\" \x01",
	`1 2`, `{} {}`, `[] x`, `tru`, `nul`, `falsey`, `01`, `-`, `1.`, `.1`, `1e`, `1e+`, `+1`, `0x10`, `NaN`, `Infinity`,
	`"\x"`, `"\u12"`, `"\u12G4"`, "\"a\nb\"", "\"a\x00\"", `"unterminated`, `{"a" 1}`, `{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `{1:2}`,
	`{"a":1 "b":2}`, `[1 2]`, `]`, `}`, `:`, `,`, `"\`, `{"a":"b"`, `[`, `{`,
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat("[", 10001),
}

// outcome is what a decoding produced, in a form that compares across
// decoders: the error's type and message (with a type error's offset) and
// the value.
func outcome(v any, err error) string {
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error %T: %v", err, err)
		if te, ok := err.(*json.UnmarshalTypeError); ok {
			fmt.Fprintf(&b, " (offset %d, struct %q, field %q)", te.Offset, te.Struct, te.Field)
		}
		if se, ok := err.(*json.SyntaxError); ok {
			fmt.Fprintf(&b, " (offset %d)", se.Offset)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func decodeBoth(t *testing.T, tg target, in []byte, opts func(*json.Decoder, *bumpjson.Decoder)) {
	t.Helper()
	want := tg.make()
	var wantErr error
	if opts == nil {
		wantErr = json.Unmarshal(in, want)
	} else {
		dec := json.NewDecoder(bytes.NewReader(in))
		opts(dec, nil)
		wantErr = dec.Decode(want)
	}
	for _, arena := range []bool{false, true} {
		var a bump.Allocator
		var b *bump.Bump
		if arena {
			b = new(bump.Bump)
			a = b
		}
		got := tg.make()
		var gotErr error
		if opts == nil {
			gotErr = bumpjson.Unmarshal(a, in, got)
		} else {
			dec := bumpjson.NewDecoder(a, bytes.NewReader(in))
			opts(nil, dec)
			gotErr = dec.Decode(got)
		}
		if w, g := outcome(want, wantErr), outcome(got, gotErr); w != g {
			t.Errorf("%s, input %.200q, arena %v:\nencoding/json: %s\nbumpjson:      %s", tg.name, in, arena, w, g)
			continue
		}
		if !equalValues(want, got) {
			t.Errorf("%s, input %.200q, arena %v:\nencoding/json: %#v\nbumpjson:      %#v", tg.name, in, arena, deref(want), deref(got))
		}
		if b != nil {
			b.Reset()
		}
	}
}

func deref(v any) any { return reflect.ValueOf(v).Elem().Interface() }

func equalValues(a, b any) bool { return reflect.DeepEqual(a, b) }

func TestDifferential(t *testing.T) {
	for _, tg := range targets {
		t.Run(strings.ReplaceAll(tg.name, " ", "_"), func(t *testing.T) {
			for _, in := range inputs {
				decodeBoth(t, tg, []byte(in), nil)
			}
		})
	}
}

func TestDifferentialOptions(t *testing.T) {
	opts := map[string]func(*json.Decoder, *bumpjson.Decoder){
		"UseNumber": func(j *json.Decoder, b *bumpjson.Decoder) {
			if j != nil {
				j.UseNumber()
			} else {
				b.UseNumber()
			}
		},
		"DisallowUnknownFields": func(j *json.Decoder, b *bumpjson.Decoder) {
			if j != nil {
				j.DisallowUnknownFields()
			} else {
				b.DisallowUnknownFields()
			}
		},
	}
	for name, opt := range opts {
		t.Run(name, func(t *testing.T) {
			for _, tg := range targets {
				for _, in := range inputs {
					if strings.HasPrefix(in, "\x01") || len(in) > 20000 {
						continue // a Decoder reports these differently from Unmarshal, the same way in both
					}
					decodeBoth(t, tg, []byte(in), opt)
				}
			}
		})
	}
}

// realDocument returns testdata's node-api.json, decompressed.
func realDocument(t testing.TB) []byte {
	t.Helper()
	f, err := os.Open("../testdata/node-api.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// nodeDoc is a typed view of part of node-api.json.
type nodeDoc struct {
	Source  string        `json:"source"`
	Modules []nodeSection `json:"modules"`
	Classes []nodeSection `json:"classes"`
	Globals []nodeSection `json:"globals"`
	Methods []nodeSection `json:"methods"`
}

type nodeSection struct {
	TextRaw    string        `json:"textRaw"`
	Type       string        `json:"type"`
	Name       string        `json:"name"`
	Desc       string        `json:"desc"`
	Stability  *int          `json:"stability"`
	Meta       *nodeMeta     `json:"meta"`
	Modules    []nodeSection `json:"modules"`
	Classes    []nodeSection `json:"classes"`
	Methods    []nodeSection `json:"methods"`
	Properties []nodeSection `json:"properties"`
	Events     []nodeSection `json:"events"`
	Signatures []struct {
		Params []json.RawMessage `json:"params"`
		Return any               `json:"return"`
	} `json:"signatures"`
	Misc any `json:"miscs"`
}

type nodeMeta struct {
	Added      []string         `json:"added"`
	Deprecated []string         `json:"deprecated"`
	Changes    []map[string]any `json:"changes"`
}

func TestDifferentialRealDocument(t *testing.T) {
	data := realDocument(t)
	for _, tg := range []target{
		{"any", newOf[any]()},
		{"nodeDoc", newOf[nodeDoc]()},
		{"map[string]json.RawMessage", newOf[map[string]json.RawMessage]()},
		{"[]any", newOf[[]any]()},
	} {
		decodeBoth(t, tg, data, nil)
	}
}
