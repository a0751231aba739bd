package bump_test

import (
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// typedGCMethods returns a case for every way a W gets into a Bump through
// a Typed handle or Append.
func typedGCMethods[W any](name string, wrap func(x *payload) W, read func(W) *payload) []gcCase {
	var zero W
	methods := []struct {
		name  string
		large bool
		store func(b *bump.Bump, w W) *W
	}{
		{"Typed.New", false, func(b *bump.Bump, w W) *W {
			p := bump.Of[W](b).New()
			*p = w
			return p
		}},
		{"Typed.Alloc", false, func(b *bump.Bump, w W) *W { return bump.Of[W](b).Alloc(w) }},
		{"Typed.TryAlloc", false, func(b *bump.Bump, w W) *W {
			p, err := bump.Of[W](b).TryAlloc(w)
			if err != nil {
				panic(err)
			}
			return p
		}},
		{"Typed.MakeSlice", false, func(b *bump.Bump, w W) *W {
			s := bump.Of[W](b).MakeSlice(3, 5)
			s[1] = w
			return &s[1]
		}},
		{"Typed.MakeSlice/large", true, func(b *bump.Bump, w W) *W {
			s := bump.Of[W](b).MakeSlice(40000, 40000) // a chunk of its own
			s[39999] = w
			return &s[39999]
		}},
		{"Append/heap", false, func(b *bump.Bump, w W) *W {
			s := bump.Append(b, make([]W, 1), w) // moves into the arena
			return &s[1]
		}},
		{"Append/grown", false, func(b *bump.Bump, w W) *W {
			var s []W
			for range 100 {
				s = bump.Append(b, s, zero)
			}
			s = bump.Append(b, s, w)
			return &s[len(s)-1]
		}},
	}
	var cases []gcCase
	for _, m := range methods {
		cases = append(cases, gcCase{name + "/" + m.name, func(t *testing.T, reset bool) {
			testGC(t, reset, m.large, wrap, read, m.store)
		}})
	}
	return cases
}

func typedGCCases() []gcCase {
	var cases []gcCase
	cases = append(cases, typedGCMethods("pointer",
		func(x *payload) *payload { return x },
		func(p *payload) *payload { return p })...)
	cases = append(cases, typedGCMethods("struct",
		func(x *payload) inStruct[*payload] { return inStruct[*payload]{a: 1, k: x, b: 2} },
		func(s inStruct[*payload]) *payload { return s.k })...)
	cases = append(cases, typedGCMethods("array",
		func(x *payload) inArray[*payload] { return inArray[*payload]{2: x} },
		func(a inArray[*payload]) *payload { return a[2] })...)
	cases = append(cases, typedGCMethods("string",
		func(x *payload) string { return unsafe.String((*byte)(unsafe.Pointer(x)), unsafe.Sizeof(*x)) },
		func(s string) *payload { return (*payload)(unsafe.Pointer(unsafe.StringData(s))) })...)
	cases = append(cases, typedGCMethods("slice",
		func(x *payload) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(x)), unsafe.Sizeof(*x)) },
		func(s []byte) *payload { return (*payload)(unsafe.Pointer(unsafe.SliceData(s))) })...)
	cases = append(cases, typedGCMethods("map",
		func(x *payload) map[int]*payload { return map[int]*payload{7: x} },
		func(m map[int]*payload) *payload { return m[7] })...)
	cases = append(cases, typedGCMethods("interface",
		func(x *payload) any { return x },
		func(v any) *payload { return v.(*payload) })...)
	cases = append(cases, typedGCMethods("func",
		func(x *payload) func() *payload { return func() *payload { return x } },
		func(f func() *payload) *payload { return f() })...)
	return cases
}

// TestTypedGCKeepsArenaReferents: a heap object referenced only from
// memory a Typed handle or Append handed out survives collections.
func TestTypedGCKeepsArenaReferents(t *testing.T) {
	for _, c := range typedGCCases() {
		t.Run(c.name, func(t *testing.T) { c.run(t, false) })
	}
}

// TestTypedGCAfterReset: after Reset that memory no longer keeps it.
func TestTypedGCAfterReset(t *testing.T) {
	for _, c := range typedGCCases() {
		t.Run(c.name, func(t *testing.T) { c.run(t, true) })
	}
}
