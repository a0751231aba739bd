package proptest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// tsmall is a 24-byte pointer-free value, bumped in byte chunks.
type tsmall struct{ a, b, c int64 }

func makeSmall(seed int) tsmall { return tsmall{int64(seed), int64(-seed), int64(seed * 7)} }

// A typedEntry is a live allocation of the typed model: where it is and
// how to check its contents.
type typedEntry struct {
	what  string
	seq   int // allocation order; ResetTo frees entries with seq >= its checkpoint's
	start uintptr
	size  uintptr
	check func() error
}

// typedMachine runs Of, the Typed methods, Append and TryAppend, mixed
// with the Bump's own New, on one Bump with checkpoints, resets and
// limits. Its model is the list of live allocations with their expected
// contents: after every op they must hold them, not overlap, and be
// accounted for by the chunks, which add up to AllocatedBytes.
type typedMachine struct {
	b    bump.Bump
	live []*typedEntry
	seq  int
	cps  []typedCheckpoint
	// appends are the slices built with Append, by index into live (or -1
	// once dropped), so that Append can extend them again.
	appends []*typedAppend
}

type typedCheckpoint struct {
	cp  bump.Checkpoint
	seq int
}

type typedAppend struct {
	s    []int64
	want []int64
	e    *typedEntry
}

var typedOps = []opKind{
	{name: "Of", weight: 1, args: []int{2}},                  // which type
	{name: "New", weight: 4, args: []int{2, 1000}},           // type, seed
	{name: "Alloc", weight: 4, args: []int{2, 1000}},         // type, seed
	{name: "MakeSlice", weight: 3, args: []int{2, 3000, 64}}, // type, capacity, len hint
	{name: "Append", weight: 5, args: []int{8, 300, 1000}},   // which slice (last: new), count, seed
	{name: "AppendHeap", weight: 1, args: []int{16, 16}},     // len, extra capacity
	{name: "BumpNew", weight: 2, args: []int{1000}},
	{name: "Checkpoint", weight: 2},
	{name: "ResetTo", weight: 2, args: []int{8}},
	{name: "Reset", weight: 1},
	{name: "SetAllocationLimit", weight: 1, args: []int{3, 1 << 14}}, // mode, delta
}

func TestTyped(t *testing.T) {
	checkMachine(t, "typed", typedOps, func() machine { return &typedMachine{} })
}

func (m *typedMachine) add(what string, start, size uintptr, check func() error) *typedEntry {
	m.seq++
	e := &typedEntry{what: what, seq: m.seq, start: start, size: size, check: check}
	m.live = append(m.live, e)
	return e
}

// failed checks an allocation error: only a limit failure is allowed, and
// it must change nothing.
func (m *typedMachine) failed(err error, before int) error {
	if !errors.Is(err, bump.ErrAllocationLimit) {
		return fmt.Errorf("unexpected error: %v", err)
	}
	if m.b.AllocationLimit() < 0 {
		return fmt.Errorf("limit error without a limit: %v", err)
	}
	if got := m.b.AllocatedBytes(); got != before {
		return fmt.Errorf("failed allocation changed AllocatedBytes from %d to %d", before, got)
	}
	return nil
}

func (m *typedMachine) step(o op) error {
	before := m.b.AllocatedBytes()
	if err := m.apply(o, before); err != nil {
		return err
	}
	return m.check(before)
}

func addrOf[T any](p *T) uintptr { return uintptr(unsafe.Pointer(p)) }

func (m *typedMachine) apply(o op, before int) error {
	b := &m.b
	switch o.kind.name {
	case "Of":
		if o.arg(0) == 0 {
			if h := bump.Of[tsmall](b); h != bump.Of[tsmall](b) {
				return errors.New("Of returned two handles for tsmall")
			}
		} else if h := bump.Of[node](b); h != bump.Of[node](b) {
			return errors.New("Of returned two handles for node")
		}
	case "New", "Alloc":
		seed := o.arg(1)
		if o.arg(0) == 0 {
			h := bump.Of[tsmall](b)
			var p *tsmall
			var err error
			if o.kind.name == "New" {
				if p, err = h.TryNew(); err == nil {
					if *p != (tsmall{}) {
						return fmt.Errorf("TryNew returned %+v, not zero", *p)
					}
					*p = makeSmall(seed)
				}
			} else {
				p, err = h.TryAlloc(makeSmall(seed))
			}
			if err != nil {
				return m.failed(err, before)
			}
			m.add("Typed[tsmall]."+o.kind.name, addrOf(p), unsafe.Sizeof(*p), func() error {
				if *p != makeSmall(seed) {
					return fmt.Errorf("tsmall holds %+v, want %+v", *p, makeSmall(seed))
				}
				return nil
			})
			return nil
		}
		h := bump.Of[node](b)
		var p *node
		var err error
		if o.kind.name == "New" {
			if p, err = h.TryNew(); err == nil {
				if p.id != 0 || p.name != "" || p.ref != nil || p.tags != nil || p.any != nil {
					return fmt.Errorf("TryNew returned %+v, not zero", *p)
				}
				*p = makeNode(seed)
			}
		} else {
			p, err = h.TryAlloc(makeNode(seed))
		}
		if err != nil {
			return m.failed(err, before)
		}
		m.add("Typed[node]."+o.kind.name, addrOf(p), unsafe.Sizeof(*p), func() error { return p.check(seed) })
	case "MakeSlice":
		capacity := o.arg(1)
		length := min(o.arg(2), capacity)
		seed := m.seq
		if o.arg(0) == 0 {
			s, err := bump.Of[tsmall](b).TryMakeSlice(length, capacity)
			if err != nil {
				return m.failed(err, before)
			}
			if len(s) != length || cap(s) != capacity || !allZero(s[:cap(s)]) {
				return fmt.Errorf("TryMakeSlice(%d, %d) returned len %d cap %d, zero %v", length, capacity, len(s), cap(s), allZero(s[:cap(s)]))
			}
			for i := range s {
				s[i] = makeSmall(seed + i)
			}
			m.add("Typed[tsmall].MakeSlice", addrOf(unsafe.SliceData(s)), uintptr(cap(s))*unsafe.Sizeof(tsmall{}), func() error {
				for i := range s {
					if s[i] != makeSmall(seed+i) {
						return fmt.Errorf("MakeSlice element %d holds %+v", i, s[i])
					}
				}
				if !allZero(s[len(s):cap(s)]) {
					return errors.New("MakeSlice capacity beyond the length is not zero")
				}
				return nil
			})
			return nil
		}
		s, err := bump.Of[node](b).TryMakeSlice(length, capacity)
		if err != nil {
			return m.failed(err, before)
		}
		for i := range s {
			s[i] = makeNode(seed + i)
		}
		m.add("Typed[node].MakeSlice", addrOf(unsafe.SliceData(s)), uintptr(cap(s))*unsafe.Sizeof(node{}), func() error {
			for i := range s {
				if err := s[i].check(seed + i); err != nil {
					return fmt.Errorf("MakeSlice element %d: %w", i, err)
				}
			}
			return nil
		})
	case "Append":
		var a *typedAppend
		if i := o.arg(0); i < len(m.appends) {
			a = m.appends[i]
		} else {
			a = &typedAppend{}
			m.appends = append(m.appends, a)
		}
		vs := make([]int64, o.arg(1)+1)
		for i := range vs {
			vs[i] = int64(o.arg(2)*1000 + i)
		}
		s, err := bump.TryAppend(b, a.s, vs...)
		if err != nil {
			if !slices.Equal(s, a.s) {
				return errors.New("TryAppend failed but did not return s")
			}
			return m.failed(err, before)
		}
		a.want = append(a.want, vs...)
		if len(a.s) > 0 && unsafe.SliceData(s) == unsafe.SliceData(a.s) && cap(s) > cap(a.s) {
			// Grown in place: the entry covers more; it keeps its age,
			// which a checkpoint in between would have prevented.
			if e := a.e; e != nil {
				e.size = uintptr(cap(s)) * 8
			}
		} else if cap(s) != cap(a.s) || a.e == nil {
			// Moved: the old storage stays the caller's, untracked.
			m.drop(a.e)
			a.e = m.add("Append", addrOf(unsafe.SliceData(s)), uintptr(cap(s))*8, nil)
		}
		a.s = s
		want, got := slices.Clone(a.want), s
		a.e.check = func() error {
			if !slices.Equal(got[:len(want)], want) {
				return fmt.Errorf("appended slice holds %v..., want %v...", got[:min(len(got), 4)], want[:min(len(want), 4)])
			}
			if !allZero(got[len(want):cap(got)]) {
				return errors.New("appended slice's capacity beyond the length is not zero")
			}
			return nil
		}
	case "AppendHeap":
		h := make([]int64, o.arg(0), o.arg(0)+o.arg(1))
		for i := range h[:cap(h)] {
			h[:cap(h)][i] = int64(i + 1)
		}
		orig := slices.Clone(h[:cap(h)])
		vs := []int64{-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17}
		s, err := bump.TryAppend(b, h, vs...)
		if err != nil {
			return m.failed(err, before)
		}
		if !slices.Equal(s, append(slices.Clone(h), vs...)) {
			return fmt.Errorf("TryAppend of a heap slice returned %v", s)
		}
		if len(vs) > cap(h)-len(h) && !slices.Equal(h[:cap(h)], orig) {
			return errors.New("TryAppend wrote to a heap slice it had to move")
		}
	case "BumpNew":
		seed := o.arg(0)
		p, err := bump.TryNew[tsmall](b)
		if err != nil {
			return m.failed(err, before)
		}
		*p = makeSmall(seed)
		m.add("bump.New[tsmall]", addrOf(p), unsafe.Sizeof(*p), func() error {
			if *p != makeSmall(seed) {
				return fmt.Errorf("bump.New value holds %+v", *p)
			}
			return nil
		})
	case "Checkpoint":
		m.cps = append(m.cps, typedCheckpoint{b.Checkpoint(), m.seq + 1})
	case "ResetTo":
		if len(m.cps) == 0 {
			return nil
		}
		i := o.arg(0) % len(m.cps)
		c := m.cps[i]
		if err := b.ResetTo(c.cp); err != nil {
			return fmt.Errorf("ResetTo an open checkpoint: %v", err)
		}
		m.cps = m.cps[:i+1]
		m.live = slices.DeleteFunc(m.live, func(e *typedEntry) bool { return e.seq >= c.seq })
		m.dropAppends()
	case "Reset":
		b.Reset()
		m.live, m.cps = nil, nil
		m.dropAppends()
	case "SetAllocationLimit":
		switch o.arg(0) {
		case 0:
			b.SetAllocationLimit(-1)
		default:
			b.SetAllocationLimit(b.AllocatedBytes() + o.arg(1))
		}
	}
	return nil
}

// drop removes e from the live list.
func (m *typedMachine) drop(e *typedEntry) {
	m.live = slices.DeleteFunc(m.live, func(x *typedEntry) bool { return x == e })
}

// dropAppends forgets the appended slices whose entry was freed.
func (m *typedMachine) dropAppends() {
	for _, a := range m.appends {
		if a.e != nil && !slices.Contains(m.live, a.e) {
			*a = typedAppend{}
		}
	}
}

func (m *typedMachine) check(before int) error {
	var liveBytes uintptr
	for _, e := range m.live {
		if err := e.check(); err != nil {
			return fmt.Errorf("%s: %w", e.what, err)
		}
		liveBytes += e.size
	}
	// Empty slices may point anywhere, as with make.
	spans := slices.DeleteFunc(slices.Clone(m.live), func(e *typedEntry) bool { return e.size == 0 })
	slices.SortFunc(spans, func(a, b *typedEntry) int { return cmp.Compare(a.start, b.start) })
	for i := 1; i < len(spans); i++ {
		if p, s := spans[i-1], spans[i]; s.start < p.start+p.size {
			return fmt.Errorf("live allocations overlap: %s [%#x+%d] and %s [%#x+%d]", p.what, p.start, p.size, s.what, s.start, s.size)
		}
	}
	return checkChunks(&m.b, liveBytes, before, 0)
}
