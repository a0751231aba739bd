package proptest

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
)

// payload is a Go-heap object that, in the GC test, only arena memory refers
// to. It is large and holds a pointer, so that it never shares a tiny-alloc
// block whose other objects would keep it alive.
type payload struct {
	seed int
	data [4]int
	name *string
}

func newPayload(seed int) *payload {
	name := strings.Repeat("p", 16) + fmt.Sprint(seed)
	return &payload{seed: seed, data: [4]int{seed, seed + 1, seed + 2, seed + 3}, name: &name}
}

func (p *payload) check(seed int) error {
	if p.seed != seed || p.data != [4]int{seed, seed + 1, seed + 2, seed + 3} || p.name == nil ||
		*p.name != strings.Repeat("p", 16)+fmt.Sprint(seed) {
		return fmt.Errorf("payload %d holds %+v", seed, *p)
	}
	return nil
}

// A gcEntry is an arena value that refers to a Go-heap object. read
// checks the object's contents through the arena; alive reports whether a
// weak pointer to it still sees the object the arena refers to, and gone
// whether the weak pointer was cleared (only meaningful once the arena no
// longer refers to it).
type gcEntry struct {
	what  string
	seq   int
	read  func() error
	alive func() bool
	gone  func() bool
	free  func() // for AllocateSlice entries: give the storage back
}

// gcMachine stores pointer-carrying values of every kind in a Bump,
// interleaved with collections, checkpoints and resets. Every payload
// referenced from live arena memory must survive; payloads of freed
// memory must become collectable, since the arena clears what it frees.
type gcMachine struct {
	b    bump.Bump
	live []*gcEntry
	dead []*gcEntry
	seq  int
	cps  []bumpCheckpoint
}

var gcOps = []opKind{
	{name: "Pointer", weight: 3, args: []int{1000}},
	{name: "String", weight: 2, args: []int{1000}},
	{name: "Slice", weight: 2, args: []int{1000}},
	{name: "Map", weight: 2, args: []int{1000}},
	{name: "Interface", weight: 2, args: []int{1000}},
	{name: "Func", weight: 1, args: []int{1000}},
	{name: "AllocateSlice", weight: 2, args: []int{1000}},
	{name: "FreeSlice", weight: 1, args: []int{64}},
	{name: "Checkpoint", weight: 1},
	{name: "ResetTo", weight: 1, args: []int{16}},
	{name: "Reset", weight: 1},
	{name: "GC", weight: 2},
}

func TestGCSafety(t *testing.T) {
	checkMachine(t, "bump", gcOps, func() machine { return &gcMachine{} })
}

// addPayload records an arena value whose payload get reads back.
func (m *gcMachine) addPayload(what string, seed int, get func() *payload) *gcEntry {
	w := weak.Make(get())
	m.seq++
	e := &gcEntry{
		what:  what,
		seq:   m.seq,
		read:  func() error { return get().check(seed) },
		alive: func() bool { return w.Value() == get() },
		gone:  func() bool { return w.Value() == nil },
	}
	m.live = append(m.live, e)
	return e
}

func (m *gcMachine) step(o op) error {
	b := &m.b
	seed := o.arg(0)
	switch o.kind.name {
	case "Pointer":
		pp := bump.New[*payload](b)
		*pp = newPayload(seed)
		m.addPayload(o.String(), seed, func() *payload { return *pp })
	case "String":
		type named struct{ s string }
		s := bump.Alloc(b, named{s: strings.Repeat("s", 16) + fmt.Sprint(seed)})
		m.addString(o.String(), seed, &s.s)
	case "Slice":
		s := bump.MakeSlice[[]*payload](b, 1, 1)
		s[0] = []*payload{newPayload(seed)}
		m.addPayload(o.String(), seed, func() *payload { return s[0][0] })
	case "Map":
		mp := bump.Alloc(b, map[int]*payload{seed: newPayload(seed)})
		m.addPayload(o.String(), seed, func() *payload { return (*mp)[seed] })
	case "Interface":
		ip := bump.Alloc[any](b, newPayload(seed))
		m.addPayload(o.String(), seed, func() *payload { return (*ip).(*payload) })
	case "Func":
		fp := bump.Alloc(b, closureOver(newPayload(seed)))
		m.addPayload(o.String(), seed, func() *payload { return (*fp)() })
	case "AllocateSlice":
		s, err := bump.AllocateSlice[*payload](b, 2)
		if err != nil {
			return err
		}
		s[1] = newPayload(seed)
		e := m.addPayload(o.String(), seed, func() *payload { return s[1] })
		e.free = func() { bump.FreeSlice(b, s) }
	case "FreeSlice":
		i := slices.IndexFunc(m.live, func(e *gcEntry) bool { return e.free != nil })
		if i < 0 {
			return nil
		}
		freed := m.live[i]
		freed.free()
		m.kill(func(e *gcEntry) bool { return e == freed })
	case "Checkpoint":
		m.cps = append(m.cps, bumpCheckpoint{cp: b.Checkpoint(), seq: m.seq + 1})
	case "ResetTo":
		if len(m.cps) == 0 {
			return nil
		}
		i := o.arg(0) % len(m.cps)
		cp := m.cps[i]
		if err := b.ResetTo(cp.cp); err != nil {
			return err
		}
		m.cps = m.cps[:i+1]
		m.kill(func(e *gcEntry) bool { return e.seq >= cp.seq })
	case "Reset":
		b.Reset()
		m.cps = nil
		m.kill(func(*gcEntry) bool { return true })
	case "GC":
		runtime.GC()
		return m.check(true)
	}
	return m.check(false)
}

// addString records a string header in the arena whose bytes only it
// refers to.
func (m *gcMachine) addString(what string, seed int, sp *string) {
	want := strings.Repeat("s", 16) + fmt.Sprint(seed)
	w := weak.Make(unsafe.StringData(*sp))
	m.seq++
	m.live = append(m.live, &gcEntry{
		what: what,
		seq:  m.seq,
		read: func() error {
			if *sp != want {
				return fmt.Errorf("string in the arena is %q, want %q", *sp, want)
			}
			return nil
		},
		alive: func() bool { return w.Value() == unsafe.StringData(*sp) },
		gone:  func() bool { return w.Value() == nil },
	})
}

func (m *gcMachine) kill(dead func(*gcEntry) bool) {
	for _, e := range m.live {
		if dead(e) {
			m.dead = append(m.dead, e)
		}
	}
	m.live = slices.DeleteFunc(m.live, dead)
}

// check reads every live payload back through the arena; after a
// collection it also requires every live payload to be alive and every
// freed one to be collected.
func (m *gcMachine) check(collected bool) error {
	for _, e := range m.live {
		if err := e.read(); err != nil {
			return fmt.Errorf("%s: %w", e.what, err)
		}
		if collected && !e.alive() {
			return fmt.Errorf("%s: an object referenced only from the arena was collected", e.what)
		}
	}
	if collected {
		for _, e := range m.dead {
			if !e.gone() {
				return fmt.Errorf("%s: freed arena memory still keeps its object alive", e.what)
			}
		}
		m.dead = nil
	}
	return nil
}

// closureOver returns a func value whose closure alone refers to p.
func closureOver(p *payload) func() *payload {
	return func() *payload { return p }
}
