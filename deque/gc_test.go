package deque_test

import (
	"runtime"
	"testing"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/stretchr/testify/require"
)

type payload struct {
	id int
	_  [64]byte // a size worth collecting
}

// TestGCKeepsReferents checks that heap objects referenced only from a
// Deque in an arena survive garbage collection, and that popping lets
// them go.
func TestGCKeepsReferents(t *testing.T) {
	var b bump.Bump
	d := deque.New[*payload](&b)
	const n = 100
	weaks := make([]weak.Pointer[payload], n)
	for i := range n {
		p := &payload{id: i}
		weaks[i] = weak.Make(p)
		if i%2 == 0 {
			d.PushBack(p)
		} else {
			d.PushFront(p)
		}
	}
	for range 3 {
		runtime.GC()
	}
	for i, w := range weaks {
		p := w.Value()
		require.NotNil(t, p, "payload %d referenced only from the deque was collected", i)
		require.Equal(t, i, p.id)
	}
	sum := 0
	for _, p := range d.All() {
		sum += p.id
	}
	require.Equal(t, n*(n-1)/2, sum)

	// Popped slots are zeroed: the deque (and its arena) no longer keep
	// the popped payloads alive.
	front, _ := d.PopFront()
	back, _ := d.PopBack()
	wf, wb := weak.Make(front), weak.Make(back)
	front, back = nil, nil
	collected := false
	for range 10 {
		runtime.GC()
		if wf.Value() == nil && wb.Value() == nil {
			collected = true
			break
		}
	}
	require.True(t, collected, "popped payloads are still reachable")
	require.Equal(t, n-2, d.Len())
	runtime.KeepAlive(&b)
}
