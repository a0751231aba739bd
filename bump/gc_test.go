package bump_test

import (
	"reflect"
	"runtime"
	"slices"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// payload is the heap object the GC tests watch. It is pointer-free and
// 64 bytes, so that it is an object of its own (not packed with others by
// the tiny allocator) and can be viewed as bytes for the string and
// slice kinds.
type payload struct {
	tag int
	_   [56]byte
}

// inStruct and inArray wrap a pointer-holding K between other data.
type inStruct[K any] struct {
	a int
	k K
	b float64
}

type inArray[K any] [3]K

// A gcCase plants a heap object in arena memory in one way, for one kind
// of pointer-holding type.
type gcCase struct {
	name string
	run  func(t *testing.T, reset bool)
}

// gcKind returns the cases for K, a pointer-holding type that can refer to
// a payload: wrap makes a K that refers to x, read gets x back.
func gcKind[K any](name string, wrap func(x *payload) K, read func(K) *payload) []gcCase {
	var cases []gcCase
	cases = append(cases, gcMethods(name, wrap, read)...)
	cases = append(cases, gcMethods(name+"/struct",
		func(x *payload) inStruct[K] { return inStruct[K]{a: 1, k: wrap(x), b: 2} },
		func(s inStruct[K]) *payload { return read(s.k) })...)
	cases = append(cases, gcMethods(name+"/array",
		func(x *payload) inArray[K] {
			var a inArray[K]
			a[1] = wrap(x)
			return a
		},
		func(a inArray[K]) *payload { return read(a[1]) })...)
	return cases
}

// gcMethods returns a case for every way a W can get into a Bump.
func gcMethods[W any](name string, wrap func(x *payload) W, read func(W) *payload) []gcCase {
	var zero W
	methods := []struct {
		name  string
		store func(b *bump.Bump, w W) *W
	}{
		{"New", func(b *bump.Bump, w W) *W {
			p := bump.New[W](b)
			*p = w
			return p
		}},
		{"Alloc", func(b *bump.Bump, w W) *W { return bump.Alloc(b, w) }},
		{"MakeSlice", func(b *bump.Bump, w W) *W {
			s := bump.MakeSlice[W](b, 3, 5)
			s[1] = w
			return &s[1]
		}},
		{"CopySlice", func(b *bump.Bump, w W) *W { return &bump.CopySlice(b, []W{zero, w})[1] }},
		{"FillSlice", func(b *bump.Bump, w W) *W { return &bump.FillSlice(b, 2, w)[1] }},
		{"SliceFunc", func(b *bump.Bump, w W) *W {
			return &bump.SliceFunc(b, 2, func(i int) W {
				if i == 1 {
					return w
				}
				return zero
			})[1]
		}},
		{"Collect", func(b *bump.Bump, w W) *W { return &bump.Collect(b, slices.Values([]W{zero, w, zero}))[1] }},
		{"AllocateSlice", func(b *bump.Bump, w W) *W {
			s, err := bump.AllocateSlice[W](b, 2)
			if err != nil {
				panic(err)
			}
			s[1] = w
			return &s[1]
		}},
		{"ResizeSlice", func(b *bump.Bump, w W) *W {
			s, err := bump.AllocateSlice[W](b, 2)
			if err != nil {
				panic(err)
			}
			s[1] = w
			bump.New[W](b) // so that s must move
			s, err = bump.ResizeSlice(b, s, 100)
			if err != nil {
				panic(err)
			}
			return &s[1]
		}},
		{"Allocator", func(b *bump.Bump, w W) *W {
			// Through an Allocator implemented outside the package.
			a := &countingAllocator{inner: b, failAfter: -1}
			s, err := bump.AllocateSlice[W](a, 3)
			if err != nil {
				panic(err)
			}
			s[1] = w
			return &s[1]
		}},
		{"large", func(b *bump.Bump, w W) *W {
			s := bump.MakeSlice[W](b, 40000, 40000) // a chunk of its own
			s[39999] = w
			return &s[39999]
		}},
	}
	var cases []gcCase
	for _, m := range methods {
		cases = append(cases, gcCase{name + "/" + m.name, func(t *testing.T, reset bool) {
			testGC(t, reset, m.name == "large", wrap, read, m.store)
		}})
	}
	return cases
}

func gcCases() []gcCase {
	var cases []gcCase
	cases = append(cases, gcKind("pointer",
		func(x *payload) *payload { return x },
		func(p *payload) *payload { return p })...)
	cases = append(cases, gcKind("unsafe.Pointer",
		func(x *payload) unsafe.Pointer { return unsafe.Pointer(x) },
		func(p unsafe.Pointer) *payload { return (*payload)(p) })...)
	cases = append(cases, gcKind("string",
		func(x *payload) string { return unsafe.String((*byte)(unsafe.Pointer(x)), unsafe.Sizeof(*x)) },
		func(s string) *payload { return (*payload)(unsafe.Pointer(unsafe.StringData(s))) })...)
	cases = append(cases, gcKind("slice",
		func(x *payload) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(x)), unsafe.Sizeof(*x)) },
		func(s []byte) *payload { return (*payload)(unsafe.Pointer(unsafe.SliceData(s))) })...)
	cases = append(cases, gcKind("map",
		func(x *payload) map[int]*payload { return map[int]*payload{7: x} },
		func(m map[int]*payload) *payload { return m[7] })...)
	cases = append(cases, gcKind("interface",
		func(x *payload) any { return x },
		func(v any) *payload { return v.(*payload) })...)
	cases = append(cases, gcKind("func",
		func(x *payload) func() *payload { return func() *payload { return x } },
		func(f func() *payload) *payload { return f() })...)
	cases = append(cases, gcKind("chan",
		func(x *payload) chan *payload {
			c := make(chan *payload, 1)
			c <- x
			return c
		},
		func(c chan *payload) *payload {
			x := <-c
			c <- x
			return x
		})...)
	return cases
}

// TestGCKeepsArenaReferents proves the one rule: a heap object referenced
// only from arena memory survives garbage collections, for every kind of
// pointer-holding type and every way of allocating it.
func TestGCKeepsArenaReferents(t *testing.T) {
	for _, c := range gcCases() {
		t.Run(c.name, func(t *testing.T) { c.run(t, false) })
	}
}

// TestGCAfterReset proves the converse: Reset clears typed memory, so
// objects referenced only from it become collectable.
func TestGCAfterReset(t *testing.T) {
	for _, c := range gcCases() {
		t.Run(c.name, func(t *testing.T) { c.run(t, true) })
	}
}

var gcTag = 1

func testGC[W any](t *testing.T, reset, large bool, wrap func(*payload) W, read func(W) *payload, store func(*bump.Bump, W) *W) {
	var b bump.Bump
	gcTag++
	tag := gcTag
	loc, w := plant(&b, tag, wrap, store)
	if reset {
		b.Reset()
		if large {
			// Reset drops large chunks instead of zeroing them: only a
			// stale pointer such as loc could still reach them.
			loc = nil
		} else if !bump.CheckedBuild { // which poisons scalars: see debug_test.go
			require.True(t, reflect.ValueOf(loc).Elem().IsZero(), "Reset zeroes the value")
		}
		for i := 0; i < 10 && w.Value() != nil; i++ {
			runtime.GC()
		}
		require.Nil(t, w.Value(), "the arena still refers to the object after Reset")
		return
	}
	for range 4 {
		churn(&b, wrap)
		runtime.GC()
	}
	x := w.Value()
	require.NotNil(t, x, "the object referenced from the arena was collected")
	require.Equal(t, tag, x.tag)
	require.Same(t, x, read(*loc))
	runtime.KeepAlive(&b)
}

// plant stores, through store, a reference to a new payload, and returns
// where it is stored and a weak pointer to the payload. It is not inlined
// so that no strong reference to the payload stays on the test's stack.
//
//go:noinline
func plant[W any](b *bump.Bump, tag int, wrap func(*payload) W, store func(*bump.Bump, W) *W) (*W, weak.Pointer[payload]) {
	x := &payload{tag: tag}
	return store(b, wrap(x)), weak.Make(x)
}

// churn allocates a lot, in the arena and on the heap, so that the
// collector runs with chunks being added and values of the same type
// around the watched one.
func churn[W any](b *bump.Bump, wrap func(*payload) W) {
	for i := range 300 {
		*bump.New[W](b) = wrap(&payload{tag: -1})
		bump.MakeSlice[W](b, 2, 2)[1] = wrap(&payload{tag: -1})
		bump.Alloc(b, node{a: int64(i)})
		bump.String(b, "churn")
		bump.MakeSlice[any](b, 1, 4)[0] = i
		_ = make([]*int, 100)
	}
}
