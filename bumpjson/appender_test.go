package bumpjson_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/vec"
)

// appendFunc is an Appender whose AppendJSON is the function itself.
type appendFunc func(e *bumpjson.EncodeState) error

func (f appendFunc) AppendJSON(e *bumpjson.EncodeState) error { return f(e) }
func (f appendFunc) MarshalJSON() ([]byte, error)             { return bumpjson.MarshalAppender(f) }

// array returns an Appender that adds xs with BeginArray.
func array[T any](xs ...T) appendFunc {
	return func(e *bumpjson.EncodeState) error {
		arr := bumpjson.BeginArray[T](e)
		for _, x := range xs {
			if arr.Add(x) != nil {
				break
			}
		}
		return arr.End()
	}
}

type kv[K, V any] struct {
	k K
	v V
}

// object returns an Appender that adds kvs with BeginMap, or BeginObject
// if ordered.
func object[K comparable, V any](ordered bool, kvs ...kv[K, V]) appendFunc {
	return func(e *bumpjson.EncodeState) error {
		var obj bumpjson.MapEncoder[K, V]
		if ordered {
			obj = bumpjson.BeginObject[K, V](e)
		} else {
			obj = bumpjson.BeginMap[K, V](e)
		}
		for _, p := range kvs {
			if obj.Add(p.k, p.v) != nil {
				break
			}
		}
		return obj.End()
	}
}

// TestBeginEncoders checks that arrays and objects made with BeginArray,
// BeginMap and BeginObject encode as json.Marshal encodes the slice or
// map that holds the same elements (BeginObject: in the order added).
func TestBeginEncoders(t *testing.T) {
	nested := vec.From(nil, []string{"<v>"})
	for _, tc := range []struct {
		got  appendFunc
		want any
	}{
		{array[int](), []int{}},
		{array(1, -2, 3), []int{1, -2, 3}},
		{array("a", "<b>", "bad \xff"), []string{"a", "<b>", "bad \xff"}},
		{array(0.1, 1e21, float64(float32(1e-7))), []float64{0.1, 1e21, float64(float32(1e-7))}},
		{array([]byte("bytes: base64 of 1, 2 or 3 left")...), []byte("bytes: base64 of 1, 2 or 3 left")},
		{array([]byte("b6")...), []byte("b6")},
		{array[byte](), []byte{}},
		{array[encRefVal](encRefVal{}, encRefVal{R1: new(encRef)}), []encRefVal{{}, {R1: new(encRef)}}},
		{array[any](1, "x", nil, map[string]int{"b": 2, "a": 1}, nested, []any{true}), []any{1, "x", nil, map[string]int{"b": 2, "a": 1}, []string{"<v>"}, []any{true}}},
		{array(array(1, 2), array[int]()), [][]int{{1, 2}, {}}},
		{array(encC(0), encC(1)), []encC{0, 1}},
		{array(encValText(0)), []encValText{0}},
		{object[string, int](false), map[string]int{}},
		{object(false, kv[string, int]{"b", 1}, kv[string, int]{"a", 2}, kv[string, int]{"<", 3}), map[string]int{"b": 1, "a": 2, "<": 3}},
		{object(false, kv[int, string]{10, "x"}, kv[int, string]{-1, "y"}, kv[int, string]{2, "z"}), map[int]string{10: "x", -1: "y", 2: "z"}},
		{object(false, kv[uint8, bool]{200, true}, kv[uint8, bool]{7, false}), map[uint8]bool{200: true, 7: false}},
		{object(false, kv[encKeyText, []string]{20, []string{"a"}}, kv[encKeyText, []string]{3, nil}), map[encKeyText][]string{20: {"a"}, 3: nil}},
		{object(false, kv[string, struct{ A, B, C int64 }]{"x", struct{ A, B, C int64 }{1, 2, 3}}), map[string]struct{ A, B, C int64 }{"x": {1, 2, 3}}},
		{object(false, kv[string, any]{"m", object(false, kv[string, int]{"z", 1}, kv[string, int]{"y", 2})}), map[string]any{"m": map[string]int{"z": 1, "y": 2}}},
		{object(true, kv[string, int]{"b", 1}, kv[string, int]{"a", 2}), json.RawMessage(`{"b":1,"a":2}`)},
		{object(true, kv[int64, *string]{5, nil}, kv[int64, *string]{-5, new(string)}), json.RawMessage(`{"5":null,"-5":""}`)},
		{object(true, kv[encKeyText, encC]{9, 0}, kv[encKeyText, encC]{1, 0}), json.RawMessage(`{"k009":"\u003c\u0026\u003e","k001":"\u003c\u0026\u003e"}`)},
		{object[string, int](true), json.RawMessage(`{}`)},
	} {
		compareEncodings(t, tc.got)
		got, err := bumpjson.Append(new(bump.Bump), nil, tc.got)
		want, werr := json.Marshal(tc.want)
		if err != nil || werr != nil || string(got) != string(want) {
			t.Errorf("%s: %s, %v; json.Marshal of %#v: %s, %v", describe(tc.got), got, err, tc.want, want, werr)
		}
	}
}

// TestBeginEncoderErrors checks that the errors of the elements, of keys
// that cannot name a member, and of misuse come back from End and from
// the encoding, wrapped as those of a MarshalJSON method.
func TestBeginEncoderErrors(t *testing.T) {
	_, nanErr := json.Marshal(math.NaN())
	//lint:ignore SA1026 the error is what is wanted
	_, keyErr := json.Marshal(map[[2]int]int{})
	_, failErr := json.Marshal(encFailing{})
	for _, tc := range []struct {
		v    appendFunc
		want string
	}{
		{array(1.0, math.NaN(), 2.0), nanErr.Error()},
		{array(encFailing{}), failErr.Error()},
		{array[any](make(chan int)), "unsupported type: chan int"},
		{object[[2]int, int](false), keyErr.Error()},
		{object(false, kv[string, float64]{"a", math.Inf(1)}), "unsupported value: +Inf"},
		{object(true, kv[[2]int, int]{[2]int{1, 2}, 3}), "unsupported type: [2]int"},
		{object(true, kv[string, encFailing]{"a", encFailing{}}), failErr.Error()},
		{object(false, kv[encTextKeyFails, int]{1, 1}), errEncFailing.Error()},
		{func(e *bumpjson.EncodeState) error {
			bumpjson.BeginArray[int](e)
			return nil
		}, "left an array or object open"},
		{func(e *bumpjson.EncodeState) error {
			arr := bumpjson.BeginArray[float64](e)
			arr.Add(1)
			arr.Add(math.Inf(-1))
			arr.End()
			return nil // the error ignored: the array is incomplete
		}, "unsupported value: -Inf"},
		{func(e *bumpjson.EncodeState) error {
			obj := bumpjson.BeginObject[string, int](e)
			obj.End()
			return bumpjson.EncodeString(e, "second")
		}, "encoded 2 values"},
	} {
		a := new(bump.Bump)
		out, err := bumpjson.Append(a, []byte("dst"), []any{tc.v})
		if _, ok := errors.AsType[*json.MarshalerError](err); !ok || !strings.Contains(err.Error(), tc.want) || string(out) != "dst" {
			t.Errorf("%q, %v; want a *json.MarshalerError containing %q and dst unchanged", out, err, tc.want)
		}
	}
}

// TestBeginEncoderMisuse checks that Add and End after End panic with a
// message that says so.
func TestBeginEncoderMisuse(t *testing.T) {
	for name, misuse := range map[string]func(e *bumpjson.EncodeState){
		"ArrayEncoder.Add": func(e *bumpjson.EncodeState) {
			arr := bumpjson.BeginArray[int](e)
			arr.End()
			arr.Add(1)
		},
		"ArrayEncoder.End": func(e *bumpjson.EncodeState) {
			arr := bumpjson.BeginArray[int](e)
			arr.End()
			arr.End()
		},
		"MapEncoder.Add": func(e *bumpjson.EncodeState) {
			obj := bumpjson.BeginMap[string, int](e)
			obj.End()
			obj.Add("a", 1)
		},
		"MapEncoder.End": func(e *bumpjson.EncodeState) {
			var obj bumpjson.MapEncoder[string, int]
			obj.End()
		},
	} {
		func() {
			defer func() {
				if r, _ := recover().(string); !strings.HasPrefix(r, "bumpjson: "+name+" without") {
					t.Errorf("%s: panic %q", name, r)
				}
			}()
			bumpjson.Append(nil, nil, appendFunc(func(e *bumpjson.EncodeState) error {
				misuse(e)
				return nil
			}))
		}()
	}
}
