package bump_test

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// A span is the memory of one allocation, for the alignment and overlap
// checks.
type span struct {
	what       string
	addr, size uintptr
	align      uintptr
}

func spanOf[T any](what string, s []T) span {
	var zero T
	return span{what, uintptr(unsafe.Pointer(unsafe.SliceData(s))), uintptr(cap(s)) * unsafe.Sizeof(zero), unsafe.Alignof(zero)}
}

// An allocKind allocates values of one Go type in every way the package
// offers, and reports their spans.
type allocKind struct {
	name  string
	align uintptr
	alloc func(b *bump.Bump, i int) []span
}

func kindOf[T any]() allocKind {
	var zero T
	name := reflect.TypeFor[T]().String()
	return allocKind{
		name:  name,
		align: unsafe.Alignof(zero),
		alloc: func(b *bump.Bump, i int) []span {
			a, err := bump.AllocateSlice[T](b, i%5+1)
			if err != nil {
				panic(err)
			}
			return []span{
				spanOf("New", unsafe.Slice(bump.New[T](b), 1)),
				spanOf("Alloc", unsafe.Slice(bump.Alloc(b, zero), 1)),
				spanOf("MakeSlice", bump.MakeSlice[T](b, i%3, i%7+3)),
				spanOf("CopySlice", bump.CopySlice(b, make([]T, i%4+1))),
				spanOf("FillSlice", bump.FillSlice(b, i%3+1, zero)),
				spanOf("Collect", bump.Collect(b, slices.Values(make([]T, i%9+1)))),
				spanOf("AllocateSlice", a),
			}
		},
	}
}

type (
	//lint:ignore U1000 the fields give the type its layout; only the layout is tested
	oddStruct    struct{ a byte }
	paddedStruct struct {
		a byte
		b int64
		c byte
	}
	ptrStruct struct {
		a byte
		p *int
	}
	stringStruct struct {
		//lint:ignore U1000 the fields give the type its layout; only the layout is tested
		a int32
		//lint:ignore U1000 the fields give the type its layout; only the layout is tested
		s string
	}
	nestedStruct struct {
		//lint:ignore U1000 the fields give the type its layout; only the layout is tested
		x [3]oddStruct
		//lint:ignore U1000 the fields give the type its layout; only the layout is tested
		y struct {
			m map[string]int
			f func()
		}
	}
	bigBytes [40000]int64 // over the large-request threshold
	bigPtrs  [40000]*int
)

// allKinds covers every kind of Go type, pointer-free and pointer-holding,
// zero-size and large.
var allKinds = []allocKind{
	kindOf[bool](), kindOf[int8](), kindOf[uint8](), kindOf[int16](), kindOf[uint16](),
	kindOf[int32](), kindOf[uint32](), kindOf[int64](), kindOf[uint64](), kindOf[int](),
	kindOf[uint](), kindOf[uintptr](), kindOf[float32](), kindOf[float64](),
	kindOf[complex64](), kindOf[complex128](),
	kindOf[string](), kindOf[*int](), kindOf[[]int](), kindOf[map[int]int](), kindOf[any](),
	kindOf[error](), kindOf[func()](), kindOf[chan int](), kindOf[unsafe.Pointer](),
	kindOf[[3]byte](), kindOf[[5]int16](), kindOf[[2]*int](), kindOf[[0]int](), kindOf[[0]*int](),
	kindOf[struct{}](), kindOf[oddStruct](), kindOf[paddedStruct](), kindOf[ptrStruct](),
	kindOf[stringStruct](), kindOf[nestedStruct](), kindOf[[1000]byte](), kindOf[[100]string](),
}

var bigKinds = []allocKind{kindOf[bigBytes](), kindOf[bigPtrs]()}

func alignedBytesSpans(b *bump.Bump, i int) []span {
	var spans []span
	for align := 1; align <= 4096; align *= 2 {
		s := bump.AlignedBytes(b, i%17+1, align)
		spans = append(spans, span{fmt.Sprintf("AlignedBytes(%d)", align), uintptr(unsafe.Pointer(unsafe.SliceData(s))), uintptr(cap(s)), uintptr(align)})
	}
	return spans
}

func stringSpans(b *bump.Bump, i int) []span {
	s := bump.String(b, strings.Repeat("x", i%13+1))
	by := bump.Bytes(b, i%11+1)
	return []span{
		{"String", uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(len(s)), 1},
		spanOf("Bytes", by),
	}
}

func requireAligned(t *testing.T, spans []span) {
	t.Helper()
	for _, s := range spans {
		require.Zerof(t, s.addr%s.align, "%s at %#x is not aligned to %d", s.what, s.addr, s.align)
	}
}

// requireDisjoint checks that no two allocations share a byte.
func requireDisjoint(t *testing.T, spans []span) {
	t.Helper()
	spans = slices.DeleteFunc(slices.Clone(spans), func(s span) bool { return s.size == 0 })
	slices.SortFunc(spans, func(a, b span) int { return int(a.addr - b.addr) })
	for i := 1; i < len(spans); i++ {
		p, s := spans[i-1], spans[i]
		require.LessOrEqualf(t, p.addr+p.size, s.addr, "%s [%#x+%d] overlaps %s [%#x+%d]", p.what, p.addr, p.size, s.what, s.addr, s.size)
	}
}

func TestAlignment(t *testing.T) {
	for i, k := range append(allKinds, bigKinds...) {
		t.Run(k.name, func(t *testing.T) {
			var b bump.Bump
			rounds := 40
			if i >= len(allKinds) {
				rounds = 3
			}
			for i := range rounds {
				// Leave the offset odd so that nothing is aligned by luck.
				bump.String(&b, "x")
				spans := k.alloc(&b, i)
				for _, s := range spans {
					require.Equal(t, k.align, s.align, s.what)
				}
				requireAligned(t, spans)
			}
		})
	}
	t.Run("AlignedBytes", func(t *testing.T) {
		var b bump.Bump
		for i := range 200 {
			bump.String(&b, "x")
			requireAligned(t, alignedBytesSpans(&b, i))
		}
	})
	t.Run("AlignedBytesLarge", func(t *testing.T) {
		var b bump.Bump
		for _, align := range []int{1, 64, 4096, 1 << 16, 1 << 20} {
			s := bump.AlignedBytes(&b, 300<<10, align)
			require.Len(t, s, 300<<10)
			require.Zero(t, uintptr(unsafe.Pointer(&s[0]))%uintptr(align))
		}
	})
}

func TestNoOverlap(t *testing.T) {
	var b bump.Bump
	var spans []span
	for i := range 60 {
		for _, k := range allKinds {
			spans = append(spans, k.alloc(&b, i)...)
		}
		spans = append(spans, alignedBytesSpans(&b, i)...)
		spans = append(spans, stringSpans(&b, i)...)
		if i%20 == 0 {
			for _, k := range bigKinds {
				spans = append(spans, k.alloc(&b, i)...)
			}
		}
	}
	requireAligned(t, spans)
	requireDisjoint(t, spans)
	requireChunksAccounted(t, &b)
}

type growthCase struct {
	name string
	// run allocates the i'th value and returns a check that it is intact.
	run func(b *bump.Bump, i int) func() bool
}

var growthCases = []growthCase{
	{"New/int64", func(b *bump.Bump, i int) func() bool {
		p := bump.New[int64](b)
		*p = int64(i) * 7
		return func() bool { return *p == int64(i)*7 }
	}},
	{"Alloc/paddedStruct", func(b *bump.Bump, i int) func() bool {
		v := paddedStruct{byte(i), int64(i), byte(i >> 8)}
		p := bump.Alloc(b, v)
		return func() bool { return *p == v }
	}},
	{"Alloc/ptrStruct", func(b *bump.Bump, i int) func() bool {
		x := i
		p := bump.Alloc(b, ptrStruct{byte(i), &x})
		return func() bool { return p.a == byte(i) && *p.p == i }
	}},
	{"String", func(b *bump.Bump, i int) func() bool {
		want := fmt.Sprint("value-", i)
		s := bump.String(b, want)
		return func() bool { return s == want }
	}},
	{"MakeSlice/int32", func(b *bump.Bump, i int) func() bool {
		s := bump.MakeSlice[int32](b, i%50+1, i%50+10)
		for j := range s {
			s[j] = int32(i + j)
		}
		return func() bool {
			for j := range s {
				if s[j] != int32(i+j) {
					return false
				}
			}
			return true
		}
	}},
	{"SliceFunc/string", func(b *bump.Bump, i int) func() bool {
		s := bump.SliceFunc(b, i%5+1, func(j int) string { return fmt.Sprint(i, j) })
		return func() bool {
			for j := range s {
				if s[j] != fmt.Sprint(i, j) {
					return false
				}
			}
			return true
		}
	}},
	{"Collect/map", func(b *bump.Bump, i int) func() bool {
		s := bump.Collect(b, func(yield func(map[int]int) bool) {
			for j := range i%6 + 1 {
				if !yield(map[int]int{i: j}) {
					return
				}
			}
		})
		return func() bool {
			for j, m := range s {
				if !maps.Equal(m, map[int]int{i: j}) {
					return false
				}
			}
			return len(s) == i%6+1
		}
	}},
	{"Bytes/large", func(b *bump.Bump, i int) func() bool {
		if i%500 != 0 {
			return func() bool { return true }
		}
		s := bump.Bytes(b, 300<<10)
		s[0], s[len(s)-1] = byte(i), byte(i>>8)
		return func() bool { return s[0] == byte(i) && s[len(s)-1] == byte(i>>8) }
	}},
}

func TestContentsSurviveGrowth(t *testing.T) {
	for _, c := range growthCases {
		t.Run(c.name, func(t *testing.T) {
			var b bump.Bump
			var checks []func() bool
			for i := range 5000 {
				checks = append(checks, c.run(&b, i))
			}
			chunks := 0
			for range b.Chunks() {
				chunks++
			}
			require.Greater(t, chunks, 3, "the test should cross into new chunks")
			for i, ok := range checks {
				require.Truef(t, ok(), "value %d changed", i)
			}
			requireChunksAccounted(t, &b)
		})
	}
	t.Run("all interleaved", func(t *testing.T) {
		var b bump.Bump
		var checks []func() bool
		for i := range 3000 {
			for _, c := range growthCases {
				checks = append(checks, c.run(&b, i))
			}
		}
		for i, ok := range checks {
			require.Truef(t, ok(), "value %d (%s) changed", i, growthCases[i%len(growthCases)].name)
		}
	})
}

func TestChunks(t *testing.T) {
	var b bump.Bump
	for range 10000 {
		bump.New[int64](&b)
		bump.New[*int](&b)
	}
	bump.Bytes(&b, 1<<20)
	bump.MakeSlice[string](&b, 100000, 100000)

	var bytes, typed, large int
	for c := range b.Chunks() {
		switch {
		case c.Large:
			large++
			require.Equal(t, c.Capacity, c.Used)
		case c.Elem == nil:
			bytes++
		default:
			typed++
			require.Contains(t, []reflect.Type{reflect.TypeFor[*int](), reflect.TypeFor[string]()}, c.Elem)
		}
	}
	require.Greater(t, bytes, 1)
	require.Greater(t, typed, 1)
	require.Equal(t, 2, large)
	requireChunksAccounted(t, &b)

	n := 0
	for range b.Chunks() {
		n++
		break
	}
	require.Equal(t, 1, n, "Chunks stops when yield returns false")
}
