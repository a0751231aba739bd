package proptest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

var dequeOps = []opKind{
	{name: "PushBack", weight: 6, args: []int{1000}},
	{name: "PushFront", weight: 6, args: []int{1000}},
	{name: "PopBack", weight: 3},
	{name: "PopFront", weight: 3},
	{name: "Insert", weight: 2, args: []int{64, 1000}},
	{name: "Remove", weight: 2, args: []int{64}},
	{name: "Set", weight: 2, args: []int{64, 1000}},
	{name: "Swap", weight: 1, args: []int{64, 64}},
	{name: "Rotate", weight: 2, args: []int{2, 64}},
	{name: "Index", weight: 1, args: []int{64}},
	{name: "Clear", weight: 1},
	{name: "Grow", weight: 1, args: []int{128}},
	{name: "TryGrow", weight: 1, args: []int{1024}},
	{name: "WithCapacity", weight: 1, args: []int{64}},
	{name: "Clone", weight: 1, args: []int{1000}},
	{name: "JSON", weight: 1, args: []int{3, 16}},
	{name: "Format", weight: 1, args: []int{len(dequeVerbs)}},
	{name: "ModifyWhileRanging", weight: 1, args: []int{3, 5, 64}},
	{name: "BadIndex", weight: 1, args: []int{4, 4}},
	{name: "GC", weight: 1},
}

// dequeVerbs are the fmt formats a Deque must print like the slice of its
// elements.
var dequeVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%10v", "%-4q|"}

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
	if !fullCheck() {
		return nil
	}
	return m.check()
}

func (m *dequeMachine) apply(o op) error {
	d, n := m.d, len(m.model)
	fallible := m.env.fallible
	switch o.kind.name {
	case "PushBack":
		x := val(o.arg(0))
		return fallible(alloctest.Catch(func() { d.PushBack(x) }), func() { m.model = append(m.model, x) })
	case "PushFront":
		x := val(o.arg(0))
		return fallible(alloctest.Catch(func() { d.PushFront(x) }), func() { m.model = slices.Insert(m.model, 0, x) })
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
	case "Insert":
		i, x := o.arg(0)%(n+1), val(o.arg(1))
		return fallible(alloctest.Catch(func() { d.Insert(i, x) }), func() { m.model = slices.Insert(m.model, i, x) })
	case "Remove":
		if n == 0 {
			return nil
		}
		i := o.arg(0) % n
		if got := d.Remove(i); got != m.model[i] {
			return fmt.Errorf("Remove(%d) = %q, want %q", i, got, m.model[i])
		}
		m.model = slices.Delete(m.model, i, i+1)
	case "Set":
		if n == 0 {
			return nil
		}
		i, x := o.arg(0)%n, val(o.arg(1))
		d.Set(i, x)
		m.model[i] = x
	case "Swap":
		if n == 0 {
			return nil
		}
		i, j := o.arg(0)%n, o.arg(1)%n
		d.Swap(i, j)
		m.model[i], m.model[j] = m.model[j], m.model[i]
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
	case "Index":
		// Look for an element that is there (when there is one) and for
		// one that is not.
		x := "absent"
		if n > 0 {
			x = m.model[o.arg(0)%n]
		}
		eq := func(s string) bool { return s == x }
		if got, want := d.Index(eq), slices.Index(m.model, x); got != want {
			return fmt.Errorf("Index(%q) = %d, want %d", x, got, want)
		}
		last := -1
		for i, s := range m.model {
			if s == x {
				last = i
			}
		}
		if got := d.RIndex(eq); got != last {
			return fmt.Errorf("RIndex(%q) = %d, want %d", x, got, last)
		}
	case "Clear":
		d.Clear()
		m.model = m.model[:0]
	case "Grow", "TryGrow":
		k := o.arg(0)
		c := d.Cap()
		var err error
		if o.kind.name == "Grow" {
			err = alloctest.Catch(func() { d.Grow(k) })
		} else {
			err = d.TryGrow(k)
		}
		if failed, bug := m.env.failed(err); bug != nil || failed {
			if failed && bug == nil && d.Cap() != c {
				return fmt.Errorf("a failed %s(%d) changed the capacity from %d to %d", o.kind.name, k, c, d.Cap())
			}
			return bug
		}
		if d.Cap() < n+k {
			return fmt.Errorf("capacity %d after growing by %d more than %d", d.Cap(), k, n)
		}
		if c >= n+k && d.Cap() != c {
			return fmt.Errorf("%s(%d) with room for it changed the capacity from %d to %d", o.kind.name, k, c, d.Cap())
		}
		// The failure rule: k pushes now cannot fail.
		for i := range k {
			x := val(i)
			if err := alloctest.Catch(func() { d.PushBack(x) }); err != nil {
				return fmt.Errorf("push %d after %s(%d): %v", i, o.kind.name, k, err)
			}
			m.model = append(m.model, x)
		}
		if d.Cap() < n+k {
			return fmt.Errorf("capacity %d after %d pushes", d.Cap(), k)
		}
	case "WithCapacity":
		// Move the contents into a new deque, to test preallocated ones.
		var w *deque.Deque[string]
		err := alloctest.Catch(func() {
			w = deque.WithCapacity[string](m.env.a, o.arg(0))
			for _, x := range m.model {
				w.PushBack(x)
			}
		})
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		m.d = w
	case "Clone":
		var c *deque.Deque[string]
		err := alloctest.Catch(func() { c = d.Clone() })
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		// The clone shares nothing: changing it leaves the original as
		// the model says, and then the machine carries on with the clone.
		if err := m.check(); err != nil {
			return fmt.Errorf("before changing the clone: %w", err)
		}
		if n > 0 {
			c.Set(0, val(o.arg(0)))
			c.Set(0, m.model[0])
		}
		m.d = c
	case "JSON":
		return m.json(o)
	case "Format":
		verb := dequeVerbs[o.arg(0)]
		if got, want := fmt.Sprintf(verb, d), fmt.Sprintf(verb, append([]string{}, m.model...)); got != want {
			return fmt.Errorf("Sprintf(%q) = %q, want %q", verb, got, want)
		}
	case "ModifyWhileRanging":
		return m.modifyWhileRanging(o)
	case "BadIndex":
		i := n + o.arg(1)
		var name string
		err := alloctest.Catch(func() {
			switch o.arg(0) {
			case 0:
				name = "At"
				d.At(i)
			case 1:
				name = "Set"
				d.Set(i, "x")
			case 2:
				name = "Remove"
				d.Remove(i)
			case 3:
				name = "Insert"
				i++ // n itself is a valid place to insert
				d.Insert(i, "x")
			}
		})
		bound := n
		if name == "Insert" {
			bound = n + 1
		}
		want := fmt.Sprintf("deque: %s: index %d out of range [0:%d]", name, i, bound)
		if err == nil || !strings.Contains(err.Error(), want) {
			return fmt.Errorf("%s(%d) with length %d: panic %v, want %q", name, i, n, err, want)
		}
	case "GC":
		collect()
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}

// json marshals the deque and checks it against the model's encoding, then
// decodes into a deque of the same allocator: the deque itself (a round
// trip), a fresh one, or the deque from a document of arg(1) new elements.
// A decoding the allocator cannot hold must leave the deque unchanged.
func (m *dequeMachine) json(o op) error {
	got, err := json.Marshal(m.d)
	if err != nil {
		return fmt.Errorf("Marshal: %v", err)
	}
	want, _ := json.Marshal(append([]string{}, m.model...))
	if string(got) != string(want) {
		return fmt.Errorf("Marshal = %s, want %s", got, want)
	}
	switch o.arg(0) {
	case 0:
		return m.env.fallible(m.d.UnmarshalJSON(got), func() {})
	case 1:
		var w *deque.Deque[string]
		err := alloctest.Catch(func() { w = deque.New[string](m.env.a) })
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		if err := w.UnmarshalJSON(got); err != nil {
			failed, bug := m.env.failed(err)
			if bug == nil && failed && w.Len() != 0 {
				return fmt.Errorf("a failed UnmarshalJSON changed an empty deque to %v", w)
			}
			return bug
		}
		m.d = w
	default:
		next := make([]string, o.arg(1))
		for i := range next {
			next[i] = val(i)
		}
		doc, _ := json.Marshal(next)
		return m.env.fallible(m.d.UnmarshalJSON(doc), func() { m.model = next })
	}
	return nil
}

// modifyWhileRanging starts a range over All, Values or Backward (arg 0),
// changes the deque at the step arg(2) % Len with one of five mutators
// (arg 1), and checks that the iteration panics with the documented
// message right after that step, and that the change itself happened.
func (m *dequeMachine) modifyWhileRanging(o op) error {
	d, n := m.d, len(m.model)
	if n == 0 {
		return nil
	}
	at := o.arg(2) % n
	var mutate func()
	var update func()
	switch o.arg(1) {
	case 0:
		mutate, update = func() { d.PushBack("new") }, func() { m.model = append(m.model, "new") }
	case 1:
		mutate, update = func() { d.PopFront() }, func() { m.model = m.model[1:] }
	case 2:
		mutate, update = func() { d.Remove(n - 1) }, func() { m.model = m.model[:n-1] }
	case 3:
		mutate, update = func() { d.Rotate(1) }, func() { m.model = append(m.model[1:], m.model[0]) }
	default:
		mutate, update = func() { d.Clear() }, func() { m.model = m.model[:0] }
	}
	steps, mutated := 0, false
	body := func() bool {
		if steps == at {
			if err := alloctest.Catch(mutate); err != nil {
				panic(fmt.Errorf("mutation failed: %w", err))
			}
			mutated = true
		}
		steps++
		return true
	}
	err := alloctest.Catch(func() {
		switch o.arg(0) {
		case 0:
			for range d.All() {
				body()
			}
		case 1:
			for range d.Values() {
				body()
			}
		default:
			for range d.Backward() {
				body()
			}
		}
	})
	if mutated {
		update()
	}
	if failed, bug := m.env.failed(unwrapMutation(err)); failed {
		return bug // the push hit the limit: nothing changed, nothing to see
	}
	const msg = "deque: Deque modified during iteration"
	if o.arg(1) == 3 && n == 1 {
		// Rotating a single element changes nothing, so the range goes on.
		if err != nil || steps != 1 {
			return fmt.Errorf("range over one element rotated in place: %d steps, %v", steps, err)
		}
		return nil
	}
	if err == nil || !strings.Contains(err.Error(), msg) || steps != at+1 {
		return fmt.Errorf("mutation at step %d: iteration ended after %d steps with %v, want a panic %q right after it", at, steps, err, msg)
	}
	return nil
}

// unwrapMutation returns the allocation error of a mutation that failed
// inside modifyWhileRanging, or nil for any other outcome.
func unwrapMutation(err error) error {
	if err != nil && strings.Contains(err.Error(), "mutation failed") {
		return err
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
	values := slices.Collect(d.Values())
	if !slices.Equal(all, m.model) || !slices.Equal(backward, m.model) || !slices.Equal(values, m.model) {
		return fmt.Errorf("All %v, reversed Backward %v and Values %v, want %v", all, backward, values, m.model)
	}
	return m.env.checkArena()
}
