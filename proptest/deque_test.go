package proptest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/deque"
)

var dequeOps = []opKind{
	{name: "PushBack", weight: 6, args: []int{1000}},
	{name: "PushFront", weight: 6, args: []int{1000}},
	{name: "PopBack", weight: 3},
	{name: "PopFront", weight: 3},
	{name: "Set", weight: 2, args: []int{64, 1000}},
	{name: "Rotate", weight: 2, args: []int{2, 64}},
	{name: "Clear", weight: 1},
	{name: "Reserve", weight: 1, args: []int{128}},
	{name: "TryReserve", weight: 1, args: []int{1024}},
	{name: "WithCapacity", weight: 1, args: []int{64}},
	{name: "BadIndex", weight: 1, args: []int{2, 4}},
	{name: "GC", weight: 1},
}

// dequeMachine compares a deque.Deque[string] with a slice used as a
// double-ended queue.
type dequeMachine struct {
	env   allocEnv
	d     *deque.Deque[string]
	model []string
}

func TestDeque(t *testing.T) {
	forEachEnv(t, dequeOps, newDequeMachine)
}

func newDequeMachine(env allocEnv) machine {
	return &dequeMachine{env: env, d: deque.New[string](env.a)}
}

func (m *dequeMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	return m.check()
}

func (m *dequeMachine) apply(o op) error {
	d, n := m.d, len(m.model)
	fallible := m.env.fallible
	switch o.kind.name {
	case "PushBack":
		x := val(o.arg(0))
		return fallible(catchLimit(func() { d.PushBack(x) }), func() { m.model = append(m.model, x) })
	case "PushFront":
		x := val(o.arg(0))
		return fallible(catchLimit(func() { d.PushFront(x) }), func() { m.model = slices.Insert(m.model, 0, x) })
	case "PopBack", "PopFront":
		var got string
		var ok bool
		i := n - 1
		if o.kind.name == "PopBack" {
			got, ok = d.PopBack()
		} else {
			got, ok = d.PopFront()
			i = 0
		}
		if ok != (n > 0) || !ok && got != "" || ok && got != m.model[i] {
			return fmt.Errorf("%s = %q, %v with contents %v", o.kind.name, got, ok, m.model)
		}
		if ok {
			m.model = slices.Delete(m.model, i, i+1)
		}
	case "Set":
		if n == 0 {
			return nil
		}
		i, x := o.arg(0)%n, val(o.arg(1))
		d.Set(i, x)
		m.model[i] = x
	case "Rotate":
		k := o.arg(1)
		if o.arg(0) == 1 {
			k = -k
		}
		d.Rotate(k)
		if n > 0 {
			r := (k%n + n) % n
			m.model = append(m.model[r:], m.model[:r]...)
		}
	case "Clear":
		d.Clear()
		m.model = m.model[:0]
	case "Reserve", "TryReserve":
		k := o.arg(0)
		var err error
		if o.kind.name == "Reserve" {
			err = catchLimit(func() { d.Reserve(k) })
		} else {
			err = d.TryReserve(k)
		}
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		if d.Cap() < n+k {
			return fmt.Errorf("capacity %d after reserving %d more than %d", d.Cap(), k, n)
		}
	case "WithCapacity":
		// Move the contents into a new deque, to test preallocated ones.
		var w *deque.Deque[string]
		err := catchLimit(func() {
			w = deque.WithCapacity[string](m.env.a, o.arg(0))
			for _, x := range m.model {
				w.PushBack(x)
			}
		})
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		m.d = w
	case "BadIndex":
		i := n + o.arg(1)
		msg := panicMessage(func() {
			if o.arg(0) == 0 {
				d.At(i)
			} else {
				d.Set(i, "x")
			}
		})
		if !strings.Contains(msg, "out of range") {
			return fmt.Errorf("index %d of %d: panic message %q, want one saying out of range", i, n, msg)
		}
	case "GC":
		collect()
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}

func (m *dequeMachine) check() error {
	d, n := m.d, len(m.model)
	if d.Len() != n || d.Cap() < n {
		return fmt.Errorf("Len() = %d, Cap() = %d, want length %d", d.Len(), d.Cap(), n)
	}
	if c := d.Cap(); c&(c-1) != 0 {
		return fmt.Errorf("Cap() = %d is not a power of two", c)
	}
	for i, x := range m.model {
		if got := d.At(i); got != x {
			return fmt.Errorf("At(%d) = %q, want %q (contents %v)", i, got, x, m.model)
		}
	}
	front, back := d.Slices()
	if got := slices.Concat(front, back); !slices.Equal(got, m.model) || cap(front) != len(front) || cap(back) != len(back) {
		return fmt.Errorf("Slices() = %v, %v, want %v, capacities clipped", front, back, m.model)
	}
	f, fok := d.Front()
	b, bok := d.Back()
	if fok != (n > 0) || bok != (n > 0) || n > 0 && (f != m.model[0] || b != m.model[n-1]) {
		return fmt.Errorf("Front() = %q, %v, Back() = %q, %v with contents %v", f, fok, b, bok, m.model)
	}
	var all, backward []string
	for i, x := range d.All() {
		if i != len(all) {
			return fmt.Errorf("All yielded index %d at position %d", i, len(all))
		}
		all = append(all, x)
	}
	for i, x := range d.Backward() {
		if i != n-1-len(backward) {
			return fmt.Errorf("Backward yielded index %d at position %d", i, len(backward))
		}
		backward = append(backward, x)
	}
	slices.Reverse(backward)
	if !slices.Equal(all, m.model) || !slices.Equal(backward, m.model) {
		return fmt.Errorf("All %v and reversed Backward %v, want %v", all, backward, m.model)
	}
	return m.env.checkArena()
}
