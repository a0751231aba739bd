package bumpjson_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/pqueue"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

// containerCases returns values holding bumpkit containers, each with a
// value of the standard types they replace that encoding/json encodes the
// same: the containers in a (nil: the Go heap).
func containerCases(a bump.Allocator) (cases []struct{ got, want any }) {
	add := func(got, want any) { cases = append(cases, struct{ got, want any }{got, want}) }
	words := []string{"b", "<a>", "c & d", "\u2028", "bad \xff", "é"}

	v := vec.From(a, words)
	add(v, words)
	add(vec.New[int](a), []int{})
	add((*vec.Vec[int])(nil), []int(nil))
	add(vec.From(a, []byte("bytes: base64")), []byte("bytes: base64"))
	add(vec.From(a, []float64{1.5, 1e21, math.Copysign(0, -1)}), []float64{1.5, 1e21, math.Copysign(0, -1)})

	d := deque.New[string](a)
	for i, w := range words { // wrapped around: front and back halves
		if i%2 == 0 {
			d.PushBack(w)
		} else {
			d.PushFront(w)
		}
	}
	add(d, slicesOf(d))
	db := deque.New[byte](a)
	for i := range 7 {
		db.PushFront(byte('a' + i))
		db.PushBack(byte('0' + i))
	}
	add(db, slicesOf(db))

	m := hashmap.New[string, int](a)
	gm := map[string]int{}
	for i, w := range words {
		m.Set(w, i)
		gm[w] = i
	}
	add(m, gm)
	mi := hashmap.New[int16, []string](a)
	gmi := map[int16][]string{}
	for i := range 40 {
		k := int16(i*37 - 500)
		mi.Set(k, words[:i%4])
		gmi[k] = words[:i%4]
	}
	add(mi, gmi)
	mt := hashmap.New[encKeyText, encRefVal](a)
	mt.Set(3, encRefVal{R0: 1})
	mt.Set(100, encRefVal{})
	add(mt, map[encKeyText]encRefVal{3: {R0: 1}, 100: {}})
	add(hashmap.New[float64, int](a), map[float64]int{}) // an unsupported key type
	mf := hashmap.New[float64, int](a)
	mf.Set(1, 1)
	add(mf, map[float64]int{1: 1})

	si := hashmap.NewSet[int](a)
	for _, n := range []int{10, -3, 9, 100, 0} {
		si.Add(n)
	}
	add(si, []int{-3, 0, 9, 10, 100})
	ss := hashmap.NewSet[string](a)
	for _, w := range words {
		ss.Add(w)
	}
	sorted := slices.Sorted(slices.Values(words))
	add(ss, sorted)
	sf := hashmap.NewSet[float32](a)
	for _, f := range []float32{2.5, float32(math.NaN()), -1} {
		sf.Add(f)
	}
	add(sf, nil) // NaN: an error, as for a []float32 holding one
	add(hashmap.NewSet[int](a), []int{})

	add(str.From(a, "a <string> & \"quotes\" \xff"), "a <string> & \"quotes\" \xff")
	add((*str.String)(nil), (*string)(nil))

	bm := btree.New[int, string](a)
	for i, w := range words {
		bm.Set(i*5, w) // in key order: 0, 5, 10 (encoding/json would sort "10" first)
	}
	add(bm, json.RawMessage(`{"0":"b","5":"\u003ca\u003e","10":"c \u0026 d","15":"\u2028","20":"bad \ufffd","25":"é"}`))
	bs := btree.NewSet[string](a)
	for _, w := range words {
		bs.Add(w)
	}
	add(bs, sorted)
	q := pqueue.New[string](a)
	for _, w := range words {
		q.Push(w)
	}
	add(q, sorted)

	// In structs: by value (addressable only through a pointer, as
	// encoding/json sees them) and by pointer, nested, in interfaces.
	type holder struct {
		V  vec.Vec[string]
		PV *vec.Vec[string]
		M  *hashmap.Map[string, int]
		S  str.String
		N  *vec.Vec[*vec.Vec[int]]
		I  any
		E  *deque.Deque[int] `json:",omitempty"`
	}
	type stdHolder struct {
		V  []string
		PV []string
		M  map[string]int
		S  string
		N  [][]int
		I  any
		E  []int `json:",omitempty"`
	}
	h := &holder{PV: v, M: m, N: vec.From(a, []*vec.Vec[int]{vec.From(a, []int{1}), nil, vec.New[int](a)}), I: v}
	h.V.Push("x")
	h.S.WriteString("s<")
	add(h, &stdHolder{V: []string{"x"}, PV: words, M: gm, S: "s<", N: [][]int{{1}, nil, {}}, I: words})
	// Unaddressable: the value fields with pointer methods are structs
	// with no exported fields. The copy is made through reflect, as
	// encoding/json sees it: the containers are not used through it.
	add(reflect.ValueOf(h).Elem().Interface(), json.RawMessage(`{"V":{},"PV":`+string(mustMarshal(words))+`,"M":`+string(mustMarshal(gm))+`,"S":{},"N":[[1],null,[]],"I":`+string(mustMarshal(words))+`}`))
	add([]*hashmap.Map[string, int]{m, nil}, []map[string]int{gm, nil})
	add(map[string]*vec.Vec[string]{"v": v}, map[string][]string{"v": words})

	// Errors of elements, wrapped as encoding/json wraps those of the
	// container's MarshalJSON.
	add(vec.From(a, []chan int{nil}), nil)
	add(vec.From(a, []encFailing{{}}), nil)
	add(vec.From(a, []float64{math.Inf(1)}), nil)
	add(&struct{ V *vec.Vec[encFailing] }{vec.From(a, []encFailing{{}})}, nil)
	add(hashmap.New[encTextKeyFails, int](a), map[encTextKeyFails]int{})
	mk := hashmap.New[encTextKeyFails, int](a)
	mk.Set(1, 1)
	add(mk, map[encTextKeyFails]int{1: 1})
	return cases
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// TestContainersEncode encodes bumpkit's containers through their
// AppendJSON (bumpjson) and their MarshalJSON (encoding/json) and
// compares with encoding/json's encoding of the standard types they
// replace, holding the same elements, with and without HTML escaping.
func TestContainersEncode(t *testing.T) {
	for _, arena := range []bool{false, true} {
		var a bump.Allocator
		if arena {
			a = new(bump.Bump)
		}
		for _, c := range containerCases(a) {
			// The Appender path and the MarshalJSON path agree (errors
			// included).
			compareEncodings(t, c.got)
			if c.want == nil {
				if _, err := bumpjson.Append(a, nil, c.got); err == nil {
					t.Errorf("%s: no error", describe(c.got))
				}
				continue
			}
			for _, html := range []bool{true, false} {
				var want, got bytes.Buffer
				wenc := json.NewEncoder(&want)
				wenc.SetEscapeHTML(html)
				werr := wenc.Encode(c.want)
				genc := bumpjson.NewEncoder(a, &got)
				genc.SetEscapeHTML(html)
				gerr := genc.Encode(c.got)
				if raw, ok := c.want.(json.RawMessage); ok && werr == nil {
					// Written out above, escaped.
					want.Reset()
					want.Write(raw)
					want.WriteByte('\n')
					if !html {
						continue
					}
				}
				if (gerr != nil) != (werr != nil) || werr == nil && got.String() != want.String() {
					t.Errorf("%s (arena %v, SetEscapeHTML(%v)):\nbumpjson:      %s %v\nencoding/json: %s %v", describe(c.got), arena, html, got.String(), gerr, want.String(), werr)
				}
			}
		}
	}
}

// TestContainersMarshalJSON checks the containers' MarshalJSON as
// encoding/json's Encoder calls it: HTML escaped or not as it is set.
func TestContainersMarshalJSON(t *testing.T) {
	v := vec.From(nil, []string{"<&>"})
	for _, tc := range []struct {
		html bool
		want string
	}{{true, `["\u003c\u0026\u003e"]` + "\n"}, {false, `["<&>"]` + "\n"}} {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(tc.html)
		if err := enc.Encode(v); err != nil || b.String() != tc.want {
			t.Errorf("SetEscapeHTML(%v): %q, %v; want %q", tc.html, b.String(), err, tc.want)
		}
	}
	if b, err := v.MarshalJSON(); err != nil || string(b) != `["<&>"]` {
		t.Errorf("MarshalJSON: %s, %v", b, err)
	}
}

// misbehaving appenders encode no value, or two.
type (
	appendsNothing struct{}
	appendsTwo     struct{}
)

func (appendsNothing) MarshalJSON() ([]byte, error) { return []byte("null"), nil }
func (appendsNothing) AppendJSON(*bumpjson.EncodeState) error {
	return nil
}
func (appendsTwo) MarshalJSON() ([]byte, error) { return []byte("null"), nil }
func (appendsTwo) AppendJSON(e *bumpjson.EncodeState) error {
	bumpjson.EncodeString(e, "one")
	return bumpjson.EncodeString(e, "two")
}

// TestAppenderContract checks that an AppendJSON encoding other than one
// value is an error rather than invalid JSON, and that the EncodeState
// cannot be used outside AppendJSON.
func TestAppenderContract(t *testing.T) {
	a := new(bump.Bump)
	for _, v := range []any{appendsNothing{}, []any{appendsTwo{}}} {
		out, err := bumpjson.Append(a, nil, v)
		if _, ok := errors.AsType[*json.MarshalerError](err); !ok || !strings.Contains(err.Error(), "AppendJSON encoded") {
			t.Errorf("%T: %q, %v; want an error", v, out, err)
		}
	}
	if _, err := bumpjson.MarshalAppender(appendsTwo{}); err == nil {
		t.Error("MarshalAppender of two values: no error")
	}
	var kept *bumpjson.EncodeState
	_, err := bumpjson.Append(a, nil, keeper{&kept})
	if err != nil || kept == nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "outside an AppendJSON method") {
			t.Errorf("using an EncodeState after its AppendJSON: %v", r)
		}
	}()
	bumpjson.EncodeString(kept, "late") //bumpvet:ignore the misuse is what is tested
}

type keeper struct{ p **bumpjson.EncodeState }

func (keeper) MarshalJSON() ([]byte, error) { return []byte(`""`), nil }
func (k keeper) AppendJSON(e *bumpjson.EncodeState) error {
	*k.p = e
	return bumpjson.EncodeString(e, "")
}

// TestAppendInPlace checks that Append grows dst in place in an arena,
// and leaves it as it was on error.
func TestAppendInPlace(t *testing.T) {
	a := new(bump.Bump)
	dst, _ := bump.AllocateSlice[byte](a, 8)
	copy(dst, "prefix: ")
	out, err := bumpjson.Append(a, dst, strings.Repeat("x", 100))
	if err != nil || &out[0] != &dst[0] || string(out[:8]) != "prefix: " {
		t.Errorf("Append did not grow dst in place: %v", err)
	}
	out2, err := bumpjson.Append(a, out, []any{strings.Repeat("y", 10000), make(chan int)})
	if err == nil || &out2[0] != &out[0] || len(out2) != len(out) || string(out2) != string(out) {
		t.Errorf("a failed Append returned %d bytes, %v", len(out2), err)
	}
	a.SetAllocationLimit(a.AllocatedBytes() + 1024)
	out3, err := bumpjson.Append(a, out, strings.Repeat("z", 1<<20))
	if !errors.Is(err, bump.ErrAllocationLimit) || len(out3) != len(out) {
		t.Errorf("Append past the allocation limit: %d bytes, %v", len(out3), err)
	}
}
