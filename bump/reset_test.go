package bump_test

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// resetWorkload allocates a fixed mix of pointer-free and pointer-holding
// values, writes non-zero data into all of them, and returns the
// addresses it got and a check that every value it allocated was zero
// when handed out.
func resetWorkload(b *bump.Bump, heap *int) (addrs []uintptr, zeroed bool) {
	zeroed = true
	note := func(p unsafe.Pointer, isZero bool) {
		addrs = append(addrs, uintptr(p))
		zeroed = zeroed && isZero
	}
	for i := range 300 {
		p := bump.New[int64](b)
		note(unsafe.Pointer(p), *p == 0)
		*p = -1

		n := bump.New[node](b)
		note(unsafe.Pointer(n), *n == node{})
		*n = node{next: n, a: 1, b: 2}

		s := bump.MakeSlice[string](b, 3, 3)
		note(unsafe.Pointer(&s[0]), s[0] == "" && s[1] == "" && s[2] == "")
		s[0], s[1], s[2] = "a", "b", "c"

		ps := bump.MakeSlice[*int](b, i%7+1, i%7+1)
		note(unsafe.Pointer(&ps[0]), ps[0] == nil && ps[len(ps)-1] == nil)
		for j := range ps {
			ps[j] = heap
		}

		m := bump.New[map[int]int](b)
		note(unsafe.Pointer(m), *m == nil)
		*m = map[int]int{}

		f := bump.New[func()](b)
		note(unsafe.Pointer(f), *f == nil)
		*f = func() {}

		e := bump.New[any](b)
		note(unsafe.Pointer(e), *e == nil)
		*e = i

		by := bump.Bytes(b, i%100+1)
		note(unsafe.Pointer(&by[0]), by[0] == 0 && by[len(by)-1] == 0)
		for j := range by {
			by[j] = 0xff
		}

		str := bump.String(b, "hello")
		note(unsafe.Pointer(unsafe.StringData(str)), true)

		a, _ := bump.AllocateSlice[[]int](b, 2)
		note(unsafe.Pointer(&a[0]), a[0] == nil && a[1] == nil)
		a[0] = []int{1}

		if i%100 == 0 {
			// Large allocations get fresh memory each round: check only
			// that they are zeroed.
			large := bump.MakeSlice[*int](b, 40000, 40000)
			zeroed = zeroed && large[0] == nil && large[39999] == nil
			large[0], large[39999] = heap, heap
			lb := bump.Bytes(b, 300<<10)
			zeroed = zeroed && lb[0] == 0 && lb[len(lb)-1] == 0
			lb[0], lb[len(lb)-1] = 1, 1
		}
	}
	return addrs, zeroed
}

func TestResetReusesMemory(t *testing.T) {
	tests := []struct {
		name string
		b    func() *bump.Bump
	}{
		{"zero value", func() *bump.Bump { return new(bump.Bump) }},
		{"WithCapacity", func() *bump.Bump { return bump.WithCapacity(64 << 10) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b()
			heap := new(int)
			var prevAddrs []uintptr
			prevHeld := -1
			for round := range 8 {
				addrs, zeroed := resetWorkload(b, heap)
				require.Truef(t, zeroed, "round %d: an allocation was not zeroed", round)
				held := b.AllocatedBytes()
				b.Reset()
				require.LessOrEqual(t, b.AllocatedBytes(), held)
				requireChunksAccounted(t, b)
				// After two rounds every chunk has grown to the size the
				// workload needs and is kept: the same memory comes back.
				if round >= 3 {
					require.Equal(t, prevHeld, b.AllocatedBytes(), "round %d", round)
					if !bump.CheckedBuild { // which never hands out released memory again at once
						require.Equal(t, prevAddrs, addrs, "round %d", round)
					}
				}
				prevAddrs, prevHeld = addrs, b.AllocatedBytes()
			}
		})
	}
}

func TestResetSteadyStateAllocatesNothing(t *testing.T) {
	var b bump.Bump
	work := func() {
		for i := range 1000 {
			bump.New[small](&b)
			bump.New[node](&b)
			bump.MakeSlice[byte](&b, i%64, 64)
			bump.String(&b, "steady")
			bump.MakeSlice[string](&b, 4, 4)
		}
		b.Reset()
	}
	if bump.CheckedBuild {
		t.Skip("the checked build takes fresh chunks while the released ones are in quarantine")
	}
	for range 3 {
		work()
	}
	require.Zero(t, testing.AllocsPerRun(20, work))
}

// TestResetKeepsRoundChunks checks that Reset keeps every chunk the round
// used, emptied, and starts the next round in the largest when none holds
// the whole round.
func TestResetKeepsRoundChunks(t *testing.T) {
	var b bump.Bump
	for range 100000 {
		bump.New[int64](&b)
	}
	held, largest := b.AllocatedBytes(), 0
	for c := range b.Chunks() {
		largest = max(largest, c.Capacity)
	}
	b.Reset()
	require.Equal(t, held, b.AllocatedBytes())
	chunks := 0
	for c := range b.Chunks() {
		chunks++
		require.Zero(t, c.Used)
	}
	require.Greater(t, chunks, 1)
	require.Equal(t, largest, b.ChunkCapacity())
	require.Equal(t, held-largest, b.Stats().Spare)
}

// TestResetZeroesEveryKind checks, for every kind of type, that values
// allocated after a Reset are zero although the memory held non-zero
// values before it.
func TestResetZeroesEveryKind(t *testing.T) {
	tests := []struct {
		name string
		run  func(b *bump.Bump, dirty bool) bool // returns whether what it got was zero
	}{
		{"int64", zeroCheck(func() int64 { return -1 })},
		{"[5]int16", zeroCheck(func() [5]int16 { return [5]int16{1, 2, 3, 4, 5} })},
		{"string", zeroCheck(func() string { return "dirty" })},
		{"*int", zeroCheck(func() *int { return new(int) })},
		{"[]int", zeroCheck(func() []int { return []int{1} })},
		{"map", zeroCheck(func() map[int]int { return map[int]int{} })},
		{"any", zeroCheck(func() any { return 1 })},
		{"func", zeroCheck(func() func() { return func() {} })},
		{"chan", zeroCheck(func() chan int { return make(chan int) })},
		{"unsafe.Pointer", zeroCheck(func() unsafe.Pointer { return unsafe.Pointer(new(int)) })},
		{"ptrStruct", zeroCheck(func() ptrStruct { return ptrStruct{1, new(int)} })},
		{"[2]*int", zeroCheck(func() [2]*int { return [2]*int{new(int), new(int)} })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			require.True(t, tt.run(&b, true))
			for round := range 3 {
				b.Reset()
				require.Truef(t, tt.run(&b, true), "round %d", round)
			}
		})
	}
}

// zeroCheck returns a test run that allocates values of T in every way,
// reports whether all were zero, and, if dirty, fills them with v().
func zeroCheck[T any](v func() T) func(b *bump.Bump, dirty bool) bool {
	return func(b *bump.Bump, dirty bool) bool {
		var zero T
		ok := true
		for i := range 500 {
			p := bump.New[T](b)
			s := bump.MakeSlice[T](b, i%4+1, i%4+1)
			a, err := bump.AllocateSlice[T](b, i%3+1)
			if err != nil {
				panic(err)
			}
			c := bump.Collect(b, func(yield func(T) bool) {
				for range i%5 + 1 {
					yield(zero)
				}
			})
			vals := append([]*T{p}, &s[0], &s[len(s)-1], &a[0], &a[len(a)-1], &c[0], &c[cap(c)-1 : cap(c)][0])
			for _, q := range vals {
				ok = ok && reflect.ValueOf(q).Elem().IsZero()
			}
			for _, q := range vals {
				if dirty {
					*q = v()
				}
			}
		}
		return ok
	}
}

func TestCleanupOrder(t *testing.T) {
	var b bump.Bump
	var got []int
	for i := range 5 {
		b.Cleanup(func() { got = append(got, i) })
	}
	require.Empty(t, got, "cleanups wait for Reset")
	b.Reset()
	require.Equal(t, []int{4, 3, 2, 1, 0}, got)
	b.Reset()
	require.Equal(t, []int{4, 3, 2, 1, 0}, got, "cleanups run once")
}

func TestCleanupSeesArenaValues(t *testing.T) {
	var b bump.Bump
	s := bump.String(&b, "still here")
	p := bump.Alloc(&b, node{a: 7})
	var seen string
	var seenA int64
	b.Cleanup(func() { seen, seenA = strings.Clone(s), p.a })
	b.Reset()
	require.Equal(t, "still here", seen)
	require.Equal(t, int64(7), seenA)
	if bump.CheckedBuild {
		return // the checked build protects the memory instead (see debug_test.go)
	}
	// Reset zeroed the memory after the cleanup ran.
	//bumpvet:ignore reads the released memory on purpose
	require.Equal(t, strings.Repeat("\x00", len(s)), s)
	require.Zero(t, p.a) //bumpvet:ignore as above
}

func TestResetNeverUsed(t *testing.T) {
	for _, n := range []int{0, 1, 10} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b bump.Bump
			for range n {
				b.Reset()
			}
			require.Zero(t, b.AllocatedBytes())
		})
	}
}

// TestResetKeepsLargeChunks checks that allocate-then-Reset loops that
// need more than one regular chunk also stop allocating from the Go heap:
// Reset keeps dedicated chunks too, and the next round takes them again.
// (TestResetSteadyStateAllocatesNothing covers rounds that fit in one
// chunk.)
func TestResetKeepsLargeChunks(t *testing.T) {
	tests := []struct {
		name string
		work func(b *bump.Bump)
	}{
		{"rounds over the chunk size cap", func(b *bump.Bump) {
			for range 4 << 20 / 64 {
				bump.New[[8]int64](b)
			}
		}},
		{"typed rounds over the chunk size cap", func(b *bump.Bump) {
			for range 200000 {
				bump.New[node](b)
			}
		}},
		{"large bytes", func(b *bump.Bump) { bump.Bytes(b, 3<<20) }},
		{"large typed", func(b *bump.Bump) { bump.MakeSlice[*int](b, 100000, 100000) }},
		{"growing slice", func(b *bump.Bump) {
			var s []int64
			for i := range 200000 {
				if len(s) == cap(s) {
					var err error
					s, err = bump.ResizeSlice(b, s, bump.GrowCap(cap(s), len(s)+1))
					require.NoError(t, err)
				}
				s = append(s, int64(i))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			for range 4 { // converge
				tt.work(&b)
				b.Reset()
			}
			held := b.AllocatedBytes()
			allocs := testing.AllocsPerRun(5, func() {
				tt.work(&b)
				b.Reset()
			})
			if !bump.CheckedBuild { // which takes fresh chunks while the released ones are in quarantine
				require.Zero(t, allocs)
			}
			require.Equal(t, held, b.AllocatedBytes(), "Reset keeps the same chunk")
		})
	}
}

// TestResetHoldsAboutARound checks that an arena reused for rounds of
// one size holds about what a round needs once warm: a round of 2 MiB of
// small values and one 5 MiB request settles in under 1.25 times its size,
// with the chunks that doubling left behind released after the retention
// window.
func TestResetHoldsAboutARound(t *testing.T) {
	var b bump.Bump
	round := func() {
		for range 2 << 20 / 64 {
			bump.New[[8]int64](&b)
		}
		bump.Bytes(&b, 5<<20)
	}
	for i := range 40 {
		round()
		b.Reset()
		if i%10 == 0 {
			runtime.GC() // retention also waits for two collections
			waitForCleanups()
		}
	}
	allocs := testing.AllocsPerRun(3, func() {
		round()
		b.Reset()
	})
	if !bump.CheckedBuild { // which takes fresh chunks while the released ones are in quarantine
		require.Zero(t, allocs)
	}
	const size = 7 << 20
	t.Logf("a round of %d bytes holds %d (%.2fx) in %d chunks", size, b.AllocatedBytes(),
		float64(b.AllocatedBytes())/size, countChunks(&b))
	require.Less(t, b.AllocatedBytes(), size*5/4)
}

func countChunks(b *bump.Bump) int {
	n := 0
	for range b.Chunks() {
		n++
	}
	return n
}
