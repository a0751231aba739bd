package pqueue_test

import (
	"cmp"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/pqueue"
)

func allocators() map[string]bump.Allocator {
	return map[string]bump.Allocator{"heap": nil, "bump": new(bump.Bump)}
}

// TestOrder pushes random values and checks that Pop returns them sorted,
// with the ordered and the function-based sift loops.
func TestOrder(t *testing.T) {
	for name, a := range allocators() {
		t.Run(name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			for _, n := range []int{0, 1, 2, 3, 10, 100, 1000} {
				in := make([]int, n)
				for i := range in {
					in[i] = r.IntN(n + 1)
				}
				want := slices.Sorted(slices.Values(in))
				for _, q := range []*pqueue.Queue[int]{
					pqueue.New[int](a),
					pqueue.NewFunc(a, func(x, y int) bool { return x < y }),
				} {
					for _, x := range in {
						q.Push(x)
					}
					if q.Len() != n {
						t.Fatalf("Len = %d, want %d", q.Len(), n)
					}
					if n > 0 {
						if x, ok := q.Peek(); !ok || x != want[0] {
							t.Fatalf("Peek = %d, %v; want %d", x, ok, want[0])
						}
					}
					got := slices.Collect(q.Drain())
					if !slices.Equal(got, want) {
						t.Fatalf("popped %v, want %v", got, want)
					}
					if x, ok := q.Pop(); ok || x != 0 {
						t.Fatalf("Pop on empty = %d, %v", x, ok)
					}
				}
			}
		})
	}
}

// TestFloatNaN checks that New orders NaNs first, as cmp.Less does.
func TestFloatNaN(t *testing.T) {
	in := []float64{3, math.NaN(), -1, math.Inf(1), math.NaN(), 0, math.Copysign(0, -1), 2}
	q := pqueue.New[float64](nil)
	for _, x := range in {
		q.Push(x)
	}
	got := slices.Collect(q.Drain())
	want := slices.Clone(in)
	slices.SortFunc(want, cmp.Compare[float64])
	if len(got) != len(want) {
		t.Fatalf("popped %v", got)
	}
	for i := range got {
		if cmp.Compare(got[i], want[i]) != 0 {
			t.Fatalf("popped %v, want %v", got, want)
		}
	}
}

type entry struct {
	prio  int
	index int
}

// TestIndexed checks that setIndex keeps every element's index right
// through pushes, pops, Fix, Set and Remove, as container/heap's
// PriorityQueue example does in Swap.
func TestIndexed(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	q := pqueue.NewIndexed(new(bump.Bump), func(a, b *entry) bool { return a.prio < b.prio },
		func(x *entry, i int) { x.index = i })
	live := map[*entry]bool{}
	check := func() {
		t.Helper()
		for i, x := range q.All() {
			if x.index != i {
				t.Fatalf("element at %d has index %d", i, x.index)
			}
		}
		if q.Len() != len(live) {
			t.Fatalf("Len = %d, want %d", q.Len(), len(live))
		}
	}
	for range 2000 {
		switch r.IntN(5) {
		case 0, 1:
			x := &entry{prio: r.IntN(100)}
			q.Push(x)
			live[x] = true
		case 2:
			if x, ok := q.Pop(); ok {
				if x.index != -1 {
					t.Fatalf("popped element has index %d", x.index)
				}
				for y := range live {
					if y.prio < x.prio {
						t.Fatalf("popped %d before %d", x.prio, y.prio)
					}
				}
				delete(live, x)
			}
		case 3:
			for x := range live {
				x.prio = r.IntN(100)
				q.Fix(x.index)
				break
			}
		case 4:
			for x := range live {
				if q.Remove(x.index) != x || x.index != -1 {
					t.Fatal("Remove returned another element")
				}
				delete(live, x)
				break
			}
		}
		check()
	}
	q.Clear()
	for x := range live {
		if x.index != -1 {
			t.Fatalf("cleared element has index %d", x.index)
		}
	}
}

func TestSet(t *testing.T) {
	q := pqueue.New[int](nil)
	for _, x := range []int{5, 3, 8, 1} {
		q.Push(x)
	}
	q.Set(0, 10) // the 1 becomes 10
	if got := slices.Collect(q.Drain()); !slices.Equal(got, []int{3, 5, 8, 10}) {
		t.Fatalf("popped %v", got)
	}
}

func TestNilAndZero(t *testing.T) {
	var q *pqueue.Queue[int]
	if q.Len() != 0 || q.Cap() != 0 || q.Clone() != nil {
		t.Fatal("nil queue is not empty")
	}
	if _, ok := q.Pop(); ok {
		t.Fatal("Pop on nil")
	}
	if _, ok := q.Peek(); ok {
		t.Fatal("Peek on nil")
	}
	q.Clear()
	for range q.All() {
		t.Fatal("ranging over nil")
	}
	for range q.Drain() {
		t.Fatal("draining nil")
	}
	wantPanic(t, "pqueue: Push: write to nil Queue", func() { q.Push(1) })
	var z pqueue.Queue[int]
	wantPanic(t, "pqueue: Push: Queue not made by New, NewFunc or NewIndexed", func() { z.Push(1) })
}

func TestErrors(t *testing.T) {
	q := pqueue.New[int](nil)
	q.Push(1)
	wantPanic(t, "pqueue: Fix: index 1 out of range [0:1]", func() { q.Fix(1) })
	wantPanic(t, "pqueue: Remove: index -1 out of range [0:1]", func() { q.Remove(-1) })
	wantPanic(t, "pqueue: At: index 2 out of range [0:1]", func() { q.At(2) })
	wantPanic(t, "pqueue: Grow: negative count -1", func() { q.Grow(-1) })
	wantPanic(t, "pqueue: NewFunc: nil less function", func() { pqueue.NewFunc[int](nil, nil) })
	wantPanic(t, "pqueue: Queue modified during iteration", func() {
		for range q.All() {
			q.Push(2)
		}
	})
}

func TestCopyCheck(t *testing.T) {
	q := pqueue.New[int](nil)
	q.Push(1)
	// A copy by value, made with reflect so that go vet's copylocks
	// check does not refuse the test.
	c := new(pqueue.Queue[int])
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(q).Elem())
	wantPanic(t, "pqueue: Push: Queue copied by value after first use", func() { c.Push(2) })
}

func TestGrowLimit(t *testing.T) {
	var b bump.Bump
	b.SetAllocationLimit(1024)
	q := pqueue.New[int](&b)
	if err := q.TryGrow(1 << 20); err == nil || !strings.Contains(err.Error(), "pqueue: TryGrow: ") {
		t.Fatalf("TryGrow past the limit: %v", err)
	}
	if q.Cap() != 0 {
		t.Fatalf("failed TryGrow left capacity %d", q.Cap())
	}
	if err := q.TryGrow(50); err != nil {
		t.Fatal(err)
	}
	used := b.AllocatedBytes()
	for i := range 50 {
		q.Push(i)
	}
	if b.AllocatedBytes() != used {
		t.Fatal("pushes after TryGrow allocated")
	}
}

func TestClone(t *testing.T) {
	q := pqueue.New[int](new(bump.Bump))
	for _, x := range []int{4, 2, 6} {
		q.Push(x)
	}
	c := q.Clone()
	c.Push(1)
	if got := slices.Collect(q.Drain()); !slices.Equal(got, []int{2, 4, 6}) {
		t.Fatalf("original popped %v", got)
	}
	if got := slices.Collect(c.Drain()); !slices.Equal(got, []int{1, 2, 4, 6}) {
		t.Fatalf("clone popped %v", got)
	}
}

func TestPushAll(t *testing.T) {
	q := pqueue.Collect(nil, slices.Values([]int{5, 1, 4, 2, 3}))
	q.PushAll(slices.Values([]int{0, 6}))
	if got := slices.Collect(q.Drain()); !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6}) {
		t.Fatalf("popped %v", got)
	}
}

func wantPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Fatalf("no panic, want %q", want)
		}
		var msg string
		switch r := r.(type) {
		case error:
			msg = r.Error()
		case string:
			msg = r
		}
		if !strings.Contains(msg, want) {
			t.Fatalf("panic %q, want %q", msg, want)
		}
	}()
	f()
}

// TestNoHeapAllocationInArena checks that a queue made, filled and
// drained in a warm arena takes nothing from the Go heap.
func TestNoHeapAllocationInArena(t *testing.T) {
	if lifecheck.Enabled {
		t.Skip("the checked build's lifetime tags allocate")
	}
	var b bump.Bump
	allocs := testing.AllocsPerRun(100, func() {
		q := pqueue.New[int](&b)
		for i := range 100 {
			q.Push(100 - i)
		}
		for range q.Drain() {
		}
		b.Reset()
	})
	if allocs != 0 {
		t.Fatalf("%v Go-heap allocations per queue", allocs)
	}
}
