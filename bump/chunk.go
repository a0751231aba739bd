package bump

import (
	"slices"
	"sync"
	"unsafe"
)

// Chunk sizes follow bumpalo: a small first chunk, then each new chunk
// twice the previous one, so that the number of chunks stays logarithmic in
// the bytes allocated. Doubling stops at maxChunkSize; a request larger
// than largeRequest gets a dedicated chunk of its own instead.
const (
	firstChunkSize = 512
	maxChunkSize   = 1 << 20
	largeRequest   = maxChunkSize / 4
)

// A chunkList is the storage of one kind of value, bumped in chunks: the
// byte chunks that hold every pointer-free type (E is byte), or the slab
// of one pointer-holding type T (E is T), whose chunks are made with
// make([]T, 0, n) so that the garbage collector scans them with T's
// pointer map. Both kinds follow the one policy written here: how chunks
// grow, which requests get a dedicated chunk, which allocation may be
// resized or freed in place, how a checkpoint is rewound, and what a
// reset keeps (see retain.go).
//
// Every count is in values of E: bytes for the byte list.
type chunkList[E any] struct {
	// cur is the current chunk: its length is the values in use, its
	// capacity the chunk's size. The Bump mirrors the byte list's cur in
	// its base, off and cap fields for the fast path (see Bump.syncBytes).
	cur []E
	// chunks are the chunks used since the last reset, in order; the last
	// is cur, whose length there is only up to date after sync.
	chunks [][]E
	// before is the sum of the lengths of the chunks before cur and of the
	// dedicated chunks: with len(cur), the values in use.
	before int
	// floor is the index in cur below which values predate the newest
	// checkpoint, and lfloor the number of dedicated chunks that do: those
	// are neither resized nor freed in place.
	floor  int
	large  [][]E // dedicated chunks; the length of each is the extent in use
	lfloor int
	// joined are the chunks of forked arenas joined into this one (see
	// fork.go): in use until the next reset, neither resized nor freed in
	// place. Their lengths count in before.
	joined [][]E
	// spares and largeSpares are the empty chunks kept for reuse, those
	// last used as regular chunks and those last used as dedicated ones
	// (see retain.go).
	spares, largeSpares spareList[E]
	// hint is, after a reset, the values the round used in regular chunks
	// when they took more than one: the next new regular chunk is made
	// that big, so that rounds come to fit in one chunk.
	hint int
	// curStamp is the round in which cur was last used, for the retention
	// policy; chunks used this round are stamped when they are retired.
	curStamp date
	// granule, if more than one, is the number of elements every chunk's
	// capacity is a multiple of, and makeChunk, if not nil, makes the
	// empty chunks: a slab of a type known through reflect is a list of
	// words whose chunks are slices of its type (see reflect.go).
	granule   int
	makeChunk func(n int) []E
	// mu and home share spares in a family of forked arenas (see
	// fork.go): mu, if not nil, is the family's lock, taken around every
	// use of spares, and home, if not nil, is the root arena's list of the
	// same kind, whose spares this list uses.
	mu   *sync.Mutex
	home *chunkList[E]
	// dbg is the checked build's state; it takes no room otherwise.
	dbg listDebug[E]
}

// A listMark is a chunkList's position, saved by a checkpoint: chunks is
// the number of chunks in use, used the length of the last of them, large
// the number of dedicated chunks and joined that of joined ones. The zero
// listMark is the position of an empty list.
type listMark struct {
	chunks, used, large, joined int
}

func elemSize[E any]() uintptr {
	var zero E
	return unsafe.Sizeof(zero)
}

// sync writes the length of cur back into the chunk list.
func (l *chunkList[E]) sync() {
	if n := len(l.chunks); n > 0 {
		l.chunks[n-1] = l.cur
	}
}

// mark returns the list's position.
func (l *chunkList[E]) mark() listMark {
	return listMark{chunks: len(l.chunks), used: len(l.cur), large: len(l.large), joined: len(l.joined)}
}

// inUse returns the bytes handed out from the list since the last reset.
func (l *chunkList[E]) inUse() uintptr {
	return uintptr(l.before+len(l.cur)) * elemSize[E]()
}

// reserve accounts for a new chunk of want values, or of at least need
// values if want would exceed b's allocation limit, and returns its
// capacity in values.
func (l *chunkList[E]) reserve(b *Bump, want, need int) (int, error) {
	size := elemSize[E]()
	want = l.roundUp(want)
	got, err := b.reserve(uintptr(want)*size, uintptr(need)*size)
	if err != nil {
		return 0, err
	}
	// Near the limit reserve grants need rounded up to 16 bytes; a chunk
	// holds whole values only, so account for exactly those.
	unit := size * uintptr(max(l.granule, 1))
	if r := got % unit; r != 0 {
		b.unhold(r)
		got -= r
	}
	return int(got / size), nil
}

// lockSpares returns the list whose spares l uses, with the family's lock
// held if they are shared; unlockSpares lets it go.
func (l *chunkList[E]) lockSpares() *chunkList[E] {
	if l.mu != nil {
		l.mu.Lock()
	}
	if l.home != nil {
		return l.home
	}
	return l
}

func (l *chunkList[E]) unlockSpares() {
	if l.mu != nil {
		l.mu.Unlock()
	}
}

// takeSpare takes the spare to use for a regular chunk that must hold need
// values and should hold want (see spareList.pick), or for a dedicated
// chunk of need values (see spareList.pickLarge); or returns nil.
func (l *chunkList[E]) takeSpare(b *Bump, need, want int, large bool) []E {
	h := l.lockSpares()
	defer l.unlockSpares()
	if large {
		if i := h.largeSpares.pickLarge(need); i >= 0 {
			return h.largeSpares.take(b, i)
		}
		return nil
	}
	if i := h.spares.pick(need, want); i >= 0 {
		return h.spares.take(b, i)
	}
	return nil
}

// putSpare keeps the chunk c, which l used and recycled, as a spare
// dated stamp.
func (l *chunkList[E]) putSpare(b *Bump, c []E, stamp date, large bool) {
	h := l.lockSpares()
	defer l.unlockSpares()
	if large {
		h.largeSpares.add(b, c, stamp)
	} else {
		h.spares.add(b, c, stamp)
	}
}

// roundUp rounds n up to a multiple of the list's granule.
func (l *chunkList[E]) roundUp(n int) int {
	if g := l.granule; g > 1 {
		return (n + g - 1) / g * g
	}
	return n
}

// grow makes an empty chunk with room for need values the current chunk:
// the best spare (see spareList.pick), or else a new chunk of want values,
// or of the round's size if the last round did not fit in one chunk. On
// error nothing changed.
func (l *chunkList[E]) grow(b *Bump, need, want int) error {
	b.refuseJoined("allocating")
	c := l.takeSpare(b, need, want, false)
	if c == nil {
		want = l.roundUp(max(want, l.hint))
		n, err := l.reserve(b, want, need)
		if err != nil {
			return err
		}
		l.hint = 0
		c = l.fresh(n)
	}
	l.sync()
	l.before += len(l.cur)
	l.chunks = append(l.chunks, c)
	l.cur, l.floor = c, 0
	return nil
}

// nextSize returns the size of the regular chunk to take after the
// current one, for a request of need values of size bytes each.
func (l *chunkList[E]) nextSize(need int) int {
	size := int(elemSize[E]())
	n := max(min(max(2*cap(l.cur)*size, firstChunkSize), maxChunkSize)/size, 1)
	for n < need {
		n *= 2
	}
	return n
}

// allocLarge returns a dedicated chunk of at least n values, of which the
// first n are in use: a spare (see spareList.pickLarge), or a new chunk.
func (l *chunkList[E]) allocLarge(b *Bump, n int) ([]E, error) {
	b.refuseJoined("allocating")
	c := l.takeSpare(b, n, n, true)
	if c == nil {
		got, err := l.reserve(b, n, n)
		if err != nil {
			return nil, err
		}
		c = l.fresh(got)
	}
	c = c[:n]
	l.large = append(l.large, c)
	l.before += n
	return c, nil
}

// alloc returns zeroed storage for n elements when the current chunk
// cannot hold them: a dedicated chunk for a request of more than
// largeRequest bytes, else a new current chunk. On error nothing changed.
func (l *chunkList[E]) alloc(b *Bump, n int) (unsafe.Pointer, error) {
	if l.isLarge(n) {
		c, err := l.allocLarge(b, n)
		if err != nil {
			return nil, err
		}
		return unsafe.Pointer(unsafe.SliceData(c)), nil
	}
	if err := l.grow(b, n, l.nextSize(n)); err != nil {
		return nil, err
	}
	l.cur = l.cur[:n]
	return unsafe.Pointer(&l.cur[0]), nil
}

// isLarge reports whether n elements are a request that gets a dedicated
// chunk, so that only those are looked for among the dedicated chunks.
// (The byte list, whose requests carry alignment, has its own test: see
// isLargeBytes.)
func (l *chunkList[E]) isLarge(n int) bool {
	return uintptr(n)*elemSize[E]() > largeRequest
}

// resizeValues grows or shrinks in place the allocation of oldN elements
// at p to newN, if it has a dedicated chunk or is the newest of the
// current chunk, after the newest checkpoint.
func (l *chunkList[E]) resizeValues(b *Bump, p unsafe.Pointer, oldN, newN int) bool {
	if newN < oldN {
		b.notePeak()
	}
	if l.isLarge(oldN) {
		if i := l.findLarge(p); i >= 0 {
			// Shrinking to what a regular chunk would hold moves instead,
			// which releases the dedicated chunk and keeps isLarge's test
			// valid. Growing back after a shrink finds the values cleared.
			return l.isLarge(newN) && p == unsafe.Pointer(unsafe.SliceData(l.large[i])) && l.resizeLarge(i, newN)
		}
	}
	return l.resizeNewest(p, oldN, newN)
}

// freeValues gives back the n elements at p: their dedicated chunk, or the
// end of the current chunk if they are its newest allocation. Anything
// else stays allocated until the next reset, cleared so that the arena
// does not keep the freed values' referents alive.
func (l *chunkList[E]) freeValues(b *Bump, p unsafe.Pointer, n int) {
	if l.isLarge(n) {
		if i := l.findLarge(p); i >= 0 {
			b.notePeak()
			l.freeLarge(b, i)
			return
		}
	}
	// The caller guarantees p holds n elements.
	clear(unsafe.Slice((*E)(p), n))
	if _, ok := l.newest(p, n); ok {
		b.notePeak()
		l.freeNewest(p, n)
		return
	}
	b.wasted += uintptr(n) * elemSize[E]()
}

// findLarge returns the index of the dedicated chunk that holds p, if it
// was taken after the newest checkpoint, or -1. The search runs from the
// newest chunk back, which finds at once the old storage that ResizeSlice
// frees after moving it.
func (l *chunkList[E]) findLarge(p unsafe.Pointer) int {
	size := elemSize[E]()
	for i := len(l.large) - 1; i >= l.lfloor; i-- {
		c := l.large[i]
		base := uintptr(unsafe.Pointer(unsafe.SliceData(c)))
		if uintptr(p) >= base && uintptr(p)-base < uintptr(cap(c))*size {
			return i
		}
	}
	return -1
}

// resizeLarge changes to end values the extent in use of the dedicated
// chunk i, if its capacity allows, clearing what a shrink gives back.
func (l *chunkList[E]) resizeLarge(i, end int) bool {
	c := l.large[i]
	if end > cap(c) {
		return false
	}
	if end < len(c) {
		clear(c[end:])
	}
	l.before += end - len(c)
	l.large[i] = c[:end]
	return true
}

// freeLarge gives back the dedicated chunk i, wherever it is in the list.
// That keeps every checkpoint's count of dedicated chunks right: the chunk
// was taken after the newest checkpoint, so every open checkpoint counts
// fewer chunks than its index. An arena that has been reset before keeps
// the chunk for reuse (a growing container's outgrown storage serves the
// next round's growth); one that never was releases it to the garbage
// collector, so that a long-lived arena holds what it uses.
func (l *chunkList[E]) freeLarge(b *Bump, i int) {
	c := l.large[i]
	l.before -= len(c)
	last := len(l.large) - 1
	copy(l.large[i:], l.large[i+1:])
	l.large[last] = nil
	l.large = l.large[:last]
	if now := b.now(); now.round > 0 {
		l.putSpare(b, l.recycle(c), now, true)
	} else {
		l.release(b, c)
	}
}

// release gives the chunk c, which b was using, back to the garbage
// collector.
func (l *chunkList[E]) release(b *Bump, c []E) {
	b.unhold(uintptr(cap(c)) * elemSize[E]())
	l.quarantine(c)
}

// releaseSpare gives the spare chunk c back to the garbage collector; the
// caller holds the family's lock if the spares are shared.
func (l *chunkList[E]) releaseSpare(b *Bump, c []E) {
	b.root().allocated -= uintptr(cap(c)) * elemSize[E]()
	l.quarantine(c)
}

// newest reports whether the n values at p are the newest allocation of
// the current chunk, made after the newest checkpoint, and returns the
// index of p in it.
func (l *chunkList[E]) newest(p unsafe.Pointer, n int) (int, bool) {
	if cap(l.cur) == 0 {
		return 0, false
	}
	size := elemSize[E]()
	base := uintptr(unsafe.Pointer(unsafe.SliceData(l.cur)))
	d := uintptr(p) - base
	if uintptr(p) < base || d >= uintptr(cap(l.cur))*size {
		return 0, false
	}
	i := int(d / size)
	return i, i >= l.floor && i+n == len(l.cur)
}

// resizeNewest grows or shrinks in place the newest allocation of the
// current chunk, oldN values at p, to newN values, if there is room.
func (l *chunkList[E]) resizeNewest(p unsafe.Pointer, oldN, newN int) bool {
	i, ok := l.newest(p, oldN)
	if !ok || newN > cap(l.cur)-i {
		return false
	}
	if newN < oldN {
		clear(l.cur[i+newN : i+oldN])
	}
	l.cur = l.cur[:i+newN]
	return true
}

// freeNewest rewinds the current chunk past the n values at p if they are
// its newest allocation, and reports whether it did.
func (l *chunkList[E]) freeNewest(p unsafe.Pointer, n int) bool {
	i, ok := l.newest(p, n)
	if ok {
		clear(l.cur[i:])
		l.cur = l.cur[:i]
	}
	return ok
}

// setFloor protects the allocations made before the mark m (nil for
// none) from in-place resize and free.
func (l *chunkList[E]) setFloor(m *listMark) {
	l.floor, l.lfloor = 0, 0
	if m != nil {
		if m.chunks == len(l.chunks) {
			l.floor = m.used
		}
		l.lfloor = m.large
	}
}

// rewind returns the list to the mark m: the chunks taken after it become
// spares, the values allocated after it in its chunk are cleared, and the
// dedicated chunks taken after it are given back.
func (l *chunkList[E]) rewind(b *Bump, m listMark) {
	l.sync()
	for len(l.large) > m.large {
		l.freeLarge(b, len(l.large)-1)
	}
	for len(l.joined) > m.joined {
		last := len(l.joined) - 1
		c := l.joined[last]
		l.joined[last] = nil
		l.joined = l.joined[:last]
		l.before -= len(c)
		l.putSpare(b, l.recycle(c), b.now(), false)
	}
	for len(l.chunks) > max(m.chunks, 1) {
		last := len(l.chunks) - 1
		c := l.chunks[last]
		l.chunks[last] = nil
		l.chunks = l.chunks[:last]
		l.before -= len(l.chunks[last-1])
		l.putSpare(b, l.recycle(c), b.now(), false)
	}
	if len(l.chunks) == 0 {
		return
	}
	if m.chunks == 0 {
		// The list was empty at the mark: its only chunk is kept empty as
		// the current chunk, as a reset would.
		m.used = 0
	}
	c := l.chunks[len(l.chunks)-1]
	if len(c) > m.used {
		if checkedBuild {
			// The checked build does not reuse rewound memory: it cuts the
			// chunk and goes on in a fresh one (see checked_on.go).
			l.cur = l.cutChecked(c, m.used)
			return
		}
		clear(c[m.used:])
		c = c[:m.used]
		l.chunks[len(l.chunks)-1] = c
	}
	l.cur = c
}

// reset frees everything in the list: every chunk used this round,
// cleared where it was used, becomes a spare, and the retention policy
// (see retain.go) chooses which spares stay and which one becomes the
// current chunk of the next round.
func (l *chunkList[E]) reset(b *Bump) {
	l.sync()
	regular := 0
	for _, c := range l.chunks {
		regular += len(c)
	}
	now := b.now()
	if len(l.chunks) == 1 && len(l.large)+len(l.joined) == 0 && l.mu == nil &&
		l.spares.len()+l.largeSpares.len() == 0 && !checkedBuild {
		// The common small round: one chunk, kept as it is.
		if len(l.cur) > 0 {
			l.curStamp = now
		}
		clear(l.cur)
		l.cur = l.cur[:0]
		l.chunks[0] = l.cur
		l.before, l.floor, l.lfloor, l.hint = 0, 0, 0, 0
		return
	}
	l.hint = 0
	if len(l.chunks) > 1 {
		l.hint = regular + regular/8
	}
	h := l.lockSpares()
	for i, c := range l.chunks {
		stamp := now
		if i == 0 && len(c) == 0 {
			stamp = l.curStamp // kept from an earlier round and not used
		}
		h.spares.add(b, l.recycle(c), stamp)
	}
	for _, c := range l.large {
		h.largeSpares.add(b, l.recycle(c), now)
	}
	for _, c := range l.joined {
		h.spares.add(b, l.recycle(c), now)
	}
	clear(l.chunks)
	clear(l.large)
	clear(l.joined)
	l.chunks, l.large, l.joined = l.chunks[:0], l.large[:0], l.joined[:0]
	l.cur = nil
	l.before, l.floor, l.lfloor = 0, 0, 0
	h.spares.decay(b, h)
	h.largeSpares.decay(b, h)
	// The next round starts in the smallest spare that holds this round,
	// or in the largest there is.
	if i := h.spares.pick(regular, regular); i >= 0 || h.spares.len() > 0 {
		if i < 0 {
			i = h.spares.len() - 1
		}
		l.curStamp = h.spares.stamp(i)
		l.cur = h.spares.take(b, i)
		l.chunks = append(l.chunks, l.cur)
	}
	l.unlockSpares()
}

// decay releases, in a list that has not been used for a while, the
// chunks the retention policy no longer keeps, the current one included.
func (l *chunkList[E]) decay(b *Bump) {
	h := l.lockSpares()
	h.spares.decay(b, h)
	h.largeSpares.decay(b, h)
	l.unlockSpares()
	if len(l.chunks) == 1 && len(l.cur) == 0 && len(l.large)+len(l.joined) == 0 && expired(l.curStamp, b.now()) {
		l.release(b, l.cur)
		l.chunks[0] = nil
		l.chunks, l.cur = l.chunks[:0], nil
	}
}

// held returns the bytes of every chunk of the list, spares included.
func (l *chunkList[E]) held() uintptr {
	held := l.ownHeld()
	if l.home == nil {
		// A list that shares spares holds none: they are its home's.
		h := l.lockSpares()
		held += h.spares.bytes + h.largeSpares.bytes
		l.unlockSpares()
	}
	return held
}

// ownHeld returns the bytes of the chunks in use by the list.
func (l *chunkList[E]) ownHeld() uintptr {
	n := 0
	for i, c := range l.chunks {
		if i == len(l.chunks)-1 {
			c = l.cur
		}
		n += cap(c)
	}
	for _, c := range l.large {
		n += cap(c)
	}
	for _, c := range l.joined {
		n += cap(c)
	}
	return uintptr(n) * elemSize[E]()
}

// slack returns the bytes at the end of chunks the list has moved past,
// which this round will not use.
func (l *chunkList[E]) slack() uintptr {
	n := 0
	for _, c := range l.chunks[:max(len(l.chunks)-1, 0)] {
		n += cap(c) - len(c)
	}
	return uintptr(n) * elemSize[E]()
}

// chunkInfo yields a ChunkInfo for each chunk of the list; typ is the
// element type of a slab, nil for the byte list.
func (l *chunkList[E]) chunkInfo(typ ChunkInfo, yield func(ChunkInfo) bool) bool {
	l.sync()
	size := int(elemSize[E]())
	for _, c := range l.chunks {
		typ.Capacity, typ.Used, typ.Large, typ.Spare = cap(c)*size, len(c)*size, false, false
		if !yield(typ) {
			return false
		}
	}
	for _, c := range l.large {
		typ.Capacity, typ.Used, typ.Large, typ.Spare = cap(c)*size, len(c)*size, true, false
		if !yield(typ) {
			return false
		}
	}
	for _, c := range l.joined {
		typ.Capacity, typ.Used, typ.Large, typ.Spare = cap(c)*size, len(c)*size, false, false
		if !yield(typ) {
			return false
		}
	}
	if l.home != nil {
		return true // its spares are its home's
	}
	spares, large := l.spares.list, l.largeSpares.list
	if l.mu != nil {
		// Forked arenas change the spares meanwhile: report a snapshot,
		// and yield without holding the lock.
		l.mu.Lock()
		spares, large = slices.Clone(spares), slices.Clone(large)
		l.mu.Unlock()
	}
	for _, s := range spares {
		typ.Capacity, typ.Used, typ.Large, typ.Spare = cap(s.mem)*size, 0, false, true
		if !yield(typ) {
			return false
		}
	}
	for _, s := range large {
		typ.Capacity, typ.Used, typ.Large, typ.Spare = cap(s.mem)*size, 0, true, true
		if !yield(typ) {
			return false
		}
	}
	return true
}

// metadata returns the bytes of the list's own bookkeeping.
func (l *chunkList[E]) metadata() uintptr {
	return uintptr(cap(l.chunks)+cap(l.large)+cap(l.joined))*unsafe.Sizeof([]E(nil)) +
		uintptr(cap(l.spares.list)+cap(l.largeSpares.list))*unsafe.Sizeof(spare[E]{})
}
