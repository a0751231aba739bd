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
	"iter"
	"reflect"
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
}

const typeCacheSize = 8

type typeSlot struct {
	key  unsafe.Pointer
	slab slab
}

// zeroSizeSlab marks zero-size types in the type cache so that the fast
// paths, which need a size greater than zero, leave them to the slow path.
type zeroSizeSlab struct{ slab }

// WithCapacity returns a Bump whose first chunk holds at least n bytes.
// It panics if n is negative.
func WithCapacity(n int) *Bump {
	if n < 0 {
		panic("bump: WithCapacity: negative capacity")
	}
	b := new(Bump)
	if n > 0 {
		size := max(uintptr(n), firstChunkSize)
		b.chunks = append(b.chunks, byteChunk{mem: make([]byte, size)})
		b.allocated = size
		b.enterChunk(0)
	}
	return b
}

// slotIndex spreads type keys, which are 8-aligned addresses of runtime
// type descriptors, over the type cache.
func slotIndex(key unsafe.Pointer) uintptr {
	k := uintptr(key)
	return (k>>3 ^ k>>9) % typeCacheSize
}

// slabFor returns where values of the type go: nil for byte chunks, or its
// slab (a zeroSizeSlab for zero-size types). It fills the type cache.
func (b *Bump) slabFor(l Layout) slab {
	key := l.t.key
	e := &b.types[slotIndex(key)]
	if e.key == key {
		return e.slab
	}
	var s slab
	switch {
	case l.t.size == 0:
		s = zeroSizeSlab{}
	case l.t.pointers:
		s = b.slabs[key]
		if s == nil {
			s = l.t.newSlab()
			if b.slabs == nil {
				b.slabs = make(map[unsafe.Pointer]slab)
			}
			b.slabs[key] = s
			b.slabOrder = append(b.slabOrder, s)
		}
	}
	e.key, e.slab = key, s
	return s
}

// reserve accounts for a new chunk of want bytes, or of at least need
// bytes if want would exceed the allocation limit, and returns its size.
func (b *Bump) reserve(want, need uintptr) (uintptr, error) {
	if !b.limited || b.allocated+want <= b.limit {
		b.allocated += want
		return want, nil
	}
	need = (need + 15) &^ 15
	if b.allocated+need <= b.limit {
		b.allocated += need
		return need, nil
	}
	return 0, fmt.Errorf("%w: %d bytes needed, %d of %d in use", ErrAllocationLimit, need, b.allocated, b.limit)
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
func (b *Bump) Reset() {
	b.runCleanups(0)
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
	for _, c := range b.chunks {
		b.allocated -= uintptr(len(c.mem))
	}
	b.dropLarge(0)
	b.allocated += uintptr(len(keep))
	clear(keep[:keepUsed])
	clear(b.chunks)
	b.chunks = append(b.chunks[:0], byteChunk{mem: keep})
	b.enterChunk(0)
}

func (b *Bump) dropLarge(from int) {
	for _, c := range b.large[from:] {
		b.allocated -= uintptr(len(c.mem))
	}
	clear(b.large[from:])
	b.large = b.large[:from]
}

// AllocatedBytes returns the number of bytes b holds in chunks, whether in
// use or not. This is the quantity the allocation limit bounds.
func (b *Bump) AllocatedBytes() int { return int(b.allocated) }

// AllocatedBytesIncludingMetadata returns AllocatedBytes plus the memory
// b uses to keep track of its chunks.
func (b *Bump) AllocatedBytesIncludingMetadata() int {
	n := unsafe.Sizeof(*b) +
		uintptr(cap(b.chunks))*unsafe.Sizeof(byteChunk{}) +
		uintptr(cap(b.large))*unsafe.Sizeof(largeChunk{}) +
		uintptr(cap(b.slabOrder))*unsafe.Sizeof(slab(nil)) +
		uintptr(cap(b.frames))*unsafe.Sizeof(frame{}) +
		uintptr(cap(b.marks))*unsafe.Sizeof(slabMark{}) +
		uintptr(cap(b.cleanups))*unsafe.Sizeof(cleanupEntry{})
	// Each slab is a small struct and a map entry; count them roughly.
	n += uintptr(len(b.slabOrder)) * 128
	return int(b.allocated + n)
}

// ChunkCapacity returns the number of bytes left in the current byte
// chunk: pointer-free allocations up to this size (less alignment padding)
// will not need a new chunk.
func (b *Bump) ChunkCapacity() int { return int(b.cap - b.off) }

// ChunkInfo describes one chunk of a Bump, as reported by [Bump.Chunks].
type ChunkInfo struct {
	// Elem is the element type of a typed chunk (one that holds
	// pointer-holding values), or nil for an untyped byte chunk.
	Elem reflect.Type
	// Capacity is the chunk's size in bytes.
	Capacity int
	// Used is the number of bytes in use, alignment padding included.
	Used int
	// Large reports whether the chunk was allocated for one large request.
	Large bool
}

// Chunks returns an iterator over the chunks b holds: byte chunks first,
// then each pointer-holding type's chunks. b must not be used for
// allocation during the iteration.
func (b *Bump) Chunks() iter.Seq[ChunkInfo] {
	return func(yield func(ChunkInfo) bool) {
		if len(b.chunks) > 0 {
			b.chunks[b.cur].used = b.off
		}
		for _, c := range b.chunks {
			if !yield(ChunkInfo{Capacity: len(c.mem), Used: int(c.used)}) {
				return
			}
		}
		for _, c := range b.large {
			if !yield(ChunkInfo{Capacity: len(c.mem), Used: len(c.mem), Large: true}) {
				return
			}
		}
		for _, s := range b.slabOrder {
			if !s.chunkInfo(yield) {
				return
			}
		}
	}
}

// isBytes reports whether the slot caches key as a pointer-free type.
func (e *typeSlot) isBytes(key unsafe.Pointer) bool {
	return e.key == key && e.slab == nil
}

// noCopy makes go vet's copylocks check report copies of a Bump: a copy
// would share chunks with the original and hand out the same memory twice.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}
