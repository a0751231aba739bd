package proptest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/pqueue"
)

var pqueueOps = []opKind{
	{name: "Push", weight: 10, args: []int{200}},
	{name: "Pop", weight: 6},
	{name: "Peek", weight: 2},
	{name: "Set", weight: 2, args: []int{64, 200}},
	{name: "Fix", weight: 1, args: []int{64}},
	{name: "Remove", weight: 2, args: []int{64}},
	{name: "PushAll", weight: 1, args: []int{300, 200}},
	{name: "Drain", weight: 1, args: []int{8}},
	{name: "Clear", weight: 1},
	{name: "Grow", weight: 1, args: []int{128}},
	{name: "TryGrow", weight: 1, args: []int{1024}},
	{name: "Clone", weight: 1},
	{name: "JSON", weight: 1},
	{name: "Format", weight: 1},
	{name: "ModifyWhileRanging", weight: 1},
	{name: "GC", weight: 1},
}

// pqueueMachine compares a pqueue.Queue[int] made by New, and one made by
// NewIndexed over pointers whose indexes it checks, with a sorted slice
// (the multiset of elements in pop order).
type pqueueMachine struct {
	env   allocEnv
	q     *pqueue.Queue[int]
	model []int // sorted
}

func TestPQueue(t *testing.T) {
	forEachEnv(t, pqueueOps, newPQueueMachine)
}

func newPQueueMachine(env allocEnv) machine {
	return &pqueueMachine{env: env, q: pqueue.New[int](env.a)}
}

func (m *pqueueMachine) add(x int) {
	i, _ := slices.BinarySearch(m.model, x)
	m.model = slices.Insert(m.model, i, x)
}

func (m *pqueueMachine) remove(x int) {
	i, _ := slices.BinarySearch(m.model, x)
	m.model = slices.Delete(m.model, i, i+1)
}

func (m *pqueueMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	return m.check(m.q)
}

func (m *pqueueMachine) check(q *pqueue.Queue[int]) error {
	if q.Len() != len(m.model) {
		return fmt.Errorf("Len = %d, want %d", q.Len(), len(m.model))
	}
	if got := slices.Sorted(q.Values()); !slices.Equal(got, m.model) {
		return fmt.Errorf("elements %v, want %v", got, m.model)
	}
	// The heap property, which makes Peek the minimum.
	for i := 1; i < q.Len(); i++ {
		if q.At(i) < q.At((i-1)/2) {
			return fmt.Errorf("element %d (%d) comes before its parent (%d)", i, q.At(i), q.At((i-1)/2))
		}
	}
	return m.env.checkArena()
}

func (m *pqueueMachine) apply(o op) error {
	q, n := m.q, len(m.model)
	fallible := m.env.fallible
	switch o.kind.name {
	case "Push":
		x := o.arg(0)
		return fallible(alloctest.Catch(func() { q.Push(x) }), func() { m.add(x) })
	case "Pop", "Peek":
		var x int
		var ok bool
		if o.kind.name == "Pop" {
			x, ok = q.Pop()
		} else {
			x, ok = q.Peek()
		}
		if ok != (n > 0) || ok && x != m.model[0] || !ok && x != 0 {
			return fmt.Errorf("%s = %d, %v with %v", o.kind.name, x, ok, m.model)
		}
		if ok && o.kind.name == "Pop" {
			m.model = m.model[1:]
		}
	case "Set":
		if n == 0 {
			return nil
		}
		i, x := o.arg(0)%n, o.arg(1)
		m.remove(q.At(i))
		q.Set(i, x)
		m.add(x)
	case "Fix":
		if n == 0 {
			return nil
		}
		q.Fix(o.arg(0) % n) // nothing changed: a no-op
	case "Remove":
		if n == 0 {
			return nil
		}
		i := o.arg(0) % n
		x := q.At(i)
		if got := q.Remove(i); got != x {
			return fmt.Errorf("Remove(%d) = %d, At said %d", i, got, x)
		}
		m.remove(x)
	case "PushAll":
		xs := make([]int, o.arg(0))
		for i := range xs {
			xs[i] = (o.arg(1) + i*37) % 200
		}
		err := alloctest.Catch(func() { q.PushAll(slices.Values(xs)) })
		if failed, bug := m.env.failed(err); bug != nil {
			return bug
		} else if failed {
			// PushAll keeps the values pushed before the failure: a
			// prefix of xs.
			got := slices.Sorted(q.Values())
			for j := len(xs); j >= 0; j-- {
				want := slices.Clone(m.model)
				want = append(want, xs[:j]...)
				slices.Sort(want)
				if slices.Equal(got, want) {
					m.model = want
					return nil
				}
			}
			return fmt.Errorf("after a failed PushAll the queue holds no prefix of the values")
		}
		for _, x := range xs {
			m.add(x)
		}
	case "Drain":
		k := o.arg(0)
		j := 0
		for x := range q.Drain() {
			if x != m.model[0] {
				return fmt.Errorf("Drain produced %d, want %d", x, m.model[0])
			}
			m.model = m.model[1:]
			if j++; j == k {
				break
			}
		}
	case "Clear":
		q.Clear()
		m.model = m.model[:0]
	case "Grow", "TryGrow":
		k := o.arg(0)
		var err error
		if o.kind.name == "Grow" {
			err = alloctest.Catch(func() { q.Grow(k) })
		} else {
			err = q.TryGrow(k)
		}
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		if q.Cap() < n+k {
			return fmt.Errorf("capacity %d after growing by %d more than %d", q.Cap(), k, n)
		}
		for i := range k {
			if err := alloctest.Catch(func() { q.Push(i) }); err != nil {
				return fmt.Errorf("push %d after %s(%d): %v", i, o.kind.name, k, err)
			}
			m.add(i)
		}
	case "Clone":
		var c *pqueue.Queue[int]
		err := alloctest.Catch(func() { c = q.Clone() })
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		if err := m.check(c); err != nil {
			return fmt.Errorf("clone: %w", err)
		}
		c.Pop()
		if err := m.check(q); err != nil {
			return fmt.Errorf("original after popping from the clone: %w", err)
		}
		if n > 0 {
			m.model = m.model[1:]
		}
		m.q = c
	case "JSON":
		b, err := json.Marshal(q)
		if err != nil {
			return err
		}
		want, _ := json.Marshal(append([]int{}, m.model...))
		if string(b) != string(want) {
			return fmt.Errorf("Marshal = %s, want %s", b, want)
		}
		err = json.Unmarshal(b, q) // replaces the contents with the same
		if bug := fallible(err, func() {}); bug != nil {
			return bug
		}
	case "Format":
		if got, want := fmt.Sprint(q), fmt.Sprint(m.model); got != want {
			return fmt.Errorf("Sprint = %q, want %q", got, want)
		}
	case "ModifyWhileRanging":
		if n == 0 {
			return nil
		}
		err := alloctest.Catch(func() {
			for range q.All() {
				q.Pop()
			}
		})
		if err == nil || !strings.Contains(err.Error(), "pqueue: Queue modified during iteration") {
			return fmt.Errorf("popping while ranging: %v", err)
		}
		m.model = m.model[1:]
	case "GC":
		collect()
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}
