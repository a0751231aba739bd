// Package bump provides Bump, a bump-allocation arena that is safe for
// every Go type, and the Allocator interface that bumpkit's containers
// take their storage from.
//
// A Bump hands out memory by moving an offset forward in a chunk: the
// fast path of [New] is a compare and an add. When a chunk is full it takes
// a new, larger one from the Go runtime. [Bump.Reset] frees everything at
// once and keeps the largest chunk, so that a loop that allocates and
// resets reaches a steady state with no allocation from the Go heap at all.
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

	// The current byte chunk. The allocation fast path reads only these.
	base  unsafe.Pointer // start of the chunk, nil before the first allocation
	off   uintptr        // bytes in use
	cap   uintptr        // size of the chunk
	floor uintptr        // allocations below this offset predate the newest checkpoint
	// lastKey is the type key of the pointer-free, non-zero-size type
	// allocated last: New checks it before the type cache.
	lastKey unsafe.Pointer
	// slabKey and slab are the pointer-holding type allocated last and
	// its slab: New checks them next.
	slabKey unsafe.Pointer
	slab    slab

	// types caches, per element type, where values of it go: nil for
	// pointer-free types (byte chunks), or the type's slab.
	types [typeCacheSize]typeSlot

	chunks []byteChunk // byte chunks; chunks[cur] is current, later ones are empty spares
	cur    int
	large  []largeChunk
	// roundHint is, after a Reset, the bytes the last round used if they
	// did not fit in the kept chunk: the next new chunk is made that big,
	// so that the following Reset keeps a chunk that holds a whole round.
	roundHint uintptr

	slabs     map[unsafe.Pointer]slab // every slab, by type key
	slabOrder []slab                  // the same slabs, in creation order

	allocated uintptr // bytes held in chunks, slabs and large allocations
	limit     uintptr
	limited   bool

	cleanups        []cleanupEntry
	cleanupID       uint64     // id of the newest registration
	stoppedCleanups int        // entries in cleanups whose function was stopped
	frames          []frame    // open checkpoints, oldest first
	marks           []slabMark // slab positions saved by frames
	nextID          uint64
	// resetting is set while Reset or ResetTo runs cleanups, which must
	// not start another reset or take a checkpoint (see Bump.Cleanup).
	resetting bool

	// pooled is set while b sits in a Pool, to catch a second Put.
	pooled atomic.Bool

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
		b.chunks = append(b.chunks, byteChunk{mem: newByteChunk(size)})
		b.allocated = size
		b.enterChunk(0)
	}
	return b
}

// Reset frees everything allocated from b at once. It first runs the
// functions registered with [Bump.Cleanup], newest first; then it zeroes
// the memory in use, keeps the largest chunk (and the largest chunk of
// each pointer-holding type) for reuse, even one that was allocated for a
// single large request, and releases the rest to the garbage collector.
// All checkpoints become stale. Memory allocated before the reset must
// not be used afterwards.
//
// Reset does no allocation. If the memory used since the last reset did
// not fit in the chunk it keeps, the next chunk b takes is made big enough
// for all of it, so a loop that allocates about the same amount and
// resets reaches, after two or three rounds, a state where it allocates
// nothing from the Go heap, however much each round needs.
//
// If a cleanup panics, Reset still runs the others and frees the memory,
// then re-raises the first panic (see [Bump.Cleanup]). Reset panics if
// called by a cleanup during a reset of b.
func (b *Bump) Reset() {
	b.refuseDuringReset("Reset")
	b.resetting = true
	defer b.freeAll()
	b.runCleanups(0)
}

// freeAll is Reset after the cleanups have run.
func (b *Bump) freeAll() {
	b.resetting = false
	clear(b.frames)
	b.frames = b.frames[:0]
	b.marks = b.marks[:0]
	for _, s := range b.slabOrder {
		s.reset(b)
	}
	if len(b.chunks) > 0 {
		b.chunks[b.cur].used = b.off
	}
	// Keep the largest chunk, regular or large, as the only chunk: a loop
	// whose requests are too big for regular chunks then reaches a steady
	// state too.
	var keep []byte
	var keepUsed, used uintptr
	for _, c := range b.chunks {
		used += c.used
		if len(c.mem) > len(keep) {
			keep, keepUsed = c.mem, c.used
		}
	}
	for _, c := range b.large {
		used += uintptr(len(c.mem))
		if len(c.mem) > len(keep) {
			keep, keepUsed = c.mem, uintptr(len(c.mem))
		}
	}
	if keep == nil {
		return
	}
	// A round that needed more than the kept chunk would take chunks from
	// the Go heap again on every round; remember its size (with some room
	// for variation) so that the next round's first new chunk holds it all
	// and the round after that fits in the chunk this keeps.
	b.roundHint = 0
	if used > uintptr(len(keep)) {
		b.roundHint = roundWord(used + used/8)
	}
	if debugBuild {
		keep, keepUsed = b.releaseChunks(keep, keepUsed)
	}
	for _, c := range b.chunks {
		b.allocated -= uintptr(len(c.mem))
	}
	b.dropLarge(0)
	b.allocated += uintptr(len(keep))
	clear(keep[:keepUsed])
	clear(b.chunks)
	b.chunks = append(b.chunks[:0], byteChunk{mem: keep})
	b.enterChunk(0)
	if debugBuild {
		b.checkInvariants()
	}
}

func (b *Bump) dropLarge(from int) {
	for _, c := range b.large[from:] {
		b.allocated -= uintptr(len(c.mem))
	}
	clear(b.large[from:])
	b.large = b.large[:from]
}

// noCopy makes go vet's copylocks check report copies of a Bump: a copy
// would share chunks with the original and hand out the same memory twice.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}
