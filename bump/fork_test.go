package bump_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

// forkedItem is a pointer-holding value built by a child arena.
type forkedItem struct {
	name  string
	child int
	ref   *int // a Go-heap object referenced only from the arena
	next  *forkedItem
}

// buildForked fills a with n items of a list owned by child g and returns
// its head, and weak pointers to the heap objects only the arena refers to.
func buildForked(a *bump.Bump, g, n int) (*forkedItem, []weak.Pointer[int]) {
	var head *forkedItem
	weaks := make([]weak.Pointer[int], 0, n)
	for i := range n {
		ref := new(int)
		*ref = g*1000 + i
		weaks = append(weaks, weak.Make(ref))
		head = bump.Alloc(a, forkedItem{name: bump.String(a, fmt.Sprintf("g%d-%d", g, i)), child: g, ref: ref, next: head})
		_ = bump.MakeSlice[int64](a, 16, 16) // pointer-free memory too
	}
	return head, weaks
}

func checkForked(t *testing.T, head *forkedItem, g, n int) {
	t.Helper()
	i := n - 1
	for it := head; it != nil; it = it.next {
		require.Equal(t, fmt.Sprintf("g%d-%d", g, i), it.name)
		require.Equal(t, g*1000+i, *it.ref)
		i--
	}
	require.Equal(t, -1, i, "list of child %d has the wrong length", g)
}

// TestForkJoin fans out to four goroutines, each with a child arena, joins
// them, and checks that what they built stays valid and referenced until
// the parent's Reset, and is released by it. Run it with -race.
func TestForkJoin(t *testing.T) {
	const children, n = 4, 500
	var parent bump.Bump
	before := bump.String(&parent, "before the fan-out")
	heads := make([]*forkedItem, children)
	weaks := make([][]weak.Pointer[int], children)
	forks := make([]*bump.Bump, children)
	for g := range forks {
		forks[g] = parent.Fork()
	}
	var wg sync.WaitGroup
	for g, c := range forks {
		wg.Go(func() { heads[g], weaks[g] = buildForked(c, g, n) })
	}
	wg.Wait()
	held := 0
	for _, c := range forks {
		held += c.AllocatedBytes()
	}
	require.GreaterOrEqual(t, parent.AllocatedBytes(), held, "the root's figure covers its children")
	for _, c := range forks {
		parent.Join(c)
		require.Zero(t, c.AllocatedBytes())
	}
	runtime.GC()
	runtime.GC()
	for g := range heads {
		checkForked(t, heads[g], g, n)
		for _, w := range weaks[g] {
			require.NotNil(t, w.Value(), "a referent of joined memory was collected")
		}
	}
	require.Equal(t, "before the fan-out", before)
	requireChunksAccounted(t, &parent)

	parent.Reset()
	for range 3 {
		runtime.GC()
	}
	collected := 0
	for g := range weaks {
		for _, w := range weaks[g] {
			if w.Value() == nil {
				collected++
			}
		}
	}
	require.Equal(t, children*n, collected, "the parent's Reset released the joined memory")
	runtime.KeepAlive(&parent)
}

// TestForkJoinLoop forks, builds, joins and resets in a loop under garbage
// collections, the shape of a server's fan-out: under -race it must be
// clean, and once warm it takes nothing from the Go heap but the
// goroutines' own.
func TestForkJoinLoop(t *testing.T) {
	var parent bump.Bump
	round := func() {
		var wg sync.WaitGroup
		forks := [3]*bump.Bump{parent.Fork(), parent.Fork(), parent.Fork()}
		for g, c := range forks {
			wg.Go(func() {
				v := vec.New[string](c)
				for i := range 200 {
					v.Push(bump.String(c, strings.Repeat("x", i%32)))
				}
				bump.MakeSlice[*int](c, 64<<10, 64<<10) // a dedicated chunk
				_ = g
			})
		}
		wg.Wait()
		for _, c := range forks {
			parent.Join(c)
		}
		runtime.GC()
		parent.Reset()
	}
	for range 20 {
		round()
	}
	requireChunksAccounted(t, &parent)
}

// TestForkRefusesReset checks that a parent with a child out cannot be
// reset, nor rewound past the fork, and stays usable; a rewind to a
// checkpoint taken after the fork is allowed.
func TestForkRefusesReset(t *testing.T) {
	var parent bump.Bump
	early := parent.Checkpoint()
	bump.String(&parent, "kept")
	c := parent.Fork()
	late := parent.Checkpoint()
	s := bump.String(c, "child's")
	state := arenaState(&parent)
	require.PanicsWithValue(t, "bump: Reset: 1 forked arenas not joined", parent.Reset)
	require.PanicsWithValue(t, "bump: ResetTo: 1 forked arenas not joined", func() { _ = parent.ResetTo(early) })
	require.Equal(t, state, arenaState(&parent), "a refused Reset changed the arena")
	bump.String(&parent, "after")
	require.NoError(t, parent.ResetTo(late), "a checkpoint taken after the fork can be rewound to")
	parent.Join(c)
	require.Equal(t, "child's", s)
	require.NoError(t, parent.ResetTo(early))
	parent.Reset()
}

// TestForkLimit checks that the root's allocation limit bounds the whole
// family, and that a child's failed allocation changes nothing.
func TestForkLimit(t *testing.T) {
	var parent bump.Bump
	parent.SetAllocationLimit(1 << 20)
	a, b := parent.Fork(), parent.Fork()
	_, err := bump.TryBytes(a, 600<<10)
	require.NoError(t, err)
	before := arenaState(b)
	_, err = bump.TryBytes(b, 600<<10)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.ErrorContains(t, err, "family of forked arenas")
	require.Equal(t, before, arenaState(b))
	_, err = bump.TryBytes(b, 100<<10)
	require.NoError(t, err)
	require.LessOrEqual(t, parent.AllocatedBytes(), 1<<20)
	parent.Join(a)
	parent.Join(b)
	require.LessOrEqual(t, parent.AllocatedBytes(), 1<<20)
	requireChunksAccounted(t, &parent)
}

// TestJoinedArenaRefused checks that a joined child cannot be used for
// allocation, resets, checkpoints, cleanups or forks, and that a second
// Join or a Join of a stranger panics.
func TestJoinedArenaRefused(t *testing.T) {
	var parent, stranger bump.Bump
	c := parent.Fork()
	h := bump.Of[forkedItem](c)
	h.New()
	v := vec.New[int64](c)
	v.Push(1)
	parent.Join(c)
	const used = "arena used after Join"
	for _, tt := range []struct {
		name, fn string
		f        func()
	}{
		{"New", "allocating", func() { bump.New[int64](c) }},
		{"New of a pointer-holding type", "allocating", func() { bump.New[forkedItem](c) }},
		{"String", "allocating", func() { bump.String(c, strings.Repeat("x", 1000)) }},
		{"Typed", "allocating", func() { h.New() }},
		{"Reset", "Reset", c.Reset},
		{"Checkpoint", "Checkpoint", func() { c.Checkpoint() }},
		{"Cleanup", "Cleanup", func() { c.Cleanup(func() {}) }},
		{"Fork", "Fork", func() { c.Fork() }},
	} {
		require.PanicsWithValue(t, "bump: "+tt.fn+": "+used, tt.f, tt.name)
	}
	require.Panics(t, func() { v.Grow(1000) }, "a container on a joined arena")
	require.PanicsWithValue(t, "bump: Join: arena already joined", func() { parent.Join(c) })
	require.PanicsWithValue(t, "bump: Join: arena not forked from this one", func() { parent.Join(&stranger) })
	require.PanicsWithValue(t, "bump: Join: nil arena", func() { parent.Join(nil) })
}

// TestForkCleanups checks that a child's cleanups run at the parent's
// reset, once, and can still be stopped through the child's Cleanup
// values after the Join.
func TestForkCleanups(t *testing.T) {
	var parent bump.Bump
	var ran []string
	parent.Cleanup(func() { ran = append(ran, "parent") })
	c := parent.Fork()
	c.Cleanup(func() { ran = append(ran, "child 1") })
	stop := c.Cleanup(func() { ran = append(ran, "stopped") })
	c.Cleanup(func() { ran = append(ran, "child 3") })
	parent.Join(c)
	stop.Stop()
	parent.Reset()
	require.Equal(t, []string{"child 3", "child 1", "parent"}, ran)
}

// TestForkCheckpointAcrossJoin checks that joined memory counts as
// allocated at the Join: a rewind to a checkpoint taken before the Join
// frees it, one taken after keeps it.
func TestForkCheckpointAcrossJoin(t *testing.T) {
	var parent bump.Bump
	c := parent.Fork()
	p := bump.Alloc(c, forkedItem{name: "x"})
	before := parent.Checkpoint()
	parent.Join(c)
	after := parent.Checkpoint()
	bump.New[forkedItem](&parent)
	require.NoError(t, parent.ResetTo(after))
	require.Equal(t, "x", p.name, "memory joined before the checkpoint survives its rewind")
	require.NoError(t, parent.ResetTo(before))
	if !bump.CheckedBuild {
		require.Equal(t, "", p.name, "memory joined after the checkpoint is freed by its rewind")
	}
	requireChunksAccounted(t, &parent)
}

// TestForkNested checks forks of forks: the grandchild's memory goes to
// the child at its Join and to the root at the child's.
func TestForkNested(t *testing.T) {
	var root bump.Bump
	c := root.Fork()
	g := c.Fork()
	s := bump.String(g, "grandchild")
	require.PanicsWithValue(t, "bump: Join: the arena has 1 forked arenas of its own not joined", func() { root.Join(c) })
	c.Join(g)
	require.Equal(t, len(s), 10)
	root.Join(c)
	require.Equal(t, "grandchild", s)
	requireChunksAccounted(t, &root)
	root.Reset()
}

// TestPoolFork checks that a pooled arena forks for a request's fan-out,
// and that Put refuses it, without keeping it, while a child is out.
func TestPoolFork(t *testing.T) {
	var p bump.Pool
	a := p.Get()
	c := a.Fork()
	require.PanicsWithValue(t, "bump: Reset: 1 forked arenas not joined", func() { p.Put(a) })
	require.Zero(t, p.Stats().Idle)
	bump.String(c, "work")
	a.Join(c)
	p.Put(a)
	require.Equal(t, 1, p.Stats().Idle)
	require.Same(t, a, p.Get())
}

// TestForkSettles checks that a fan-out repeated round after round takes
// from the Go heap, once warm, only the child Bumps themselves: the
// children take the family's spares for their memory, and the
// bookkeeping of the children joined before (see kit) for theirs.
func TestForkSettles(t *testing.T) {
	if bump.CheckedBuild {
		t.Skip("the checked build takes fresh chunks while the released ones are in quarantine")
	}
	var parent bump.Bump
	forks := make([]*bump.Bump, 4)
	round := func() {
		for g := range forks {
			forks[g] = parent.Fork()
		}
		for g, c := range forks { // one after another: no goroutines, whose stacks the heap would count
			workload.BinaryTree(c, 10+g)
		}
		for _, c := range forks {
			parent.Join(c)
		}
		parent.Reset()
	}
	for range 5 {
		round()
	}
	taken := workload.HeapTaken(func() {
		for range 20 {
			round()
		}
	})
	perFork := float64(taken) / (20 * 4)
	t.Logf("20 warm fan-outs of 4 children took %d bytes from the Go heap, %.0f per fork (a Bump is %d bytes); the family holds %d",
		taken, perFork, unsafe.Sizeof(bump.Bump{}), parent.AllocatedBytes())
	// A child is a new Bump on the heap, in the 1 KiB size class; beside
	// them a garbage collection during the run takes a few bytes (the
	// retention policy's clock, the runtime's own).
	const bumpClass, slack = 1024, 8 << 10
	require.LessOrEqual(t, unsafe.Sizeof(bump.Bump{}), uintptr(bumpClass), "a Bump outgrew its size class")
	require.LessOrEqual(t, taken, uint64(20*4*bumpClass+slack))
}

// TestForkErrors checks the errors a failing child reports through the
// root's limit are the usual ones.
func TestForkErrors(t *testing.T) {
	var parent bump.Bump
	parent.SetAllocationLimit(4096)
	c := parent.Fork()
	_, err := bump.TryMakeSlice[*int](c, 1<<20, 1<<20)
	require.True(t, errors.Is(err, bump.ErrAllocationLimit), "%v", err)
	parent.Join(c)
}

// TestForkReusesBookkeeping checks that a child forked after another was
// joined, and so given its bookkeeping (see kit), starts as a new arena:
// its Reset and ResetTo free what it allocated of the types the joined
// child used, and its accounting is its own.
func TestForkReusesBookkeeping(t *testing.T) {
	type node struct {
		Name string
		Next *node
	}
	var parent bump.Bump
	first := parent.Fork()
	bump.Alloc(first, node{Name: bump.String(first, "first")})
	parent.Join(first)
	parent.Reset()

	c := parent.Fork()
	require.Zero(t, c.AllocatedBytes(), "a new child holds nothing")
	cp := c.Checkpoint()
	n := bump.Alloc(c, node{Name: "kept until ResetTo"})
	bump.String(c, "bytes too")
	require.Positive(t, c.Stats().InUse)
	require.NoError(t, c.ResetTo(cp))
	require.Zero(t, c.Stats().InUse, "ResetTo freed the child's values")
	require.Zero(t, *n, "ResetTo cleared the value it freed") //bumpvet:ignore checks that ResetTo zeroed the value
	bump.Alloc(c, node{Name: "again"})
	c.Reset()
	require.Zero(t, c.Stats().InUse, "Reset freed the child's values")
	parent.Join(c)
	requireChunksAccounted(t, &parent)
}

// TestForkKitCounted checks that the bookkeeping a root keeps from its
// joined children counts in its metadata.
func TestForkKitCounted(t *testing.T) {
	var parent bump.Bump
	bump.New[*int](&parent)
	before := parent.AllocatedBytesIncludingMetadata() - parent.AllocatedBytes()
	c := parent.Fork()
	bump.New[*string](c)
	parent.Join(c)
	parent.Reset()
	after := parent.AllocatedBytesIncludingMetadata() - parent.AllocatedBytes()
	require.Greater(t, after, before, "the joined child's slab for *string, kept for the next fork")
}
