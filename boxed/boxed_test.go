package boxed_test

import (
	"errors"
	"io"
	"runtime"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/stretchr/testify/require"
)

// log records cleanups as "<method>:<id>".
type log struct{ calls []string }

func (l *log) add(method string, id int) {
	l.calls = append(l.calls, method+":"+string(rune('0'+id)))
}

// dropper has a Drop method on its pointer.
type dropper struct {
	id  int
	log *log
}

func (d *dropper) Drop() { d.log.add("drop", d.id) }

// closer has a Close method on its value.
type closer struct {
	id  int
	log *log
	err error
}

func (c closer) Close() error { c.log.add("close", c.id); return c.err }

// both has both methods; Drop must win.
type both struct {
	id  int
	log *log
}

func (b *both) Drop()        { b.log.add("drop", b.id) }
func (b *both) Close() error { b.log.add("close", b.id); return nil }

// ptrCloser has a Close method on its pointer only, so Box[ptrCloser]
// finds it through *T and Box[*ptrCloser] through the value.
type ptrCloser struct {
	id  int
	log *log
}

func (p *ptrCloser) Close() error {
	if p == nil {
		panic("Close called on a nil *ptrCloser")
	}
	p.log.add("close", p.id)
	return nil
}

// plain has no cleanup method.
type plain struct{ id int }

func TestCleanupPrecedence(t *testing.T) {
	tests := []struct {
		name string
		box  func(a bump.Allocator, l *log) interface{ Drop() error }
		want []string
	}{
		{"Drop on *T", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New(a, dropper{1, l})
		}, []string{"drop:1"}},
		{"Close on T", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New(a, closer{id: 2, log: l})
		}, []string{"close:2"}},
		{"Drop over Close", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New(a, both{3, l})
		}, []string{"drop:3"}},
		{"Close on *T", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New(a, ptrCloser{4, l})
		}, []string{"close:4"}},
		{"pointer T", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New(a, &ptrCloser{5, l})
		}, []string{"close:5"}},
		{"pointer T with Drop", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New(a, &both{6, l})
		}, []string{"drop:6"}},
		{"interface T", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New[io.Closer](a, closer{id: 7, log: l})
		}, []string{"close:7"}},
		{"interface T holding a Dropper", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New[any](a, &dropper{8, l})
		}, []string{"drop:8"}},
		{"nil pointer T", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New[*ptrCloser](a, nil)
		}, nil},
		{"nil interface T", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New[io.Closer](a, nil)
		}, nil},
		{"interface T holding a nil pointer", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New[io.Closer](a, (*ptrCloser)(nil))
		}, nil},
		{"pointer to pointer", func(a bump.Allocator, l *log) interface{ Drop() error } {
			d := &dropper{9, l}
			return boxed.New(a, &d)
		}, nil},
		{"no methods", func(a bump.Allocator, l *log) interface{ Drop() error } {
			return boxed.New(a, plain{10})
		}, nil},
	}
	for _, alloc := range alloctest.Allocators {
		for _, tt := range tests {
			t.Run(alloc.Name+"/"+tt.name, func(t *testing.T) {
				var l log
				b := tt.box(alloc.New(), &l)
				require.Empty(t, l.calls)
				require.NoError(t, b.Drop())
				require.Equal(t, tt.want, l.calls)
				require.NoError(t, b.Drop())
				require.Equal(t, tt.want, l.calls, "a second Drop must do nothing")
			})
		}
	}
}

func TestCloseError(t *testing.T) {
	errBoom := errors.New("boom")
	var l log
	b := boxed.New(nil, closer{id: 1, log: &l, err: errBoom})
	require.ErrorIs(t, b.Drop(), errBoom)
	require.NoError(t, b.Drop(), "the error is reported once, by the Drop that closed")
	require.Equal(t, []string{"close:1"}, l.calls)

	// A reset cannot report it, but still closes exactly once.
	var arena bump.Bump
	boxed.New(&arena, closer{id: 2, log: &l, err: errBoom})
	arena.Reset()
	arena.Reset()
	require.Equal(t, []string{"close:1", "close:2"}, l.calls)
}

func TestValueAndPtr(t *testing.T) {
	var arena bump.Bump
	b := boxed.New(&arena, plain{1})
	require.Equal(t, plain{1}, b.Value())
	b.Ptr().id = 2
	require.Equal(t, plain{2}, b.Value())
	c := b // copies share the value
	require.Same(t, b.Ptr(), c.Ptr())
	require.False(t, c.Dropped())
	require.NoError(t, c.Drop())
	require.True(t, b.Dropped())

	for name, f := range map[string]func(){
		"Ptr":   func() { b.Ptr() },
		"Value": func() { b.Value() },
	} {
		t.Run("dropped/"+name, func(t *testing.T) {
			require.PanicsWithValue(t, "boxed: "+name+": use of dropped Box", f)
		})
	}
	var zero boxed.Box[plain]
	require.True(t, zero.Dropped())
	require.NoError(t, zero.Drop())
	require.PanicsWithValue(t, "boxed: Ptr: use of zero Box", func() { zero.Ptr() })
	require.PanicsWithValue(t, "boxed: Value: use of zero Box", func() { zero.Value() })
}

func TestResetDrops(t *testing.T) {
	var arena bump.Bump
	var l log
	dropped := boxed.New(&arena, dropper{1, &l})
	kept := boxed.New(&arena, dropper{2, &l})
	require.NoError(t, dropped.Drop())
	require.Equal(t, []string{"drop:1"}, l.calls)

	arena.Reset() // Drop then Reset: only the undropped box is dropped
	require.Equal(t, []string{"drop:1", "drop:2"}, l.calls)
	require.True(t, kept.Dropped())
	require.NoError(t, kept.Drop()) // Reset then Drop: nothing
	if !lifecheck.Enabled {
		require.PanicsWithValue(t, "boxed: Ptr: use of dropped Box", func() { kept.Ptr() })
	}
	arena.Reset()
	require.Equal(t, []string{"drop:1", "drop:2"}, l.calls)
}

// TestResetSeesValue checks that the cleanup run by a reset sees the value
// intact: the arena runs cleanups before zeroing its memory.
func TestResetSeesValue(t *testing.T) {
	var arena bump.Bump
	var l log
	for i := range 3 {
		boxed.New(&arena, closer{id: i, log: &l})
	}
	arena.Reset()
	require.Equal(t, []string{"close:2", "close:1", "close:0"}, l.calls, "newest first, each with its own fields")
}

func TestResetToCheckpoint(t *testing.T) {
	var arena bump.Bump
	var l log
	before := boxed.New(&arena, dropper{1, &l})
	cp := arena.Checkpoint()
	after := boxed.New(&arena, dropper{2, &l})
	droppedAfter := boxed.New(&arena, dropper{3, &l})
	require.NoError(t, droppedAfter.Drop())

	require.NoError(t, arena.ResetTo(cp))
	require.Equal(t, []string{"drop:3", "drop:2"}, l.calls)
	require.False(t, before.Dropped())
	require.True(t, after.Dropped())
	require.Equal(t, 1, before.Value().id)

	again := boxed.New(&arena, dropper{4, &l})
	require.NoError(t, arena.ResetTo(cp))
	require.True(t, again.Dropped())
	arena.Reset()
	require.Equal(t, []string{"drop:3", "drop:2", "drop:4", "drop:1"}, l.calls)
	require.NoError(t, before.Drop())
	require.Len(t, l.calls, 4)
}

// panicker's Drop panics; the Box must still count as dropped.
type panicker struct{ n *int }

func (p panicker) Drop() { *p.n++; panic("cleanup failed") }

func TestPanickingCleanup(t *testing.T) {
	var arena bump.Bump
	n := 0
	b := boxed.New(&arena, panicker{&n})
	require.PanicsWithValue(t, "cleanup failed", func() { b.Drop() })
	require.True(t, b.Dropped())
	require.NoError(t, b.Drop())
	arena.Reset()
	require.Equal(t, 1, n)
}

// TestPanickingCleanupOnReset checks that a cleanup panicking during a
// reset counts as a drop: the reset still runs the other cleanups (see
// bump.Bump.Cleanup), and neither a later reset nor a Drop runs any of
// them again.
func TestPanickingCleanupOnReset(t *testing.T) {
	var arena bump.Bump
	n, m := 0, 0
	older := boxed.New(&arena, counted{&m})
	b := boxed.New(&arena, panicker{&n})
	require.PanicsWithValue(t, "cleanup failed", func() { arena.Reset() })
	require.True(t, b.Dropped())
	require.True(t, older.Dropped(), "the reset went on to the older box")
	arena.Reset()
	require.NoError(t, b.Drop())
	require.NoError(t, older.Drop())
	require.Equal(t, 1, n)
	require.Equal(t, 1, m)
	require.True(t, older.Dropped())
}

// reentrant drops its own Box from its cleanup.
type reentrant struct {
	self *boxed.Box[reentrant]
	n    *int
}

func (r *reentrant) Drop() {
	*r.n++
	require.NoError(nil, r.self.Drop())
}

func TestReentrantDrop(t *testing.T) {
	var arena bump.Bump
	n := 0
	var b boxed.Box[reentrant]
	b = boxed.New(&arena, reentrant{&b, &n})
	require.NoError(t, b.Drop())
	arena.Reset()
	require.Equal(t, 1, n)
}

// countingAllocator records what it allocates and frees.
type countingAllocator struct {
	bump.Heap
	allocs, frees int
	lastFree      bump.Layout
}

func (c *countingAllocator) Allocate(l bump.Layout, n int) (unsafe.Pointer, error) {
	c.allocs += n
	return c.Heap.Allocate(l, n)
}

func (c *countingAllocator) Free(l bump.Layout, p unsafe.Pointer, n int) {
	c.frees += n
	c.lastFree = l
}

func TestDropFreesStorage(t *testing.T) {
	var c countingAllocator
	b := boxed.New(&c, plain{1})
	require.Equal(t, 1, c.allocs)
	require.Equal(t, 0, c.frees)
	require.NoError(t, b.Drop())
	require.NoError(t, b.Drop())
	require.Equal(t, 1, c.frees)
	require.Equal(t, bump.LayoutOf[plain]().Type(), c.lastFree.Type())

	// In an arena, freeing the newest allocation lets the next one reuse it.
	var arena bump.Bump
	x := boxed.New(&arena, [4]int{1, 2, 3, 4})
	p := x.Ptr()
	require.NoError(t, x.Drop())
	y := boxed.New(&arena, [4]int{5, 6, 7, 8})
	require.Same(t, p, y.Ptr())
	require.Equal(t, [4]int{5, 6, 7, 8}, y.Value())
}

func TestAllocationLimit(t *testing.T) {
	var arena bump.Bump
	arena.SetAllocationLimit(1 << 12)
	var l log
	_, err := boxed.TryNew(&arena, [1 << 13]byte{})
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	_, err = boxed.TryNew(&arena, struct {
		d dropper
		_ [1 << 10]*int
	}{d: dropper{1, &l}})
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	arena.Reset()
	require.Empty(t, l.calls, "a Box that failed to allocate owns nothing")

	func() {
		defer func() {
			err, ok := recover().(error)
			require.True(t, ok, "New must panic with an error")
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
		}()
		boxed.New(&arena, [1 << 13]byte{})
		t.Fatal("New past the limit did not panic")
	}()
}

type payload struct {
	id int
	_  [64]byte // a size worth collecting
}

// TestGCKeepsReferents checks that an object referenced only from a boxed
// value in an arena survives garbage collection, and that Drop lets it go.
func TestGCKeepsReferents(t *testing.T) {
	var arena bump.Bump
	const n = 50
	boxes := make([]boxed.Box[*payload], n)
	weaks := make([]weak.Pointer[payload], n)
	for i := range n {
		p := &payload{id: i}
		weaks[i] = weak.Make(p)
		boxes[i] = boxed.New(&arena, p)
	}
	for range 3 {
		runtime.GC()
	}
	for i, w := range weaks {
		require.NotNil(t, w.Value(), "payload %d referenced only from a Box was collected", i)
		require.Equal(t, i, boxes[i].Value().id)
	}

	for _, b := range boxes {
		require.NoError(t, b.Drop())
	}
	collected := false
	for range 10 {
		runtime.GC()
		collected = true
		for _, w := range weaks {
			if w.Value() != nil {
				collected = false
			}
		}
		if collected {
			break
		}
	}
	require.True(t, collected, "dropped boxes still keep their values alive")
	runtime.KeepAlive(&arena)
}

// errDrop has a Drop method that returns an error.
type errDrop struct{ err error }

func (e errDrop) Drop() error { return e.err }

func TestNestedBoxes(t *testing.T) {
	var l log
	t.Run("Drop", func(t *testing.T) {
		var arena bump.Bump
		inner := boxed.New(&arena, dropper{1, &l})
		outer := boxed.New(&arena, inner)
		require.NoError(t, outer.Drop())
		require.True(t, inner.Dropped())
		arena.Reset()
		require.Equal(t, []string{"drop:1"}, l.calls)
	})
	t.Run("Reset", func(t *testing.T) {
		var arena bump.Bump
		inner := boxed.New(&arena, dropper{2, &l})
		boxed.New(&arena, boxed.New(&arena, inner))
		arena.Reset()
		require.Equal(t, []string{"drop:1", "drop:2"}, l.calls)
	})
	t.Run("error", func(t *testing.T) {
		errBoom := errors.New("boom")
		b := boxed.New(nil, errDrop{errBoom})
		require.ErrorIs(t, b.Drop(), errBoom)
		var zero boxed.Box[errDrop]
		require.NoError(t, boxed.New(nil, zero).Drop())
	})
}

// counted counts how many times it is dropped.
type counted struct{ drops *int }

func (c counted) Drop() { *c.drops++ }
