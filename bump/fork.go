package bump

import (
	"fmt"
	"sort"
	"sync"
	"unsafe"
)

// Fork/join arenas: one arena's work spread over goroutines.
//
// A Bump is for one goroutine. To fan a request out, its arena forks a
// child per goroutine; each child is an ordinary Bump, allocating at full
// speed with no lock, and joining a child hands everything it allocated to
// its parent, where it stays valid until the parent's reset. The family
// (an arena and all the arenas forked from it, at any depth) shares what
// must be shared, under one mutex taken only on slow paths:
//
//   - the spare chunks: the root arena's spares serve every member, and
//     every member's chunks become spares of the root once freed, so a
//     fan-out that repeats settles like any round (see retain.go);
//   - the accounting: the root's AllocatedBytes and allocation limit cover
//     the whole family; each child's AllocatedBytes is what it holds.
//
// While a member has children out, its own slow paths (new chunks, spares,
// new pointer-holding types) take the family's lock too; its fast paths
// never do.

// A family is the arenas forked from one root, and what they share.
type family struct {
	mu   sync.Mutex
	root *Bump
	// lent is the part of the root's AllocatedBytes held by its
	// descendants: the sum of their own AllocatedBytes.
	lent uintptr
	// kits are the bookkeeping of joined children, for the next forks.
	kits []kit
}

// A kit is a joined child's bookkeeping, emptied: its slabs, whose lists
// keep their backing arrays, and the backing arrays of its byte list and
// active list. The next fork takes it, so that a fan-out that repeats
// takes from the Go heap only the child Bump itself. A family keeps as
// many kits as it had children out at once.
//
// The child Bump is not reused: a joined child must keep panicking when
// used, and a Bump handed out again would be a live arena to whoever
// kept the old pointer.
type kit struct {
	slabs                 map[unsafe.Pointer]slab
	slabList              []slab
	active                []resetter
	chunks, large, joined [][]byte
}

// metadata returns the bytes of k's backing arrays and slabs, as
// AllocatedBytesIncludingMetadata counts a Bump's.
func (k *kit) metadata() uintptr {
	n := uintptr(cap(k.chunks)+cap(k.large)+cap(k.joined))*unsafe.Sizeof([]byte(nil)) +
		uintptr(cap(k.slabList))*unsafe.Sizeof(slab(nil)) +
		uintptr(cap(k.active))*unsafe.Sizeof(resetter(nil)) +
		uintptr(len(k.slabs))*(unsafe.Sizeof(unsafe.Pointer(nil))+unsafe.Sizeof(slab(nil)))
	for _, s := range k.slabList {
		n += s.list().metadata()
	}
	return n
}

// packKit empties c, a child whose chunks were all adopted, into a kit.
// The caller holds the family's lock.
func (c *Bump) packKit() kit {
	for _, s := range c.slabList {
		// A slab that was active stays stamped with the child's round:
		// the next child, whose rounds count from zero again, must find
		// it unused.
		s.state().active = 0
	}
	clear(c.active)
	k := kit{
		slabs: c.slabs, slabList: c.slabList, active: c.active[:0],
		chunks: c.bytes.chunks[:0], large: c.bytes.large[:0], joined: c.bytes.joined[:0],
	}
	c.slabs, c.slabList, c.active = nil, nil, nil
	c.bytes.chunks, c.bytes.large, c.bytes.joined = nil, nil, nil
	return k
}

// unpackKit gives c, a new child, the kit k.
func (c *Bump) unpackKit(k kit) {
	c.slabs, c.slabList, c.active = k.slabs, k.slabList, k.active
	c.bytes.chunks, c.bytes.large, c.bytes.joined = k.chunks, k.large, k.joined
}

// root returns the arena whose spares and accounting b shares: the root of
// its family, or b itself.
func (b *Bump) root() *Bump {
	if b.fam != nil {
		return b.fam.root
	}
	return b
}

// now returns the date of chunks used now, for the retention policy: the
// root's round, which does not change while any of its family is out, and
// the garbage collections so far.
func (b *Bump) now() date { return date{b.root().round, gcCount.Load()} }

// locker returns the family's lock if b must take it on its slow paths: b
// is a forked arena, or has children out. Only b's goroutine changes that.
func (b *Bump) locker() *sync.Mutex {
	if b.fam != nil && (b.parent != nil || len(b.children) > 0) {
		return &b.fam.mu
	}
	return nil
}

// hold accounts for n more bytes held by b, and by its family's root.
// The caller holds the family's lock if b has one.
func (b *Bump) hold(n uintptr) {
	b.allocated += n
	if r := b.root(); r != b {
		r.allocated += n
		b.fam.lent += n
	}
}

// unhold accounts for n bytes b no longer holds, taking the family's lock
// if b has one.
func (b *Bump) unhold(n uintptr) {
	if mu := b.locker(); mu != nil {
		mu.Lock()
		defer mu.Unlock()
	}
	b.allocated -= n
	if r := b.root(); r != b {
		r.allocated -= n
		b.fam.lent -= n
	}
}

// Fork returns a new arena, a child of b, for another goroutine: it
// allocates like any Bump, without locking, and [Bump.Join] hands what it
// allocated to b. A child takes its chunks from the spares of its
// family's root, under a lock taken only when a chunk is needed, and its
// memory counts towards the root's AllocatedBytes and allocation limit,
// so one limit bounds a whole fan-out. A child may fork in turn.
//
// Every child must be joined, by b's goroutine, once the goroutine using
// it is done, even if that goroutine failed: until then b cannot be reset,
// nor rewound to a checkpoint taken before the fork (they panic), since
// the child still uses memory b would free. A child that is never joined
// keeps its memory, and the family's accounting, for as long as b lives.
//
// Checkpoints, cleanups and Typed handles work on a child as on any Bump,
// for the child's own allocations. Fork panics if b has been joined
// itself, or if called by a cleanup during a reset of b.
func (b *Bump) Fork() *Bump {
	b.refuseDuringReset("Fork")
	b.refuseJoined("Fork")
	if b.fam == nil {
		b.fam = &family{root: b}
	}
	f := b.fam
	if len(b.children) == 0 && b.parent == nil {
		// The root's spares are shared from now on: its lists take the
		// family's lock around them until its last child is joined.
		b.shareLists(&f.mu)
	}
	c := &Bump{fam: f, parent: b, forkMark: b.nextID}
	c.bytes.mu, c.bytes.home = &f.mu, &f.root.bytes
	f.mu.Lock()
	if n := len(f.kits); n > 0 {
		c.unpackKit(f.kits[n-1])
		f.kits[n-1] = kit{}
		f.kits = f.kits[:n-1]
	}
	f.mu.Unlock()
	b.children = append(b.children, c)
	return c
}

// shareLists sets mu as the lock of b's lists, or clears it.
func (b *Bump) shareLists(mu *sync.Mutex) {
	b.bytes.mu = mu
	for _, s := range b.slabList {
		s.share(nil, mu)
	}
}

// Join hands everything child allocated to b: the memory stays valid until
// b's Reset (or ResetTo a checkpoint b took before the Join), the child's
// cleanups run when b frees that memory, and the chunks go back to the
// family's spares then. The child must have been forked from b, and its
// goroutine must be done with it: after Join, allocating from it, forking
// it or resetting it panics, in every build. Join panics, changing
// nothing, if child was not forked from b or was already joined.
//
// Joined memory counts as allocated at the Join: ResetTo a checkpoint b
// took before the Join frees it, one taken after keeps it. The child's
// open checkpoints are discarded, and its registered cleanups can still
// be stopped with the Cleanup values the child returned.
func (b *Bump) Join(child *Bump) {
	b.refuseDuringReset("Join")
	b.refuseJoined("Join")
	i := -1
	for j, c := range b.children {
		if c == child {
			i = j
		}
	}
	if i < 0 {
		switch {
		case child == nil:
			panic("bump: Join: nil arena")
		case child.joinedInto != nil:
			panic("bump: Join: arena already joined")
		default:
			panic("bump: Join: arena not forked from this one")
		}
	}
	if len(child.children) > 0 {
		panic(fmt.Sprintf("bump: Join: the arena has %d forked arenas of its own not joined", len(child.children)))
	}
	c := child
	// The child's handles give back the ends of their windows, so that
	// the parent receives what was used.
	for _, h := range c.handles.list {
		h.reset(c)
	}
	c.handles = handleCache{}
	c.frames, c.marks = nil, nil
	b.adoptCleanups(c)

	mu := &b.fam.mu
	mu.Lock()
	c.syncBytes()
	moved := b.bytes.adopt(&c.bytes)
	for _, cs := range c.slabList {
		ps := b.slabLocked(cs.state().layout)
		moved += ps.adopt(cs)
		ps.state().activate(b, ps)
	}
	if checkedBuild && moved != c.allocated {
		invariantf("Join moved %d bytes of chunks, the arena held %d", moved, c.allocated)
	}
	if b.parent != nil {
		b.allocated += moved // moved from one descendant to another
	} else {
		b.fam.lent -= moved // the root holds them itself now
	}
	c.allocated = 0
	b.fam.kits = append(b.fam.kits, c.packKit())
	mu.Unlock()

	b.wasted += c.wasted
	b.peak = max(b.peak, b.inUse())
	b.children = append(b.children[:i], b.children[i+1:]...)
	if len(b.children) == 0 && b.parent == nil {
		b.shareLists(nil)
	}
	// The child is left empty: its fast paths find no room, and its slow
	// paths panic.
	c.loadBytes()
	c.types = [typeCacheSize]typeSlot{}
	c.lastKey, c.slabKey, c.slab = nil, nil, nil
	c.joinedInto = b
	if checkedBuild {
		b.checkInvariants()
	}
}

// adopt moves every chunk of c, a joined child's list, into l's joined
// chunks, and returns their bytes.
func (l *chunkList[E]) adopt(c *chunkList[E]) uintptr {
	c.sync()
	n := 0
	for _, set := range [][][]E{c.chunks, c.large, c.joined} {
		for _, ch := range set {
			if cap(ch) == 0 {
				continue
			}
			l.joined = append(l.joined, ch)
			l.before += len(ch)
			n += cap(ch)
		}
	}
	clear(c.chunks)
	clear(c.large)
	clear(c.joined)
	// The emptied list keeps its backing arrays for the next fork (see
	// kit).
	c.chunks, c.large, c.joined, c.cur = c.chunks[:0], c.large[:0], c.joined[:0], nil
	c.before, c.floor, c.lfloor = 0, 0, 0
	return uintptr(n) * elemSize[E]()
}

// adoptCleanups moves the cleanups c registered into b's list, as
// registered now: they run when b frees c's memory. c remembers where
// each went, so that its Cleanup values can still stop them.
func (b *Bump) adoptCleanups(c *Bump) {
	for _, e := range c.cleanups {
		if e.f == nil {
			continue
		}
		b.cleanupID++
		b.cleanups = append(b.cleanups, cleanupEntry{id: b.cleanupID, f: e.f})
		c.moved = append(c.moved, movedCleanup{from: e.id, to: b.cleanupID})
	}
	clear(c.cleanups)
	c.cleanups, c.stoppedCleanups = nil, 0
}

// A movedCleanup maps a joined child's registration to its parent's.
type movedCleanup struct{ from, to uint64 }

// movedTo returns the Bump and id where a cleanup registered on b as id
// now is, following joins.
func (b *Bump) movedTo(id uint64) (*Bump, uint64) {
	for b.joinedInto != nil {
		i := sort.Search(len(b.moved), func(i int) bool { return b.moved[i].from >= id })
		if i == len(b.moved) || b.moved[i].from != id {
			return nil, 0 // stopped or run before the Join
		}
		b, id = b.joinedInto, b.moved[i].to
	}
	return b, id
}

// refuseJoined panics if b was joined into its parent: its memory is the
// parent's now.
func (b *Bump) refuseJoined(fn string) {
	if b.joinedInto != nil {
		panic("bump: " + fn + ": arena used after Join")
	}
}

// refuseForked panics if b has children out, which a reset (or a rewind
// to a checkpoint taken before they were forked, mark) would free the
// memory of.
func (b *Bump) refuseForked(fn string, mark uint64) {
	n := 0
	for _, c := range b.children {
		if c.forkMark >= mark {
			n++
		}
	}
	if n > 0 {
		panic(fmt.Sprintf("bump: %s: %d forked arenas not joined", fn, n))
	}
}
