package bump_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/inlinetest"
	"github.com/stretchr/testify/require"
)

// TestTypedInlines builds testdata/inline, which calls every fast path of
// Typed for a pointer-free and a pointer-holding type, with -gcflags=-m
// and checks that the compiler inlined each call, and the window's fast
// path inside it, into the caller.
func TestTypedInlines(t *testing.T) {
	report := inlinetest.Build(t, "./testdata/inline")
	shapes := map[string]string{
		"small": "go.shape.struct { main.a int64; main.b int64; main.c int64 }",
		"node":  "go.shape.struct { main.next *main.node; main.a int64; main.b int64 }",
	}
	fastPaths := map[string]string{
		"New": "take", "TryNew": "tryTake", "Alloc": "put", "TryAlloc": "tryPut",
		"MakeSlice": "takeN", "TryMakeSlice": "tryTakeN",
	}
	for _, shape := range shapes {
		for method, window := range fastPaths {
			report.RequireInlined(t, "main.go", "bump.(*Typed["+shape+"])."+method, "bump.(*window["+shape+"])."+window)
		}
	}
}

// typedSpans allocates values of T in every way a handle offers, writes a
// pattern into each through set, and returns their spans and a check that
// they still hold the pattern. The pattern stays below 256, so that it
// fits in a byte.
func typedSpans[T any](b *bump.Bump, round int, set func(*T, int), get func(*T) int) ([]span, func() error) {
	i := round % 200
	h := bump.Of[T](b)
	p1 := h.New()
	set(p1, i)
	var v T
	set(&v, i+1)
	p2 := h.Alloc(v)
	p3, err := h.TryNew()
	if err != nil {
		panic(err)
	}
	set(p3, i+2)
	p4, err := h.TryAlloc(v)
	if err != nil {
		panic(err)
	}
	s1 := h.MakeSlice(i%3+1, i%5+3)
	set(&s1[0], i+3)
	s2, err := h.TryMakeSlice(1, i%4+1)
	if err != nil {
		panic(err)
	}
	set(&s2[0], i+4)
	spans := []span{
		spanOf("Typed.New", unsafe.Slice(p1, 1)), spanOf("Typed.Alloc", unsafe.Slice(p2, 1)),
		spanOf("Typed.TryNew", unsafe.Slice(p3, 1)), spanOf("Typed.TryAlloc", unsafe.Slice(p4, 1)),
		spanOf("Typed.MakeSlice", s1), spanOf("Typed.TryMakeSlice", s2),
	}
	check := func() error {
		for k, got := range []int{get(p1), get(p2), get(p3), get(p4), get(&s1[0]), get(&s2[0])} {
			want := []int{i, i + 1, i + 2, i + 1, i + 3, i + 4}[k]
			if got != want {
				return fmt.Errorf("allocation %d of round %d holds %d, want %d", k, round, got, want)
			}
		}
		return nil
	}
	return spans, check
}

type typedCase struct {
	name  string
	spans func(b *bump.Bump, i int) ([]span, func() error)
}

func typedCaseOf[T any](name string, set func(*T, int), get func(*T) int) typedCase {
	return typedCase{name, func(b *bump.Bump, i int) ([]span, func() error) { return typedSpans(b, i, set, get) }}
}

// typedCases cover pointer-free and pointer-holding types, small and big
// (a window of one value, and values too big for any window).
var typedCases = []typedCase{
	typedCaseOf("int64", func(p *int64, i int) { *p = int64(i) }, func(p *int64) int { return int(*p) }),
	typedCaseOf("small", func(p *small, i int) { p.b = int64(i) }, func(p *small) int { return int(p.b) }),
	typedCaseOf("byte", func(p *byte, i int) { *p = byte(i) }, func(p *byte) int { return int(*p) }),
	typedCaseOf("[3]byte", func(p *[3]byte, i int) { p[2] = byte(i) }, func(p *[3]byte) int { return int(p[2]) }),
	typedCaseOf("node", func(p *node, i int) { p.a = int64(i) }, func(p *node) int { return int(p.a) }),
	typedCaseOf("string", func(p *string, i int) { *p = fmt.Sprint(i) }, atoi),
	typedCaseOf("*int", func(p **int, i int) { *p = &i }, func(p **int) int { return **p }),
	typedCaseOf("[1000]byte", func(p *[1000]byte, i int) { p[999] = byte(i) }, func(p *[1000]byte) int { return int(p[999]) }),
	typedCaseOf("[10000]*int", func(p *[10000]*int, i int) { p[9999] = &i }, func(p *[10000]*int) int { return *p[9999] }),
	typedCaseOf("bigBytes", func(p *bigBytes, i int) { p[1] = int64(i) }, func(p *bigBytes) int { return int(p[1]) }),
}

// TestTypedSharesTheArena mixes every handle method with the Bump's own
// allocations of the same and other types, across many windows and
// chunks: nothing overlaps, every value keeps its contents, and the
// chunks add up to AllocatedBytes.
func TestTypedSharesTheArena(t *testing.T) {
	var b bump.Bump
	var spans []span
	var checks []func() error
	for i := range 300 {
		for _, c := range typedCases {
			if strings.Contains(c.name, "big") && i%50 != 0 || strings.Contains(c.name, "10000") && i%10 != 0 {
				continue
			}
			s, check := c.spans(&b, i)
			spans = append(spans, s...)
			checks = append(checks, func() error {
				if err := check(); err != nil {
					return fmt.Errorf("%s: %w", c.name, err)
				}
				return nil
			})
		}
		for _, k := range allKinds[i%len(allKinds):][:1] {
			spans = append(spans, k.alloc(&b, i)...)
		}
		spans = append(spans, stringSpans(&b, i)...)
	}
	for _, check := range checks {
		require.NoError(t, check())
	}
	requireAligned(t, spans)
	requireDisjoint(t, spans)
	requireChunksAccounted(t, &b)
}

func TestOfReturnsTheSameHandle(t *testing.T) {
	var b, other bump.Bump
	require.Same(t, bump.Of[small](&b), bump.Of[small](&b))
	require.Same(t, bump.Of[node](&b), bump.Of[node](&b))
	require.Same(t, bump.Of[struct{}](&b), bump.Of[struct{}](&b))
	require.NotSame(t, bump.Of[small](&b), bump.Of[small](&other))
	// More types than the handle cache holds: each keeps its handle.
	handles := []any{
		bump.Of[int8](&b), bump.Of[int16](&b), bump.Of[int32](&b), bump.Of[int64](&b),
		bump.Of[uint8](&b), bump.Of[uint16](&b), bump.Of[uint32](&b), bump.Of[uint64](&b),
		bump.Of[string](&b), bump.Of[*int](&b), bump.Of[[]int](&b), bump.Of[any](&b),
	}
	again := []any{
		bump.Of[int8](&b), bump.Of[int16](&b), bump.Of[int32](&b), bump.Of[int64](&b),
		bump.Of[uint8](&b), bump.Of[uint16](&b), bump.Of[uint32](&b), bump.Of[uint64](&b),
		bump.Of[string](&b), bump.Of[*int](&b), bump.Of[[]int](&b), bump.Of[any](&b),
	}
	for i := range handles {
		require.Equal(t, handles[i], again[i])
	}
	h := bump.Of[small](&b)
	h.New()
	b.Reset()
	require.Same(t, h, bump.Of[small](&b), "a handle survives Reset")
}

// TestTypedReset checks that Reset frees and zeroes what handles
// allocated, that the next round reuses the memory, and that handles keep
// working.
func TestTypedReset(t *testing.T) {
	var b bump.Bump
	hs, hn := bump.Of[small](&b), bump.Of[node](&b)
	round := func(tag int) (first *small, firstNode *node, all []*small, nodes []*node) {
		for i := range 2000 {
			p := hs.New()
			require.Equal(t, small{}, *p, "a new value is zero")
			*p = small{int64(tag), int64(i), 1}
			n := hn.New()
			require.Equal(t, node{}, *n)
			*n = node{next: n, a: int64(tag)}
			all, nodes = append(all, p), append(nodes, n)
		}
		return all[0], nodes[0], all, nodes
	}
	var held int
	for r := range 5 {
		_, _, all, nodes := round(r)
		for i, p := range all {
			require.Equal(t, small{int64(r), int64(i), 1}, *p)
			require.Equal(t, int64(r), nodes[i].a)
		}
		requireChunksAccounted(t, &b)
		b.Reset()
		if r > 2 && !bump.CheckedBuild { // which protects released memory instead
			// In the steady state one chunk of each kind holds the round,
			// and Reset keeps and zeroes it (it releases other chunks).
			for i := range all {
				require.Equal(t, small{}, *all[i], "Reset zeroes a handle's values")
				require.Equal(t, node{}, *nodes[i])
			}
		}
		if r == 2 {
			held = b.AllocatedBytes()
		}
		if r > 2 && !bump.CheckedBuild { // which quarantines released chunks
			require.Equal(t, held, b.AllocatedBytes(), "steady state: rounds reuse the kept chunks")
		}
	}
}

// TestTypedResetTo checks that ResetTo frees and zeroes exactly what a
// handle allocated after the checkpoint, in the run that was current at
// the checkpoint and in the runs taken after it, and that the memory is
// handed out again.
func TestTypedResetTo(t *testing.T) {
	for _, before := range []int{0, 1, 3, 100, 5000} {
		for _, after := range []int{1, 2, 50, 3000} {
			t.Run(fmt.Sprint(before, "/", after), func(t *testing.T) {
				testTypedResetTo[small](t, before, after, func(p *small, i int) { p.a = int64(i) + 1 }, func(p *small) int { return int(p.a) - 1 })
				testTypedResetTo[node](t, before, after, func(p *node, i int) { p.next, p.a = p, int64(i)+1 }, func(p *node) int { return int(p.a) - 1 })
			})
		}
	}
}

func testTypedResetTo[T comparable](t *testing.T, before, after int, set func(*T, int), get func(*T) int) {
	var b bump.Bump
	h := bump.Of[T](&b)
	var old []*T
	for i := range before {
		p := h.New()
		set(p, i)
		old = append(old, p)
	}
	cp := b.Checkpoint()
	for round := range 3 {
		var fresh []*T
		seen := map[*T]bool{}
		for i := range after {
			var p *T
			if i%2 == 0 {
				p = h.New()
			} else {
				p = &h.MakeSlice(1, 2)[0]
			}
			var zero T
			require.Equal(t, zero, *p, "round %d: value %d handed out after ResetTo is not zero", round, i)
			set(p, i)
			fresh = append(fresh, p)
			seen[p] = true
		}
		for _, p := range old {
			require.False(t, seen[p], "an allocation from before the checkpoint was handed out again")
		}
		requireChunksAccounted(t, &b)
		require.NoError(t, b.ResetTo(cp))
		for i, p := range old {
			require.Equal(t, i, get(p), "a value from before the checkpoint changed")
		}
		if bump.CheckedBuild { // which protects or poisons released memory
			continue
		}
		var zero T
		for i, p := range fresh {
			require.Equal(t, zero, *p, "value %d allocated after the checkpoint is not zeroed", i)
		}
	}
}

// TestTypedCheckpointBeforeOf covers a handle made after a checkpoint:
// ResetTo drops all its windows.
func TestTypedCheckpointBeforeOf(t *testing.T) {
	var b bump.Bump
	bump.New[int](&b)
	cp := b.Checkpoint()
	p := bump.Of[small](&b).New()
	n := bump.Of[node](&b).New()
	p.a, n.a = 7, 7
	require.NoError(t, b.ResetTo(cp))
	if bump.CheckedBuild { // which protects released memory instead of reusing it
		return
	}
	//bumpvet:ignore reads the released memory to check that ResetTo zeroed it
	require.Zero(t, *p)
	require.Zero(t, *n) //bumpvet:ignore as above
	q := bump.New[small](&b)
	require.Same(t, p, q, "the Bump reuses the memory the handle had")
	r := bump.Of[small](&b).New()
	require.NotSame(t, q, r)
	requireChunksAccounted(t, &b)
}

// TestTypedLimit checks that a handle obeys the allocation limit like the
// Bump: it fails with ErrAllocationLimit only when the Bump could not
// allocate the value either, and a failure changes nothing.
func TestTypedLimit(t *testing.T) {
	for _, limit := range []int{0, 100, 512, 1000, 5000, 100_000} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			fill := func(alloc func(b *bump.Bump) error, bumpAlloc func(b *bump.Bump) error) {
				var b bump.Bump
				b.SetAllocationLimit(limit)
				for n := 0; ; n++ {
					held := b.AllocatedBytes()
					if err := alloc(&b); err != nil {
						require.ErrorIs(t, err, bump.ErrAllocationLimit)
						require.Equal(t, held, b.AllocatedBytes(), "a failed allocation changes nothing")
						requireChunksAccounted(t, &b)
						require.ErrorIs(t, bumpAlloc(&b), bump.ErrAllocationLimit, "the handle failed after %d values where the Bump succeeds", n)
						return
					}
				}
			}
			newSmall := func(b *bump.Bump) error { _, err := bump.TryNew[small](b); return err }
			newNode := func(b *bump.Bump) error { _, err := bump.TryNew[node](b); return err }
			fill(func(b *bump.Bump) error { _, err := bump.Of[small](b).TryNew(); return err }, newSmall)
			fill(func(b *bump.Bump) error { _, err := bump.Of[small](b).TryAlloc(small{a: 1}); return err }, newSmall)
			fill(func(b *bump.Bump) error { _, err := bump.Of[node](b).TryNew(); return err }, newNode)
			fill(func(b *bump.Bump) error { _, err := bump.Of[node](b).TryAlloc(node{a: 1}); return err }, newNode)
			fill(func(b *bump.Bump) error { _, err := bump.Of[node](b).TryMakeSlice(1, 1); return err }, newNode)
		})
	}
	// The panicking forms panic with what the Try forms return.
	var b bump.Bump
	b.SetAllocationLimit(0)
	_, err := bump.Of[small](&b).TryNew()
	require.PanicsWithError(t, err.Error(), func() { bump.Of[small](&b).New() })
	require.PanicsWithError(t, err.Error(), func() { bump.Of[small](&b).Alloc(small{}) })
	_, err = bump.Of[small](&b).TryMakeSlice(1, 1)
	require.PanicsWithError(t, err.Error(), func() { bump.Of[small](&b).MakeSlice(1, 1) })
}

func TestTypedMakeSliceArguments(t *testing.T) {
	var b bump.Bump
	h := bump.Of[node](&b)
	for _, c := range []struct{ length, capacity int }{{-1, 0}, {-1, 5}, {3, 2}, {0, -1}, {1, -1}} {
		_, err := h.TryMakeSlice(c.length, c.capacity)
		require.ErrorIs(t, err, bump.ErrInvalidSize, "%+v", c)
		_, want := bump.TryMakeSlice[node](&b, c.length, c.capacity)
		require.EqualError(t, err, want.Error(), "the same words as bump.TryMakeSlice")
		require.PanicsWithError(t, want.Error(), func() { h.MakeSlice(c.length, c.capacity) })
	}
	held := b.AllocatedBytes()
	_, err := h.TryMakeSlice(1, math.MaxInt)
	require.ErrorIs(t, err, bump.ErrInvalidSize)
	require.Equal(t, held, b.AllocatedBytes())
	s := h.MakeSlice(0, 0)
	require.NotNil(t, s)
	require.Zero(t, cap(s))
	s = h.MakeSlice(2, 5)
	require.Len(t, s, 2)
	require.Equal(t, 5, cap(s))
	require.Equal(t, make([]node, 5), s[:5])
	big := bump.Of[int64](&b).MakeSlice(100_000, 100_000) // beyond any window
	require.Len(t, big, 100_000)
	requireChunksAccounted(t, &b)
}

func TestTypedZeroSize(t *testing.T) {
	var b bump.Bump
	h := bump.Of[struct{}](&b)
	p, q := h.New(), h.Alloc(struct{}{})
	require.NotNil(t, p)
	require.NotNil(t, q)
	require.Len(t, h.MakeSlice(3, 10), 3)
	hp := bump.Of[[0]*int](&b)
	require.NotNil(t, hp.New())
	require.Zero(t, b.AllocatedBytes())
}

// TestTypedAllocs checks the steady state: after the first rounds, a
// round of Of calls and allocations through handles, then Reset, makes
// no Go-heap allocation.
func TestTypedAllocs(t *testing.T) {
	if bump.CheckedBuild {
		t.Skip("the checked build takes fresh chunks while released ones are in quarantine")
	}
	var b bump.Bump
	round := func() {
		for i := range batch {
			bump.Of[small](&b).New().a = int64(i)
			bump.Of[node](&b).Alloc(node{a: int64(i)})
			if i%16 == 0 {
				bump.Of[string](&b).MakeSlice(2, 8)[1] = "x"
			}
		}
		b.Reset()
	}
	for range 3 {
		round()
	}
	require.Zero(t, testing.AllocsPerRun(20, round))
}

func TestTypedErrorsKeepIdentity(t *testing.T) {
	var b bump.Bump
	b.SetAllocationLimit(10)
	_, err := bump.Of[[64]byte](&b).TryNew()
	require.True(t, errors.Is(err, bump.ErrAllocationLimit))
}

// TestTypedCopyPanics checks that a copy of a handle, which would hand out
// the values of the same window again, panics when it needs a window of
// its own, at once in the checked build (which keeps no window), and that
// the original goes on working. go vet reports the copy (Typed holds a
// noCopy), so the test copies through reflect.
func TestTypedCopyPanics(t *testing.T) {
	var b bump.Bump
	h := bump.Of[int64](&b)
	h.New()
	c := new(bump.Typed[int64])
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(h).Elem())
	const window = 64 << 10 / 8 // the largest window, in values
	require.PanicsWithValue(t, "bump: Typed handle used after being copied; use the *Typed that Of returns", func() {
		for range window + 1 {
			c.New()
		}
	})
	if bump.CheckedBuild {
		require.Panics(t, func() { c.New() })
	}
	require.NotNil(t, h.New())
}
