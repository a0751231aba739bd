package proptest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

// dropLog counts how often each value's cleanup ran.
type dropLog map[int]int

// dropper cleans up with Drop on its pointer.
type dropper struct {
	id  int
	log dropLog
}

func (d *dropper) Drop() { d.log[d.id]++ }

// closer cleans up with Close on its value, failing for some ids.
type closer struct {
	id  int
	log dropLog
}

func (c closer) Close() error {
	c.log[c.id]++
	if c.id%3 == 0 {
		return closeErr(c.id)
	}
	return nil
}

type closeErr int

func (e closeErr) Error() string { return fmt.Sprintf("close %d failed", int(e)) }

var boxedOps = []opKind{
	{name: "New", weight: 6, args: []int{4}}, // kind: dropper, closer, *dropper, plain
	{name: "Drop", weight: 4, args: []int{64}},
	{name: "Checkpoint", weight: 1},
	{name: "ResetTo", weight: 1, args: []int{8}},
	{name: "StaleResetTo", weight: 1, args: []int{8}},
	{name: "Reset", weight: 1},
	{name: "GC", weight: 1},
}

type boxEntry struct {
	id   int
	kind int
	seq  int
	box  interface {
		Drop() error
		Dropped() bool
	}
	// copy is a copy of box made at New, through which Drop must act
	// as well.
	copy interface {
		Drop() error
		Dropped() bool
	}
	id2     func() int // reads the id back through the box
	dropped bool
}

// boxedMachine checks that every box is dropped exactly once, whether by
// Drop or by the reset of its arena, and that stale boxes (dropped, or
// reset away) do nothing when dropped again, even when their memory has
// been reused by new boxes.
type boxedMachine struct {
	env   allocEnv
	log   dropLog
	boxes []*boxEntry
	seq   int
	cps   []bumpCheckpoint
	// stale holds checkpoints that a ResetTo to an older one or a Reset
	// made stale: ResetTo must refuse them and drop nothing.
	stale []bumpCheckpoint
}

func TestBoxed(t *testing.T) {
	forEachEnv(t, boxedOps, func(env allocEnv) machine {
		return &boxedMachine{env: env, log: dropLog{}}
	})
}

func newBox[T any](m *boxedMachine, v T, id func(*T) int) (*boxEntry, error) {
	b, err := boxed.TryNew(m.env.a, v)
	if err != nil {
		return nil, err
	}
	c := b
	return &boxEntry{box: b, copy: c, id2: func() int { return id(b.Ptr()) }}, nil
}

func (m *boxedMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	if !fullCheck() {
		return nil
	}
	return m.check()
}

func (m *boxedMachine) apply(o op) error {
	switch o.kind.name {
	case "New":
		m.seq++
		id := m.seq
		var e *boxEntry
		var err error
		switch o.arg(0) {
		case 0:
			e, err = newBox(m, dropper{id, m.log}, func(d *dropper) int { return d.id })
		case 1:
			e, err = newBox(m, closer{id, m.log}, func(c *closer) int { return c.id })
		case 2:
			e, err = newBox(m, &dropper{id, m.log}, func(d **dropper) int { return (*d).id })
		case 3:
			e, err = newBox(m, id, func(p *int) int { return *p })
		}
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		e.id, e.kind, e.seq = id, o.arg(0), id
		m.boxes = append(m.boxes, e)
	case "Drop":
		if len(m.boxes) == 0 {
			return nil
		}
		e := m.boxes[o.arg(0)%len(m.boxes)]
		b := e.box
		if o.arg(0)%2 == 1 {
			b = e.copy
		}
		err := b.Drop()
		var want error
		if !e.dropped && e.kind == 1 && e.id%3 == 0 {
			want = closeErr(e.id)
		}
		if !errors.Is(err, want) && err != want {
			return fmt.Errorf("Drop of box %d returned %v, want %v", e.id, err, want)
		}
		e.dropped = true
	case "Checkpoint":
		if m.env.b != nil {
			m.cps = append(m.cps, bumpCheckpoint{cp: m.env.b.Checkpoint(), seq: m.seq + 1})
		}
	case "ResetTo":
		if len(m.cps) == 0 {
			return nil
		}
		i := o.arg(0) % len(m.cps)
		cp := m.cps[i]
		if err := m.env.b.ResetTo(cp.cp); err != nil {
			return err
		}
		m.stale = append(m.stale, m.cps[i+1:]...)
		m.cps = m.cps[:i+1]
		for _, e := range m.boxes {
			if e.seq >= cp.seq {
				e.dropped = true
			}
		}
	case "StaleResetTo":
		if len(m.stale) == 0 {
			return nil
		}
		cp := m.stale[o.arg(0)%len(m.stale)]
		if err := m.env.b.ResetTo(cp.cp); !errors.Is(err, bump.ErrStaleCheckpoint) {
			return fmt.Errorf("ResetTo a stale checkpoint returned %v, want ErrStaleCheckpoint", err)
		}
	case "Reset":
		if m.env.b == nil {
			return nil
		}
		m.env.b.Reset()
		m.stale = append(m.stale, m.cps...)
		m.cps = nil
		for _, e := range m.boxes {
			e.dropped = true
		}
	case "GC":
		collect()
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}

func (m *boxedMachine) check() error {
	for _, e := range m.boxes {
		if got, cp := e.box.Dropped(), e.copy.Dropped(); got != e.dropped || cp != e.dropped {
			return fmt.Errorf("box %d: Dropped() = %v (copy %v), want %v", e.id, got, cp, e.dropped)
		}
		if e.dropped {
			err := alloctest.Catch(func() { e.id2() })
			if err == nil || !strings.Contains(err.Error(), "use of dropped Box") && !strings.Contains(err.Error(), "used after its arena was reset") {
				return fmt.Errorf("box %d: Ptr after its drop: panic %v, want use of dropped Box", e.id, err)
			}
		}
		want := 0
		if e.dropped && e.kind != 3 {
			want = 1
		}
		if got := m.log[e.id]; got != want {
			return fmt.Errorf("box %d (kind %d) was cleaned up %d times, want %d", e.id, e.kind, got, want)
		}
		if !e.dropped {
			if got := e.id2(); got != e.id {
				return fmt.Errorf("box %d holds the value of box %d", e.id, got)
			}
		}
	}
	return m.env.checkArena()
}
