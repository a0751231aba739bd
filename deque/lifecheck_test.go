//go:build bumpdebug

package deque_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/stretchr/testify/require"
)

const usedAfterReset = "deque: Deque used after its arena was reset"

// TestUseAfterReset checks the checked build: every method of a deque
// whose arena released its header or storage panics at the point of use.
func TestUseAfterReset(t *testing.T) {
	uses := []struct {
		name string
		f    func(d *deque.Deque[int])
	}{
		{"Len", func(d *deque.Deque[int]) { d.Len() }},
		{"PushBack", func(d *deque.Deque[int]) { d.PushBack(1) }},
		{"PopFront", func(d *deque.Deque[int]) { d.PopFront() }},
		{"At", func(d *deque.Deque[int]) { d.At(0) }},
		{"Front", func(d *deque.Deque[int]) { d.Front() }},
		{"All", func(d *deque.Deque[int]) {
			for range d.All() {
			}
		}},
		{"Grow", func(d *deque.Deque[int]) { d.Grow(1) }},
		{"Clone", func(d *deque.Deque[int]) { d.Clone() }},
		{"MarshalJSON", func(d *deque.Deque[int]) { _, _ = d.MarshalJSON() }},
	}
	rewinds := []struct {
		name string
		// make returns a deque and a function that releases what it uses.
		make func(b *bump.Bump) (*deque.Deque[int], func())
	}{
		{"Reset", func(b *bump.Bump) (*deque.Deque[int], func()) {
			d := deque.New[int](b)
			d.PushBack(1)
			return d, b.Reset
		}},
		{"ResetTo before creation", func(b *bump.Bump) (*deque.Deque[int], func()) {
			cp := b.Checkpoint()
			d := deque.New[int](b)
			d.PushBack(1)
			return d, func() { require.NoError(t, b.ResetTo(cp)) }
		}},
		{"ResetTo before the storage", func(b *bump.Bump) (*deque.Deque[int], func()) {
			d := deque.WithCapacity[int](b, 4)
			d.PushBack(1)
			cp := b.Checkpoint()
			d.Grow(100) // new storage after the checkpoint
			return d, func() { require.NoError(t, b.ResetTo(cp)) }
		}},
	}
	for _, r := range rewinds {
		for _, u := range uses {
			t.Run(r.name+"/"+u.name, func(t *testing.T) {
				var b bump.Bump
				d, release := r.make(&b)
				u.f(d) // fine before the reset
				release()
				require.PanicsWithValue(t, usedAfterReset, func() { u.f(d) })
			})
		}
	}
}

// TestNoFalseReports checks that deques whose memory is still allocated
// never report: a ResetTo to a checkpoint taken after them, and heap
// deques, which have no arena.
func TestNoFalseReports(t *testing.T) {
	var b bump.Bump
	d := deque.New[int](&b)
	d.Grow(10)
	cp := b.Checkpoint()
	scratch := deque.New[int](&b)
	scratch.PushBack(1)
	require.NoError(t, b.ResetTo(cp))
	d.PushBack(1)
	require.Equal(t, 1, d.Len())

	h := deque.New[int](nil)
	for i := range 100 {
		h.PushBack(i)
	}
	for range 100 {
		h.PopFront()
	}
	b.Reset()
	h.PushBack(1)
	require.Equal(t, 1, h.Len())
}
