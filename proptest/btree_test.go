package proptest

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

var btreeOps = []opKind{
	{name: "Set", weight: 10, args: []int{300, 1000}},
	{name: "TrySet", weight: 3, args: []int{300, 1000}},
	{name: "Get", weight: 3, args: []int{300}},
	{name: "Delete", weight: 6, args: []int{300}},
	{name: "Entry", weight: 2, args: []int{300, 1000}},
	{name: "Ptr", weight: 1, args: []int{300, 1000}},
	{name: "MinMax", weight: 1},
	{name: "PopMin", weight: 1},
	{name: "PopMax", weight: 1},
	{name: "Ascend", weight: 2, args: []int{300, 40}},
	{name: "Descend", weight: 2, args: []int{300, 40}},
	{name: "Fill", weight: 1, args: []int{5000, 300}},
	{name: "Clear", weight: 1},
	{name: "Grow", weight: 1, args: []int{200}},
	{name: "TryGrow", weight: 1, args: []int{2000}},
	{name: "Clone", weight: 1},
	{name: "DeleteWhileRanging", weight: 1, args: []int{4}},
	{name: "SetWhileRanging", weight: 1, args: []int{300, 8}},
	{name: "Format", weight: 1},
	{name: "GC", weight: 1},
}

// An entry of the ordered-map model.
type kv struct {
	k float64
	v string
}

// btreeMachine compares a btree.Map[float64, string] with a slice of
// entries sorted by cmp.Compare, the order New promises (NaN first and
// one key, -0 and +0 one key). Keys come from key, so the edge cases are
// drawn often.
type btreeMachine struct {
	env   allocEnv
	m     *btree.Map[float64, string]
	model []kv
}

func TestBTree(t *testing.T) {
	forEachEnv(t, btreeOps, newBTreeMachine)
}

func newBTreeMachine(env allocEnv) machine {
	return &btreeMachine{env: env, m: btree.New[float64, string](env.a)}
}

// find returns where k is or would be in the model.
func (m *btreeMachine) find(k float64) (int, bool) {
	return slices.BinarySearchFunc(m.model, k, func(e kv, k float64) int { return cmp.Compare(e.k, k) })
}

func (m *btreeMachine) set(k float64, v string) {
	i, ok := m.find(k)
	if ok {
		m.model[i] = kv{k, v} // Set replaces the key too, as a Go map does
		return
	}
	m.model = slices.Insert(m.model, i, kv{k, v})
}

func (m *btreeMachine) del(k float64) (string, bool) {
	i, ok := m.find(k)
	if !ok {
		return "", false
	}
	v := m.model[i].v
	m.model = slices.Delete(m.model, i, i+1)
	return v, true
}

func (m *btreeMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	return m.check(m.m, m.model)
}

// same reports whether two keys are the same float, sign of zero and
// NaN included.
func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || a != a && b != b
}

// check compares a map with entries: Len, ascending and descending
// iteration (keys with the sign of their zero), and the arena.
func (m *btreeMachine) check(t *btree.Map[float64, string], want []kv) error {
	if t.Len() != len(want) {
		return fmt.Errorf("Len = %d, want %d", t.Len(), len(want))
	}
	i := 0
	for k, v := range t.All() {
		if i >= len(want) || !same(k, want[i].k) || v != want[i].v {
			return fmt.Errorf("All: entry %d is %v:%q, want %v", i, k, v, want)
		}
		i++
	}
	if i != len(want) {
		return fmt.Errorf("All produced %d entries, want %d", i, len(want))
	}
	for k, v := range t.Backward() {
		i--
		if !same(k, want[i].k) || v != want[i].v {
			return fmt.Errorf("Backward: entry %d is %v:%q, want %v", i, k, v, want[i])
		}
	}
	return m.env.checkArena()
}

func (m *btreeMachine) apply(o op) error {
	t := m.m
	fallible := m.env.fallible
	switch o.kind.name {
	case "Set":
		k, v := key(o.arg(0)), val(o.arg(1))
		return fallible(alloctest.Catch(func() { t.Set(k, v) }), func() { m.set(k, v) })
	case "TrySet":
		k, v := key(o.arg(0)), val(o.arg(1))
		return fallible(t.TrySet(k, v), func() { m.set(k, v) })
	case "Get":
		k := key(o.arg(0))
		got, ok := t.Get(k)
		i, wok := m.find(k)
		var want string
		if wok {
			want = m.model[i].v
		}
		if got != want || ok != wok || t.Has(k) != wok {
			return fmt.Errorf("Get(%v) = %q, %v; want %q, %v", k, got, ok, want, wok)
		}
	case "Delete":
		k := key(o.arg(0))
		got, ok := t.Delete(k)
		want, wok := m.del(k)
		if got != want || ok != wok {
			return fmt.Errorf("Delete(%v) = %q, %v; want %q, %v", k, got, ok, want, wok)
		}
	case "Entry":
		k, v := key(o.arg(0)), val(o.arg(1))
		var p *string
		var present bool
		err := alloctest.Catch(func() { p, present = t.Entry(k) })
		if bug := fallible(err, func() {}); bug != nil || err != nil {
			return bug
		}
		i, wok := m.find(k)
		old := ""
		if wok {
			old = m.model[i].v
		}
		if present != wok || *p != old {
			return fmt.Errorf("Entry(%v) = %q, %v; want %q, %v", k, *p, present, old, wok)
		}
		*p = v
		m.set(k, v)
	case "Ptr":
		k, v := key(o.arg(0)), val(o.arg(1))
		p := t.Ptr(k)
		i, ok := m.find(k)
		if (p != nil) != ok || ok && *p != m.model[i].v {
			return fmt.Errorf("Ptr(%v) = %v, want presence %v", k, p, ok)
		}
		if p != nil {
			*p = v
			m.model[i].v = v // the stored key stays
		}
	case "MinMax":
		lo, lv, lok := t.Min()
		hi, hv, hok := t.Max()
		n := len(m.model)
		if lok != (n > 0) || hok != (n > 0) {
			return fmt.Errorf("Min, Max on %d entries report %v, %v", n, lok, hok)
		}
		if n > 0 && (!same(lo, m.model[0].k) || lv != m.model[0].v || !same(hi, m.model[n-1].k) || hv != m.model[n-1].v) {
			return fmt.Errorf("Min, Max = %v:%q, %v:%q; want %v, %v", lo, lv, hi, hv, m.model[0], m.model[n-1])
		}
	case "PopMin", "PopMax":
		var k float64
		var v string
		var ok bool
		i := 0
		if o.kind.name == "PopMin" {
			k, v, ok = t.PopMin()
		} else {
			k, v, ok = t.PopMax()
			i = len(m.model) - 1
		}
		if ok != (len(m.model) > 0) || ok && (!same(k, m.model[i].k) || v != m.model[i].v) {
			return fmt.Errorf("%s = %v:%q, %v with %v", o.kind.name, k, v, ok, m.model)
		}
		if ok {
			m.model = slices.Delete(m.model, i, i+1)
		}
	case "Ascend", "Descend":
		from, limit := key(o.arg(0)), o.arg(1)
		i, found := m.find(from)
		var want []kv
		if o.kind.name == "Ascend" {
			want = m.model[i:]
		} else {
			if found {
				i++
			}
			want = slices.Clone(m.model[:i])
			slices.Reverse(want)
		}
		seq := t.Ascend(from)
		if o.kind.name == "Descend" {
			seq = t.Descend(from)
		}
		j := 0
		for k, v := range seq {
			if j >= len(want) || !same(k, want[j].k) || v != want[j].v {
				return fmt.Errorf("%s(%v): entry %d is %v:%q, want %v", o.kind.name, from, j, k, v, want)
			}
			if j++; j == limit {
				break
			}
		}
		if j < min(limit, len(want)) && limit > 0 || limit == 0 && j != len(want) {
			return fmt.Errorf("%s(%v) produced %d entries, want %d", o.kind.name, from, j, len(want))
		}
	case "Fill":
		// Enough keys to split and then merge nodes, inner ones too (a tree
		// of more than about 3000 keys has two levels of inner nodes).
		n, start := o.arg(0), o.arg(1)
		for i := range n {
			k, v := key(start+i), val(i)
			if bug := fallible(t.TrySet(k, v), func() { m.set(k, v) }); bug != nil {
				return bug
			}
		}
		for i := range n {
			if i%3 != 0 {
				k := key(start + i)
				t.Delete(k)
				m.del(k)
			}
		}
	case "Clear":
		t.Clear()
		m.model = m.model[:0]
	case "Grow", "TryGrow":
		k := o.arg(0)
		var err error
		if o.kind.name == "Grow" {
			err = alloctest.Catch(func() { t.Grow(k) })
		} else {
			err = t.TryGrow(k)
		}
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		// The promise: k insertions of new keys cannot fail now.
		for i := range k {
			nk := 1e9 + float64(i)*1.5
			if _, ok := m.find(nk); ok {
				continue
			}
			if err := t.TrySet(nk, "g"); err != nil {
				return fmt.Errorf("insertion %d after %s(%d): %v", i, o.kind.name, k, err)
			}
			m.set(nk, "g")
		}
	case "Clone":
		var c *btree.Map[float64, string]
		err := alloctest.Catch(func() { c = t.Clone() })
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		// Changing the clone leaves the original alone.
		if err := m.check(c, m.model); err != nil {
			return fmt.Errorf("clone: %w", err)
		}
		before := slices.Clone(m.model)
		if len(m.model) > 0 {
			c.Delete(m.model[0].k)
		}
		if err := m.check(t, before); err != nil {
			return fmt.Errorf("original after changing the clone: %w", err)
		}
		if len(m.model) > 0 {
			m.model = m.model[1:]
		}
		m.m = c
	case "DeleteWhileRanging":
		// Delete every k-th key produced, and the one after it: the rule
		// of All is that nothing is produced twice or after its deletion.
		every := o.arg(0) + 1
		var got []float64
		n := 0
		for k := range t.All() {
			got = append(got, k)
			if n++; n%every == 0 {
				t.Delete(k)
				m.del(k)
				if i, _ := m.find(k); i < len(m.model) {
					t.Delete(m.model[i].k)
					m.del(m.model[i].k)
				}
			}
		}
		for i := 1; i < len(got); i++ {
			if cmp.Compare(got[i-1], got[i]) >= 0 {
				return fmt.Errorf("keys out of order or repeated while deleting: %v", got)
			}
		}
	case "SetWhileRanging":
		// Insert a key while ranging: produced if it is after the place
		// of the iteration, not if it is before.
		k, after := key(o.arg(0)), o.arg(1)
		var got []float64
		inserted := false
		var last float64
		for x := range t.All() {
			got = append(got, x)
			if len(got) == after+1 {
				if bug := fallible(t.TrySet(k, "w"), func() { m.set(k, "w"); inserted = true }); bug != nil {
					return bug
				}
				last = x
			}
		}
		if inserted {
			produced := slices.ContainsFunc(got, func(x float64) bool { return cmp.Compare(x, k) == 0 })
			if cmp.Compare(k, last) > 0 && !produced {
				return fmt.Errorf("key %v inserted after %v was not produced: %v", k, last, got)
			}
			if cmp.Compare(k, last) < 0 && produced && slices.IndexFunc(got, func(x float64) bool { return cmp.Compare(x, k) == 0 }) > after {
				return fmt.Errorf("key %v inserted before %v was produced: %v", k, last, got)
			}
		}
	case "Format":
		want := "map["
		for i, e := range m.model {
			if i > 0 {
				want += " "
			}
			want += fmt.Sprintf("%v:%v", e.k, e.v)
		}
		want += "]"
		if got := fmt.Sprint(t); got != want {
			return fmt.Errorf("Sprint = %q, want %q", got, want)
		}
	case "GC":
		collect()
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}
