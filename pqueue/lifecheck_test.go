//go:build bumpdebug

package pqueue_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/pqueue"
)

const usedAfterReset = "pqueue: Queue used after its arena was reset"

var queueUses = []struct {
	name string
	use  func(q *pqueue.Queue[int])
}{
	{"Len", func(q *pqueue.Queue[int]) { q.Len() }},
	{"Push", func(q *pqueue.Queue[int]) { q.Push(1) }},
	{"Pop", func(q *pqueue.Queue[int]) { q.Pop() }},
	{"Peek", func(q *pqueue.Queue[int]) { q.Peek() }},
	{"Fix", func(q *pqueue.Queue[int]) { q.Fix(0) }},
	{"Grow", func(q *pqueue.Queue[int]) { q.Grow(1000) }},
	{"Clear", func(q *pqueue.Queue[int]) { q.Clear() }},
	{"All", func(q *pqueue.Queue[int]) {
		for range q.All() {
		}
	}},
	{"Clone", func(q *pqueue.Queue[int]) { q.Clone() }},
	{"MarshalJSON", func(q *pqueue.Queue[int]) { _, _ = q.MarshalJSON() }},
	{"Format", func(q *pqueue.Queue[int]) {
		if s := fmt.Sprint(q); strings.Contains(s, usedAfterReset) {
			panic(usedAfterReset)
		}
	}},
}

func wantUsedAfterReset(t *testing.T, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		if r := fmt.Sprint(recover()); r != usedAfterReset {
			t.Fatalf("panic %q, want %q", r, usedAfterReset)
		}
	}()
	f()
}

func TestUseAfterReset(t *testing.T) {
	for _, u := range queueUses {
		t.Run(u.name, func(t *testing.T) {
			var b bump.Bump
			q := pqueue.New[int](&b)
			q.Push(1)
			b.Reset()
			wantUsedAfterReset(t, func() { u.use(q) })
		})
		t.Run(u.name+"/ResetToPastStorage", func(t *testing.T) {
			var b bump.Bump
			q := pqueue.New[int](&b)
			cp := b.Checkpoint()
			for i := range 100 {
				q.Push(i)
			}
			if err := b.ResetTo(cp); err != nil {
				t.Fatal(err)
			}
			wantUsedAfterReset(t, func() { u.use(q) })
		})
	}
}

func TestNoReportForCorrectUse(t *testing.T) {
	var b bump.Bump
	q := pqueue.New[int](&b)
	for i := range 100 {
		q.Push(i)
	}
	cp := b.Checkpoint()
	_ = bump.String(&b, "scratch")
	if err := b.ResetTo(cp); err != nil {
		t.Fatal(err)
	}
	for _, u := range queueUses {
		u.use(q)
	}
}
