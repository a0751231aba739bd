package proptest

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// node is a pointer-carrying value: every field but id refers to Go-heap
// memory that, once stored in the arena, is referenced from there only.
type node struct {
	id   int
	name string
	ref  *[2]int64
	tags []string
	any  any
}

func makeNode(seed int) node {
	name := fmt.Sprintf("node-%d", seed)
	return node{
		id:   seed,
		name: name,
		ref:  &[2]int64{int64(seed), -int64(seed)},
		tags: []string{name + "/a", strings.Repeat("t", seed%7)},
		any:  seed * 3,
	}
}

func (n *node) check(seed int) error {
	w := makeNode(seed)
	switch {
	case n.id != w.id, n.name != w.name, n.ref == nil, *n.ref != *w.ref,
		!slices.Equal(n.tags, w.tags), n.any != w.any:
		return fmt.Errorf("node holds %+v, want %+v", *n, w)
	}
	return nil
}

// pattern returns n bytes that differ between seeds and positions, so that
// overlapping or misplaced allocations show up as wrong contents.
func pattern(n, seed int) []byte {
	p := make([]byte, n)
	for i := range p {
		p[i] = byte(seed*131 + i*7 + 1)
	}
	return p
}

// A bumpEntry is a live allocation in the model: the arena memory handed out
// and what the test wrote into it.
type bumpEntry struct {
	what  string
	seq   int // allocation order; ResetTo frees entries with seq >= its checkpoint's
	align uintptr
	seed  int

	bytes []byte // bytes, aligned bytes (want: a Go-heap copy)
	want  []byte
	u32   []uint32
	words []uint64 // Allocator-path slices, which resize and free
	node  *node
	nodes []node // checked up to len, zero up to cap
	str   string
	wantS string
}

func (e *bumpEntry) span() (start, size uintptr) {
	switch {
	case e.bytes != nil:
		return uintptr(unsafe.Pointer(unsafe.SliceData(e.bytes))), uintptr(cap(e.bytes))
	case e.u32 != nil:
		return uintptr(unsafe.Pointer(unsafe.SliceData(e.u32))), uintptr(cap(e.u32)) * 4
	case e.words != nil:
		return uintptr(unsafe.Pointer(unsafe.SliceData(e.words))), uintptr(cap(e.words)) * 8
	case e.node != nil:
		return uintptr(unsafe.Pointer(e.node)), unsafe.Sizeof(node{})
	case e.nodes != nil:
		return uintptr(unsafe.Pointer(unsafe.SliceData(e.nodes))), uintptr(cap(e.nodes)) * unsafe.Sizeof(node{})
	case e.str != "":
		return uintptr(unsafe.Pointer(unsafe.StringData(e.str))), uintptr(len(e.str))
	}
	return 0, 0
}

func (e *bumpEntry) check() error {
	start, size := e.span()
	if size > 0 && start%e.align != 0 {
		return fmt.Errorf("%s at %#x is not aligned to %d", e.what, start, e.align)
	}
	switch {
	case e.bytes != nil:
		if !bytes.Equal(e.bytes, e.want) {
			return fmt.Errorf("%s changed: first difference at byte %d", e.what, firstDiff(e.bytes, e.want))
		}
	case e.u32 != nil:
		for i, v := range e.u32 {
			if v != uint32(e.seed+i) {
				return fmt.Errorf("%s[%d] = %d, want %d", e.what, i, v, e.seed+i)
			}
		}
	case e.words != nil:
		for i, v := range e.words {
			if want := wordAt(e.seed, i, len(e.want)); v != want {
				return fmt.Errorf("%s[%d] = %#x, want %#x", e.what, i, v, want)
			}
		}
	case e.node != nil:
		if err := e.node.check(e.seed); err != nil {
			return fmt.Errorf("%s: %w", e.what, err)
		}
	case e.nodes != nil:
		for i := range e.nodes {
			if err := e.nodes[i].check(e.seed + i); err != nil {
				return fmt.Errorf("%s[%d]: %w", e.what, i, err)
			}
		}
		for i, n := range e.nodes[len(e.nodes):cap(e.nodes)] {
			if n.id != 0 || n.name != "" || n.ref != nil || n.tags != nil || n.any != nil {
				return fmt.Errorf("%s: capacity element %d is not zero", e.what, len(e.nodes)+i)
			}
		}
	case e.str != "":
		if e.str != e.wantS {
			return fmt.Errorf("%s changed: first difference at byte %d", e.what, firstDiff([]byte(e.str), []byte(e.wantS)))
		}
	}
	return nil
}

// wordAt is the expected i'th word of a words entry whose first written
// words are seeded; words past written are the zeroes growth added.
// e.want holds one byte per written word, only for its length.
func wordAt(seed, i, written int) uint64 {
	if i >= written {
		return 0
	}
	return uint64(seed)<<32 | uint64(i) | 1<<63
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func allZero[T comparable](s []T) bool {
	var zero T
	for _, v := range s {
		if v != zero {
			return false
		}
	}
	return true
}

type bumpCheckpoint struct {
	cp       bump.Checkpoint
	seq      int
	cleanups int
}

// bumpMachine runs ops on a Bump and keeps the model: the live
// allocations, the open and stale checkpoints, and the registered cleanups.
type bumpMachine struct {
	b        bump.Bump
	live     []*bumpEntry
	seq      int
	cps      []bumpCheckpoint
	stale    []bump.Checkpoint
	cleanups []*modelCleanup // registered cleanups, oldest first
	ran      []int           // ids of cleanups run since the last reset
	// capBefore is ChunkCapacity before the current op: a failed
	// allocation must leave it as it was.
	capBefore int
	nextID    int
	// heap holds what the In helpers allocated on the Go heap: it stays
	// valid across resets.
	heap []*bumpEntry
	// peak is the most bytes the model saw in use since the last reset:
	// Stats().Peak must be at least that.
	peak  int
	pools [3]poolModel
	// children are the arenas forked from b and not joined yet.
	children []*childModel
}

// poolModel is a Pool and what the model counts of it.
type poolModel struct {
	p    bump.Pool
	gets uint64
}

// forwarder is an Allocator of the user's: it forwards to a Bump, so the
// In helpers take their generic path.
type forwarder struct{ b *bump.Bump }

func (f forwarder) Allocate(l bump.Layout, n int) (unsafe.Pointer, error) { return f.b.Allocate(l, n) }
func (f forwarder) Resize(l bump.Layout, p unsafe.Pointer, oldN, newN int) bool {
	return f.b.Resize(l, p, oldN, newN)
}
func (f forwarder) Free(l bump.Layout, p unsafe.Pointer, n int) { f.b.Free(l, p, n) }

var bumpOps = []opKind{
	{name: "AlignedBytes", weight: 6, args: []int{4097, 13, 256}}, // n, log2(align), seed
	{name: "Bytes", weight: 4, args: []int{4097, 256}},
	{name: "New", weight: 3, args: []int{1000}},
	{name: "Alloc", weight: 2, args: []int{1000}},
	{name: "NewPanicking", weight: 1, args: []int{1000}},
	{name: "MakeSlice", weight: 3, args: []int{64, 64, 1000}}, // len, extra cap, seed
	{name: "MakeSliceU32", weight: 2, args: []int{1025, 1000}},
	{name: "String", weight: 3, args: []int{4097, 256}},
	{name: "AllocateSlice", weight: 3, args: []int{512, 1000}},
	{name: "ResizeSlice", weight: 3, args: []int{64, 1024}}, // which, new cap
	{name: "FreeSlice", weight: 2, args: []int{64}},
	{name: "Checkpoint", weight: 2},
	{name: "ResetTo", weight: 2, args: []int{16}},
	{name: "ResetToStale", weight: 1, args: []int{16}},
	{name: "Reset", weight: 1},
	{name: "SetAllocationLimit", weight: 2, args: []int{4, 1 << 15}}, // mode, delta
	{name: "Cleanup", weight: 2, args: []int{8}},                     // kind (see cleanupKind)
	{name: "StopCleanup", weight: 1, args: []int{64}},
	{name: "Invalid", weight: 1, args: []int{5}},
	{name: "GC", weight: 1},
	{name: "In", weight: 3, args: []int{15, 300, 1000}},      // helper*3 + allocator, n, seed
	{name: "PoolJob", weight: 2, args: []int{3, 8000, 1000}}, // pool, bytes, seed
	{name: "Decay", weight: 1},
	{name: "Fork", weight: 2},
	{name: "ChildAlloc", weight: 4, args: []int{3, 5, 3000}}, // child, kind, n
	{name: "ChildReset", weight: 1, args: []int{3}},
	{name: "Join", weight: 2, args: []int{3}},
}

// childModel is a forked arena and the model of what it allocated, which
// becomes the parent's at the Join.
type childModel struct {
	b       *bump.Bump
	live    []*bumpEntry
	forkSeq int // the parent's seq at the fork: checkpoints at or before it predate it
}

func newBumpMachine() machine {
	m := &bumpMachine{}
	var other bump.Bump
	m.stale = append(m.stale, other.Checkpoint()) // a checkpoint of another Bump is stale too
	return m
}

func TestBump(t *testing.T) {
	checkMachine(t, "bump", bumpOps, newBumpMachine)
}

func (m *bumpMachine) add(e *bumpEntry) {
	m.seq++
	e.seq = m.seq
	if e.align == 0 {
		e.align = 1
	}
	m.live = append(m.live, e)
}

// allocResult checks the outcome of one allocation: success, or a limit
// failure that changed nothing.
func (m *bumpMachine) allocResult(err error, before int) (ok bool, _ error) {
	if err == nil {
		return true, nil
	}
	if !errors.Is(err, bump.ErrAllocationLimit) {
		return false, fmt.Errorf("unexpected error: %v", err)
	}
	if m.b.AllocationLimit() < 0 {
		return false, fmt.Errorf("limit error without a limit: %v", err)
	}
	if got := m.b.AllocatedBytes(); got != before {
		return false, fmt.Errorf("failed allocation changed AllocatedBytes from %d to %d", before, got)
	}
	if got := m.b.ChunkCapacity(); got != m.capBefore {
		return false, fmt.Errorf("failed allocation changed ChunkCapacity from %d to %d", m.capBefore, got)
	}
	return false, nil
}

func (m *bumpMachine) step(o op) error {
	before := m.b.AllocatedBytes()
	m.capBefore = m.b.ChunkCapacity()
	if err := m.apply(o, before); err != nil {
		return err
	}
	return m.check(before)
}

func (m *bumpMachine) apply(o op, before int) error {
	b := &m.b
	switch o.kind.name {
	case "AlignedBytes":
		n, align, seed := o.arg(0), 1<<o.arg(1), o.arg(2)
		s, err := bump.TryAlignedBytes(b, n, align)
		if ok, err := m.allocResult(err, before); !ok {
			return err
		}
		if len(s) != n || cap(s) != n {
			return fmt.Errorf("got len %d cap %d", len(s), cap(s))
		}
		if !allZero(s) {
			return fmt.Errorf("new allocation is not zeroed")
		}
		copy(s, pattern(n, seed))
		if n > 0 {
			m.add(&bumpEntry{what: o.String(), bytes: s, want: pattern(n, seed), align: uintptr(align)})
		}
	case "Bytes":
		n, seed := o.arg(0), o.arg(1)
		fits := n <= b.ChunkCapacity()
		s, err := bump.TryBytes(b, n)
		if ok, err := m.allocResult(err, before); !ok {
			if err == nil && fits {
				err = fmt.Errorf("failed although ChunkCapacity was %d", b.ChunkCapacity())
			}
			return err
		}
		if fits && b.AllocatedBytes() != before {
			return fmt.Errorf("took a new chunk although ChunkCapacity allowed %d bytes", n)
		}
		if len(s) != n || !allZero(s) {
			return fmt.Errorf("got len %d, zeroed %v", len(s), allZero(s))
		}
		copy(s, pattern(n, seed))
		if n > 0 {
			m.add(&bumpEntry{what: o.String(), bytes: s, want: pattern(n, seed)})
		}
	case "New", "Alloc", "NewPanicking":
		seed := o.arg(0)
		var p *node
		var err error
		switch o.kind.name {
		case "New":
			p, err = bump.TryNew[node](b)
		case "Alloc":
			p, err = bump.TryAlloc(b, makeNode(seed))
		case "NewPanicking":
			p, err = newPanicking(b)
		}
		if ok, err := m.allocResult(err, before); !ok {
			return err
		}
		if o.kind.name != "Alloc" {
			if p.name != "" || p.ref != nil || p.tags != nil || p.any != nil || p.id != 0 {
				return fmt.Errorf("new value is not zero: %+v", *p)
			}
			*p = makeNode(seed)
		}
		m.add(&bumpEntry{what: o.String(), node: p, seed: seed, align: unsafe.Alignof(node{})})
	case "MakeSlice":
		n, c, seed := o.arg(0), o.arg(0)+o.arg(1), o.arg(2)
		s, err := bump.TryMakeSlice[node](b, n, c)
		if ok, err := m.allocResult(err, before); !ok {
			return err
		}
		if len(s) != n || cap(s) != c {
			return fmt.Errorf("got len %d cap %d, want %d %d", len(s), cap(s), n, c)
		}
		e := &bumpEntry{what: o.String(), nodes: s, seed: seed, align: unsafe.Alignof(node{})}
		for i := range s[:c] {
			if s[:c][i].name != "" || s[:c][i].ref != nil || s[:c][i].any != nil {
				return fmt.Errorf("element %d of new slice is not zero", i)
			}
		}
		for i := range s {
			s[i] = makeNode(seed + i)
		}
		if c > 0 {
			m.add(e)
		}
	case "MakeSliceU32":
		n, seed := o.arg(0), o.arg(1)
		s, err := bump.TryMakeSlice[uint32](b, n, n)
		if ok, err := m.allocResult(err, before); !ok {
			return err
		}
		if len(s) != n || !allZero(s) {
			return fmt.Errorf("got len %d, zeroed %v", len(s), allZero(s))
		}
		for i := range s {
			s[i] = uint32(seed + i)
		}
		if n > 0 {
			m.add(&bumpEntry{what: o.String(), u32: s, seed: seed, align: 4})
		}
	case "String":
		want := string(pattern(o.arg(0), o.arg(1)))
		s, err := bump.TryString(b, want)
		if ok, err := m.allocResult(err, before); !ok {
			return err
		}
		if s != want {
			return fmt.Errorf("String returned a different string")
		}
		if s != "" {
			m.add(&bumpEntry{what: o.String(), str: s, wantS: want})
		}
	case "AllocateSlice":
		n, seed := o.arg(0)+1, o.arg(1)
		s, err := bump.AllocateSlice[uint64](b, n)
		if ok, err := m.allocResult(err, before); !ok {
			return err
		}
		if len(s) != n || cap(s) != n || !allZero(s) {
			return fmt.Errorf("got len %d cap %d, zeroed %v", len(s), cap(s), allZero(s))
		}
		for i := range s {
			s[i] = wordAt(seed, i, n)
		}
		m.add(&bumpEntry{what: o.String(), words: s, want: make([]byte, n), seed: seed, align: 8})
	case "ResizeSlice":
		e := m.pickWords(o.arg(0))
		if e == nil {
			return nil
		}
		newCap := o.arg(1) + 1
		old := e.words
		s, err := bump.ResizeSlice(b, old, newCap)
		if ok, err := m.allocResult(err, before); !ok {
			if err == nil && unsafe.SliceData(s) != unsafe.SliceData(old) {
				err = fmt.Errorf("failed ResizeSlice did not return s unchanged")
			}
			return err
		}
		if cap(s) != newCap || len(s) != min(len(old), newCap) {
			return fmt.Errorf("got len %d cap %d, want %d %d", len(s), cap(s), min(len(old), newCap), newCap)
		}
		if unsafe.SliceData(s) != unsafe.SliceData(old) {
			m.seq++ // moved: it now belongs to the newest checkpoint
			e.seq = m.seq
		}
		e.what += fmt.Sprintf("+resize(%d)", newCap)
		e.words = s[:newCap]
		e.want = e.want[:min(len(e.want), newCap)]
	case "FreeSlice":
		e := m.pickWords(o.arg(0))
		if e == nil {
			return nil
		}
		bump.FreeSlice(b, e.words)
		m.live = slices.DeleteFunc(m.live, func(x *bumpEntry) bool { return x == e })
	case "Checkpoint":
		m.cps = append(m.cps, bumpCheckpoint{cp: b.Checkpoint(), seq: m.seq + 1, cleanups: len(m.cleanups)})
	case "ResetTo":
		if len(m.cps) == 0 {
			return nil
		}
		i := o.arg(0) % len(m.cps)
		cp := m.cps[i]
		if n := m.forkedAfter(cp.seq); n > 0 {
			return m.refused(fmt.Sprintf("bump: ResetTo: %d forked arenas not joined", n), func() { _ = b.ResetTo(cp.cp) }, before)
		}
		var err error
		if bug := m.checkReset(cp.cleanups, func() { err = b.ResetTo(cp.cp) }); bug != nil {
			return bug
		}
		if err != nil {
			return fmt.Errorf("ResetTo an open checkpoint: %v", err)
		}
		for _, later := range m.cps[i+1:] {
			m.stale = append(m.stale, later.cp)
		}
		m.cps = m.cps[:i+1]
		m.live = slices.DeleteFunc(m.live, func(e *bumpEntry) bool { return e.seq >= cp.seq })
	case "ResetToStale":
		cp := m.stale[o.arg(0)%len(m.stale)]
		m.ran = m.ran[:0]
		if err := b.ResetTo(cp); !errors.Is(err, bump.ErrStaleCheckpoint) {
			return fmt.Errorf("ResetTo a stale checkpoint returned %v, want ErrStaleCheckpoint", err)
		}
		if len(m.ran) > 0 || b.AllocatedBytes() != before {
			return fmt.Errorf("ResetTo a stale checkpoint ran cleanups %v or changed AllocatedBytes", m.ran)
		}
	case "Reset":
		if n := len(m.children); n > 0 {
			return m.refused(fmt.Sprintf("bump: Reset: %d forked arenas not joined", n), b.Reset, before)
		}
		if bug := m.checkReset(0, b.Reset); bug != nil {
			return bug
		}
		for _, cp := range m.cps {
			m.stale = append(m.stale, cp.cp)
		}
		m.cps = nil
		m.live = nil
		m.peak = 0
	case "SetAllocationLimit":
		var limit int
		switch o.arg(0) {
		case 0:
			limit = -1
		case 1:
			limit = before + o.arg(1)
		case 2:
			limit = max(before-o.arg(1), 0)
		case 3:
			limit = before
		}
		b.SetAllocationLimit(limit)
		if got := b.AllocationLimit(); got != limit {
			return fmt.Errorf("AllocationLimit() = %d after SetAllocationLimit(%d)", got, limit)
		}
	case "Cleanup":
		m.nextID++
		c := &modelCleanup{id: m.nextID, kind: cleanupKind(o.arg(0))}
		if c.kind == stopsOlder {
			for _, older := range slices.Backward(m.cleanups) {
				if !older.stopped {
					c.target = older
					break
				}
			}
		}
		c.reg = b.Cleanup(func() { m.runCleanup(c) })
		m.cleanups = append(m.cleanups, c)
	case "StopCleanup":
		if len(m.cleanups) == 0 {
			return nil
		}
		c := m.cleanups[o.arg(0)%len(m.cleanups)]
		c.reg.Stop()
		c.stopped = true
	case "Invalid":
		var err error
		switch o.arg(0) {
		case 0:
			_, err = bump.TryMakeSlice[node](b, -1, 4)
		case 1:
			_, err = bump.TryMakeSlice[uint32](b, 5, 4)
		case 2:
			_, err = bump.TryAlignedBytes(b, 8, 3)
		case 3:
			_, err = bump.TryBytes(b, -1)
		case 4:
			_, err = bump.AllocateSlice[uint64](b, -1)
		}
		if !errors.Is(err, bump.ErrInvalidSize) {
			return fmt.Errorf("got %v, want ErrInvalidSize", err)
		}
	case "GC":
		collect()
	case "In":
		return m.applyIn(o, before)
	case "Fork":
		if len(m.children) == 3 {
			return nil
		}
		m.seq++
		m.children = append(m.children, &childModel{b: b.Fork(), forkSeq: m.seq})
	case "ChildAlloc":
		if len(m.children) == 0 {
			return nil
		}
		return m.childAlloc(m.children[o.arg(0)%len(m.children)], o)
	case "ChildReset":
		if len(m.children) == 0 {
			return nil
		}
		c := m.children[o.arg(0)%len(m.children)]
		c.b.Reset()
		c.live = nil
		if st := c.b.Stats(); st.InUse != 0 {
			return fmt.Errorf("a reset child has %d bytes in use", st.InUse)
		}
	case "Join":
		if len(m.children) == 0 {
			return nil
		}
		i := o.arg(0) % len(m.children)
		c := m.children[i]
		b.Join(c.b)
		m.children = slices.Delete(m.children, i, i+1)
		for _, e := range c.live {
			m.add(e) // joined memory counts as allocated at the Join
		}
		if got := c.b.AllocatedBytes(); got != 0 {
			return fmt.Errorf("a joined child still holds %d bytes", got)
		}
	case "PoolJob":
		return m.poolJob(&m.pools[o.arg(0)], o.arg(1), o.arg(2))
	case "Decay":
		if len(m.children) > 0 {
			return nil
		}
		// Rounds that use nothing: everything the arena keeps is released
		// once the retention window, in resets and in collections, has
		// passed.
		for i := range 60 {
			if bug := m.checkReset(0, b.Reset); bug != nil {
				return bug
			}
			m.live = nil
			if i%10 == 0 {
				runtime.GC()
				for range 100 {
					runtime.Gosched() // for the cleanups that count collections
				}
			}
		}
		for _, cp := range m.cps {
			m.stale = append(m.stale, cp.cp)
		}
		m.cps = nil
		m.peak = 0
		if got := b.AllocatedBytes(); got != 0 {
			return fmt.Errorf("after 60 empty rounds and 6 collections the arena holds %d bytes", got)
		}
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}

// forkedAfter returns how many children were forked after the checkpoint
// of sequence number seq was taken.
func (m *bumpMachine) forkedAfter(seq int) int {
	n := 0
	for _, c := range m.children {
		if c.forkSeq >= seq {
			n++
		}
	}
	return n
}

// refused checks that reset, refused because of children out, panics with
// want and changes nothing.
func (m *bumpMachine) refused(want string, reset func(), before int) error {
	var got any
	ran := len(m.ran)
	func() {
		defer func() { got = recover() }()
		reset()
	}()
	if got != want {
		return fmt.Errorf("with %d children out, a reset panicked with %v, want %q", len(m.children), got, want)
	}
	if len(m.ran) != ran || m.b.AllocatedBytes() != before {
		return fmt.Errorf("a refused reset ran cleanups or changed AllocatedBytes")
	}
	return nil
}

// childAlloc allocates in the child c, from the family's shared spares or
// the heap, and records the allocation in c's model.
func (m *bumpMachine) childAlloc(c *childModel, o op) error {
	n, seed := o.arg(2), o.arg(2)*7+len(c.live)
	var e *bumpEntry
	var err error
	switch o.arg(1) {
	case 0, 4:
		if o.arg(1) == 4 {
			n += 300 << 10 // a dedicated chunk
		}
		var s []byte
		if s, err = bump.TryBytes(c.b, n); err == nil && n > 0 {
			copy(s, pattern(n, seed))
			e = &bumpEntry{bytes: s, want: pattern(n, seed)}
		}
	case 1:
		var p *node
		if p, err = bump.TryAlloc(c.b, makeNode(seed)); err == nil {
			e = &bumpEntry{node: p, seed: seed, align: unsafe.Alignof(node{})}
		}
	case 2:
		want := string(pattern(n%500, seed))
		var s string
		if s, err = bump.TryString(c.b, want); err == nil && s != "" {
			e = &bumpEntry{str: s, wantS: want}
		}
	case 3:
		var s []node
		if s, err = bump.TryMakeSlice[node](c.b, n/8+1, n/8+1); err == nil {
			for i := range s {
				s[i] = makeNode(seed + i)
			}
			e = &bumpEntry{nodes: s, seed: seed, align: unsafe.Alignof(node{})}
		}
	}
	if err != nil {
		if !errors.Is(err, bump.ErrAllocationLimit) || m.b.AllocationLimit() < 0 {
			return fmt.Errorf("child allocation: %v", err)
		}
		return nil
	}
	if e != nil {
		e.what = o.String()
		if e.align == 0 {
			e.align = 1
		}
		c.live = append(c.live, e)
	}
	return nil
}

// applyIn allocates with one of the In helpers from the Bump, the Go heap
// or an allocator of the user's, and checks what it got.
func (m *bumpMachine) applyIn(o op, before int) error {
	var a bump.Allocator
	helper := o.arg(0) / 3
	switch o.arg(0) % 3 {
	case 0:
		a = &m.b
	case 1:
		a = nil
	case 2:
		a = forwarder{&m.b}
	}
	n, seed := o.arg(1), o.arg(2)
	e := &bumpEntry{what: o.String(), seed: seed, align: 1}
	var err error
	switch helper {
	case 0, 1:
		var p *node
		if helper == 0 {
			p, err = bump.TryNewIn[node](a)
			if err == nil && (p.name != "" || p.ref != nil || p.id != 0) {
				return fmt.Errorf("NewIn: new value is not zero: %+v", *p)
			}
			if err == nil {
				*p = makeNode(seed)
			}
		} else {
			p, err = bump.TryAllocIn(a, makeNode(seed))
		}
		e.node, e.align = p, unsafe.Alignof(node{})
	case 2:
		var s []node
		s, err = bump.TryMakeSliceIn[node](a, n/2, n)
		if err == nil {
			if len(s) != n/2 || cap(s) != n {
				return fmt.Errorf("MakeSliceIn: len %d cap %d", len(s), cap(s))
			}
			for i, v := range s[:n] {
				if v.name != "" || v.ref != nil || v.any != nil || v.id != 0 {
					return fmt.Errorf("MakeSliceIn: element %d is not zero", i)
				}
			}
			for i := range s {
				s[i] = makeNode(seed + i)
			}
		}
		e.nodes, e.align = s, unsafe.Alignof(node{})
	case 3:
		var s []uint32
		src := make([]uint32, n)
		for i := range src {
			src[i] = uint32(seed + i)
		}
		s, err = bump.TryCopySliceIn(a, src)
		if err == nil && (len(s) != n || cap(s) != n) {
			return fmt.Errorf("CopySliceIn: len %d cap %d", len(s), cap(s))
		}
		e.u32, e.align = s, 4
	case 4:
		want := string(pattern(n, seed))
		var s string
		s, err = bump.TryStringIn(a, want)
		if err == nil && s != want {
			return fmt.Errorf("StringIn returned a different string")
		}
		e.str, e.wantS = s, want
	}
	if a == nil {
		if err != nil {
			return fmt.Errorf("the Go heap failed: %v", err)
		}
		if start, size := e.span(); size > 0 && start != 0 {
			m.heap = append(m.heap, e)
		}
		return nil
	}
	if ok, err := m.allocResult(err, before); !ok {
		return err
	}
	if _, size := e.span(); size > 0 {
		m.add(e)
	}
	return nil
}

// poolJob gets an arena from a pool, fills it with a job of about size
// bytes of both kinds of storage, checks the job's memory, and puts the
// arena back.
func (m *bumpMachine) poolJob(pm *poolModel, size, seed int) error {
	a := pm.p.Get()
	pm.gets++
	if st := a.Stats(); st.InUse != 0 || st.Peak != 0 {
		return fmt.Errorf("Pool.Get returned an arena with %d bytes in use (peak %d)", st.InUse, st.Peak)
	}
	want := pattern(size, seed)
	s := bump.Bytes(a, size)
	if !allZero(s) {
		return fmt.Errorf("pooled arena handed out memory that is not zero")
	}
	copy(s, want)
	nodes := bump.MakeSlice[node](a, size/512+1, size/512+1)
	for i := range nodes {
		if nodes[i].name != "" {
			return fmt.Errorf("pooled arena handed out a node that is not zero")
		}
		nodes[i] = makeNode(seed + i)
	}
	if !bytes.Equal(s, want) {
		return fmt.Errorf("the job's bytes changed: first difference at %d", firstDiff(s, want))
	}
	for i := range nodes {
		if err := nodes[i].check(seed + i); err != nil {
			return err
		}
	}
	pm.p.Put(a)
	st := pm.p.Stats()
	if st.Gets != pm.gets || st.Reuses+st.Created != st.Gets || st.Idle > int(st.Created) {
		return fmt.Errorf("pool stats %+v after %d gets", st, pm.gets)
	}
	return nil
}

func newPanicking(b *bump.Bump) (p *node, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok || !errors.Is(e, bump.ErrAllocationLimit) {
				panic(r)
			}
			err = e
		}
	}()
	return bump.New[node](b), nil
}

// pickWords returns the i'th live AllocateSlice entry (modulo their number),
// or nil if there is none.
func (m *bumpMachine) pickWords(i int) *bumpEntry {
	var ws []*bumpEntry
	for _, e := range m.live {
		if e.words != nil {
			ws = append(ws, e)
		}
	}
	if len(ws) == 0 {
		return nil
	}
	return ws[i%len(ws)]
}

// A cleanupKind is what a registered cleanup does besides recording that
// it ran. Kinds from plain on are plain; the arguments draw them more often.
type cleanupKind int

const (
	panics          cleanupKind = iota // panics with a value naming it
	callsReset                         // calls Reset: refused with a panic
	callsResetTo                       // calls ResetTo of the oldest checkpoint: refused
	callsCheckpoint                    // calls Checkpoint: refused
	registers                          // registers a cleanup, which runs in the same reset
	stopsOlder                         // stops the newest older registration still live
	plain
)

// A modelCleanup is a registered cleanup and what the model knows of it.
type modelCleanup struct {
	id      int
	kind    cleanupKind
	target  *modelCleanup // what a stopsOlder cleanup stops
	stopped bool
	reg     bump.Cleanup
}

// runCleanup is the function registered for c: it records that c ran and
// does what its kind says.
func (m *bumpMachine) runCleanup(c *modelCleanup) {
	m.ran = append(m.ran, c.id)
	b := &m.b
	switch c.kind {
	case panics:
		panic(fmt.Sprint("cleanup ", c.id))
	case callsReset:
		b.Reset()
	case callsResetTo:
		if len(m.cps) > 0 {
			_ = b.ResetTo(m.cps[0].cp)
		} else {
			_ = b.ResetTo(m.stale[0])
		}
	case callsCheckpoint:
		b.Checkpoint()
	case registers:
		b.Cleanup(func() { m.ran = append(m.ran, -c.id) })
	case stopsOlder:
		if c.target != nil {
			c.target.reg.Stop()
		}
	}
}

// expectReset returns, for a reset that runs the cleanups registered
// after the first keep, the ids it must run in order and the value it must
// panic with (the first panic, nil if none), and marks in the model what
// the cleanups stop.
func (m *bumpMachine) expectReset(keep int) (ran []int, panicValue any) {
	refused := func(fn string) {
		if panicValue == nil {
			panicValue = "bump: " + fn + ": called from a cleanup during a reset"
		}
	}
	for _, c := range slices.Backward(m.cleanups[keep:]) {
		if c.stopped {
			continue
		}
		c.stopped = true // it runs once
		ran = append(ran, c.id)
		switch c.kind {
		case panics:
			if panicValue == nil {
				panicValue = fmt.Sprint("cleanup ", c.id)
			}
		case callsReset:
			refused("Reset")
		case callsResetTo:
			refused("ResetTo")
		case callsCheckpoint:
			refused("Checkpoint")
		case registers:
			ran = append(ran, -c.id)
		case stopsOlder:
			if c.target != nil {
				c.target.stopped = true
			}
		}
	}
	return ran, panicValue
}

// checkReset runs reset, which must run exactly the cleanups registered
// after the first keep (newest first, the ones registered by cleanups
// right after them, none stopped) and panic with the first of their
// panics, and forgets those cleanups. However the cleanups panic, the
// reset completes, which the caller's model update and check verify.
func (m *bumpMachine) checkReset(keep int, reset func()) error {
	want, wantPanic := m.expectReset(keep)
	m.ran = m.ran[:0]
	var got any
	func() {
		defer func() { got = recover() }()
		reset()
	}()
	if got != wantPanic {
		return fmt.Errorf("reset panicked with %v, want %v", got, wantPanic)
	}
	if !slices.Equal(m.ran, want) && !(len(m.ran) == 0 && len(want) == 0) {
		return fmt.Errorf("cleanups ran %v, want %v", m.ran, want)
	}
	m.cleanups = m.cleanups[:keep]
	return nil
}

// check verifies the invariants that hold after every op.
func (m *bumpMachine) check(before int) error {
	type span struct {
		start, end uintptr
		e          *bumpEntry
	}
	spans := make([]span, 0, len(m.live))
	var liveBytes uintptr
	all := m.live
	var lent int
	for _, c := range m.children {
		all = append(all[:len(all):len(all)], c.live...)
		lent += c.b.AllocatedBytes()
	}
	for _, e := range all {
		if err := e.check(); err != nil {
			return err
		}
		start, size := e.span()
		spans = append(spans, span{start, start + size, e})
		if slices.Contains(m.live, e) {
			liveBytes += size
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	for i := 1; i < len(spans); i++ {
		if spans[i].start < spans[i-1].end {
			return fmt.Errorf("live allocations overlap: %s [%#x,%#x) and %s [%#x,%#x)",
				spans[i-1].e.what, spans[i-1].start, spans[i-1].end, spans[i].e.what, spans[i].start, spans[i].end)
		}
	}

	for _, e := range m.heap {
		if err := e.check(); err != nil {
			return fmt.Errorf("Go-heap allocation: %w", err)
		}
	}

	b := &m.b
	if err := m.checkStats(); err != nil {
		return err
	}
	allocated := b.AllocatedBytes()
	if uintptr(allocated) < liveBytes {
		return fmt.Errorf("AllocatedBytes() = %d < %d live bytes", allocated, liveBytes)
	}
	if meta := b.AllocatedBytesIncludingMetadata(); meta < allocated || allocated > lent && meta == allocated {
		return fmt.Errorf("AllocatedBytesIncludingMetadata() = %d, AllocatedBytes() = %d", meta, allocated)
	}
	return checkChunks(b, liveBytes, before, lent)
}

// checkStats checks Stats against the chunks and against the model's
// record of the peak.
func (m *bumpMachine) checkStats() error {
	b := &m.b
	st := b.Stats()
	var used, spare int
	for c := range b.Chunks() {
		used += c.Used
		if c.Spare {
			spare += c.Capacity
		}
	}
	switch {
	case st.Held != b.AllocatedBytes(), st.InUse != used, st.Spare != spare,
		st.Spare > st.Held, st.InUse > st.Held, st.Wasted > st.Held,
		st.Peak < st.InUse, st.Peak < m.peak, st.RecentPeak < st.Peak:
		return fmt.Errorf("Stats %+v inconsistent with chunks (in use %d, spare %d, held %d) or the model's peak %d",
			st, used, spare, b.AllocatedBytes(), m.peak)
	}
	m.peak = max(m.peak, st.InUse)
	return nil
}

// checkChunks checks the arena's accounting against its chunks: each
// chunk uses at most its capacity, the capacities add up to
// AllocatedBytes, the chunks hold at least liveBytes, and the arena grew
// beyond its limit only if it already was (it held before bytes before the
// operation).
//
// lent is what the arena's children hold, which its AllocatedBytes covers
// but its chunks do not.
func checkChunks(b *bump.Bump, liveBytes uintptr, before, lent int) error {
	allocated := b.AllocatedBytes()
	var capacity, used int
	for c := range b.Chunks() {
		if c.Used < 0 || c.Used > c.Capacity {
			return fmt.Errorf("chunk %+v uses more than its capacity", c)
		}
		capacity += c.Capacity
		used += c.Used
	}
	if capacity+lent != allocated {
		return fmt.Errorf("chunk capacities add up to %d, forked arenas hold %d, AllocatedBytes() = %d", capacity, lent, allocated)
	}
	if uintptr(used) < liveBytes {
		return fmt.Errorf("chunks use %d bytes < %d live bytes", used, liveBytes)
	}
	if limit := b.AllocationLimit(); limit >= 0 && allocated > before && allocated > limit {
		return fmt.Errorf("AllocatedBytes() grew from %d to %d, beyond the limit %d", before, allocated, limit)
	}
	return nil
}
