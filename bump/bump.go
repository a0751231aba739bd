// Package bump provides Bump, a bump-allocation arena that is safe for
// every Go type, and the Allocator interface that bumpkit's containers
// take their storage from.
//
// A Bump hands out memory by moving an offset forward in a chunk: the
// fast path of [New] is a compare and an add. When a chunk is full it takes
// a new, larger one from the Go runtime. [Bump.Reset] frees everything at
// once and keeps the chunks recent rounds used, so that a loop that
// allocates and resets reaches a steady state with no allocation from the
// Go heap at all, even when its rounds differ in size and kind.
//
// # Garbage collector safety
//
// The garbage collector does not scan memory it believes holds no
// pointers. A Bump therefore keeps two kinds of storage: types without
// pointers are bumped in untyped byte chunks, and every type that holds
// pointers (pointers, strings, slices, maps, interfaces, funcs, channels,
// or structs and arrays containing them) is bumped in a slab of its own,
// made with make([]T, n), which the collector scans with T's pointer map.
// A heap object referenced only from arena memory is therefore kept alive,
// exactly as if it were referenced from a Go-heap object.
//
// # Lifetimes
//
// Memory from a Bump is valid until the next [Bump.Reset] (or
// [Bump.ResetTo] a checkpoint taken before it was allocated). After that
// it is zeroed and handed out again: a pointer kept across a reset aliases
// new allocations. The garbage collector keeps a chunk alive while any
// pointer into it exists, so such a bug corrupts data but never the
// runtime.
//
// A Bump is not safe for concurrent use by multiple goroutines; like
// bumpalo's Bump, give each goroutine its own (see the Pool type) or
// guard it with a mutex.
package bump

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

// A Bump is a bump-allocation arena. The zero value is an empty arena
// ready to use; it allocates nothing until the first allocation. A Bump
// must not be copied after first use.
type Bump struct {
	_ noCopy

	// The current byte chunk, mirrored from bytes (see syncBytes). The
	// allocation fast path reads only these.
	base unsafe.Pointer // start of the chunk, nil before the first allocation
	off  uintptr        // bytes in use
	cap  uintptr        // size of the chunk
	// lastKey is the type key of the pointer-free, non-zero-size type
	// allocated last: New checks it before the type cache.
	lastKey unsafe.Pointer
	// slabKey and slab are the pointer-holding type allocated last in
	// this round and its slab: New checks them next.
	slabKey unsafe.Pointer
	slab    slab

	// types caches, per element type, where values of it go: nil for
	// pointer-free types (byte chunks), or the type's slab.
	types [typeCacheSize]typeSlot

	bytes chunkList[byte] // every pointer-free value

	slabs    map[unsafe.Pointer]slab // every slab, by type key
	slabList []slab                  // the same slabs, in creation order
	// active holds the slabs and Typed handles used since the last reset,
	// in the order of their first use (see activate).
	active []resetter
	// round counts the resets; it dates the chunks for the retention
	// policy (see retain.go).
	round uint64

	allocated uintptr // bytes held in chunks, spares included
	spare     uintptr // bytes held in spare chunks
	limit     uintptr
	limited   bool

	// Statistics (see Stats).
	wasted   uintptr // bytes given back out of order this round
	peak     uintptr // most bytes in use at a decrease this round
	retained uintptr // bytes held right after the last reset
	peaks    peakWindow

	cleanups        []cleanupEntry
	cleanupID       uint64     // id of the newest registration
	stoppedCleanups int        // entries in cleanups whose function was stopped
	frames          []frame    // open checkpoints, oldest first
	marks           []listMark // positions of the active resetters saved by frames
	nextID          uint64
	// resetting is set while Reset or ResetTo runs cleanups, which must
	// not start another reset or take a checkpoint (see Bump.Cleanup).
	resetting bool

	// pooled is set while b sits in a Pool, to catch a second Put.
	pooled atomic.Bool
	// busy is set while the checked build checks b's invariants, to catch
	// two goroutines using b at once.
	busy atomic.Bool

	// Forked arenas (see fork.go): b's family, if b ever forked or was
	// forked; its parent, and the checkpoint id at its fork; its children
	// not joined yet; and, once joined, the arena it was joined into and
	// where its cleanups went.
	fam        *family
	parent     *Bump
	forkMark   uint64
	children   []*Bump
	joinedInto *Bump
	moved      []movedCleanup

	handles handleCache // Typed handles made by Of
}

// WithCapacity returns a Bump whose first chunk holds at least n bytes.
// It panics if n is negative.
func WithCapacity(n int) *Bump {
	if n < 0 {
		panic(fmt.Sprintf("bump: WithCapacity: negative capacity %d", n))
	}
	b := new(Bump)
	if n > 0 {
		size := max(uintptr(n), firstChunkSize)
		b.allocated = size
		b.bytes.cur = b.bytes.fresh(int(size))
		b.bytes.chunks = append(b.bytes.chunks, b.bytes.cur)
		b.loadBytes()
	}
	return b
}

// activate records that r, whose activity stamp is *stamp, is used in
// this round, so that checkpoints and resets reach it.
func (b *Bump) activate(r resetter, stamp *uint64) {
	if *stamp != b.round+1 {
		*stamp = b.round + 1
		b.active = append(b.active, r)
	}
}

// Reset frees everything allocated from b at once. It first runs the
// functions registered with [Bump.Cleanup], newest first; then it zeroes
// the memory in use and keeps the chunks for reuse, and releases to the
// garbage collector the chunks no round has used for a while (see
// "Reset" in the package documentation). All checkpoints become stale.
// Memory allocated before the reset must not be used afterwards.
//
// Reset does no allocation, and costs what the round used, not what b
// holds. A loop of rounds that differ in size and kind reaches, after a
// few rounds, a state where it allocates nothing from the Go heap.
//
// If a cleanup panics, Reset still runs the others and frees the memory,
// then re-raises the first panic (see [Bump.Cleanup]). Reset panics if
// called by a cleanup during a reset of b, or, changing nothing, if b has
// forked arenas not joined yet (see [Bump.Fork]).
func (b *Bump) Reset() {
	b.refuseDuringReset("Reset")
	b.refuseJoined("Reset")
	b.refuseForked("Reset", 0)
	b.resetting = true
	defer b.freeAll()
	b.runCleanups(0)
}

// freeAll is Reset after the cleanups have run.
func (b *Bump) freeAll() {
	b.resetting = false
	b.notePeak()
	clear(b.frames)
	b.frames = b.frames[:0]
	b.marks = b.marks[:0]
	// Handles first (they give back the unused end of their windows, so
	// that what is cleared is what was used), then the slabs, newest first.
	for i := len(b.active) - 1; i >= 0; i-- {
		b.active[i].reset(b)
	}
	clear(b.active)
	b.active = b.active[:0]
	b.syncBytes()
	b.bytes.reset(b)
	b.loadBytes()
	b.lastKey, b.slabKey, b.slab = nil, nil, nil
	b.peaks.add(b.round, retainRounds/2, b.peak)
	b.peak, b.wasted = 0, 0
	if b.round%(retainRounds/2) == 0 && b.parent == nil {
		// Slabs no round has used for a while decay here, so that each
		// reset need not visit every type the arena has seen; and so does
		// the chunk each list keeps to start the next round in.
		b.syncBytes()
		b.bytes.decay(b)
		b.loadBytes()
		for _, s := range b.slabList {
			s.list().decay(b)
		}
	}
	b.round++
	b.retained = b.allocated
	startGCClock()
	if checkedBuild {
		b.checkInvariants()
	}
}

// noCopy makes go vet's copylocks check report copies of a Bump: a copy
// would share chunks with the original and hand out the same memory twice.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}
