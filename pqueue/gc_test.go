package pqueue_test

import (
	"runtime"
	"testing"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/pqueue"
)

type payload struct {
	prio int
	//lint:ignore U1000 pads the value to hold more than a pointer
	buf [64]byte
}

// TestGCKeepsReferents checks that heap objects referenced only from a
// queue in a Bump survive garbage collections, through growth and Clone,
// and that popped ones stop being referenced.
func TestGCKeepsReferents(t *testing.T) {
	var b bump.Bump
	q := pqueue.NewFunc(&b, func(x, y *payload) bool { return x.prio < y.prio })
	const n = 5000
	weaks := make([]weak.Pointer[payload], n)
	for i := range n {
		p := &payload{prio: (i * 7919) % n}
		weaks[i] = weak.Make(p)
		q.Push(p)
	}
	c := q.Clone()
	for range 5 {
		runtime.GC()
	}
	for i := range n {
		if weaks[i].Value() == nil {
			t.Fatalf("element %d collected while in the queue", i)
		}
	}
	// Pop half from q and all from c: the popped elements stay alive
	// only while the other queue holds them.
	for range n / 2 {
		q.Pop()
	}
	c.Clear()
	for range 5 {
		runtime.GC()
	}
	alive := 0
	for i := range n {
		if p := weaks[i].Value(); p != nil {
			alive++
			if p.prio < n/2 {
				t.Fatalf("popped element with priority %d is still referenced", p.prio)
			}
		}
	}
	if alive != n/2 {
		t.Fatalf("%d elements alive, want %d", alive, n/2)
	}
	prev := -1
	for p := range q.Drain() {
		if p.prio < prev {
			t.Fatal("out of order after collections")
		}
		prev = p.prio
	}
	runtime.KeepAlive(q)
	runtime.KeepAlive(c)
}
