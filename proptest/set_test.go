package proptest

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

var setOps = []opKind{
	{name: "Add", weight: 10, args: []int{200}},
	{name: "TryAdd", weight: 4, args: []int{200}},
	{name: "Has", weight: 3, args: []int{200}},
	{name: "Delete", weight: 4, args: []int{200}},
	{name: "Insert", weight: 2, args: []int{16, 200}},
	{name: "Clear", weight: 1},
	{name: "Grow", weight: 1, args: []int{64}},
	{name: "TryGrow", weight: 1, args: []int{512}},
	{name: "Clone", weight: 1},
	{name: "Collect", weight: 1},
	{name: "Union", weight: 1, args: []int{16, 200}},
	{name: "Intersection", weight: 1, args: []int{16, 200}},
	{name: "Difference", weight: 1, args: []int{16, 200}},
	{name: "Equal", weight: 1, args: []int{200}},
	{name: "DeleteFunc", weight: 1, args: []int{5}},
	{name: "DeleteWhileIterating", weight: 2, args: []int{4}},
	{name: "AddWhileIterating", weight: 1, args: []int{200, 8}},
	{name: "JSON", weight: 1},
	{name: "Format", weight: 1},
	{name: "Churn", weight: 1, args: []int{3000, 5000}},
	{name: "GC", weight: 1},
}

// setMachine compares a hashmap.Set[float64] with a Go map[float64]struct{},
// which has the reference semantics for NaN and signed zero values.
type setMachine struct {
	env    allocEnv
	s      *hashmap.Set[float64]
	model  map[float64]struct{}
	frozen []frozenSet
}

type frozenSet struct {
	what string
	s    *hashmap.Set[float64]
	want map[float64]struct{}
}

func TestSet(t *testing.T) {
	t.Run("maphash", func(t *testing.T) { forEachEnv(t, setOps, newSetMachine) })
	t.Run("collide", func(t *testing.T) { forEachEnv(t, setOps, newCollidingSetMachine) })
}

func newSetMachine(env allocEnv) machine {
	return &setMachine{env: env, s: hashmap.NewSet[float64](env.a), model: map[float64]struct{}{}}
}

func newCollidingSetMachine(env allocEnv) machine {
	return &setMachine{env: env, s: hashmap.NewSetWithHasher(env.a, collidingHash), model: map[float64]struct{}{}}
}

func (m *setMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	if err := sameValues("Set", m.s, m.model); err != nil {
		return err
	}
	for _, f := range m.frozen {
		if err := sameValues(f.what, f.s, f.want); err != nil {
			return err
		}
	}
	return m.env.checkArena()
}

// values returns the n values an operation with argument base works on.
func values(n, base int) []float64 {
	vs := make([]float64, n)
	for i := range vs {
		vs[i] = key((base + i*7) % 200)
	}
	return vs
}

func (m *setMachine) freeze(what string, s *hashmap.Set[float64], want map[float64]struct{}) {
	m.frozen = append(m.frozen, frozenSet{what: what, s: s, want: want})
	if len(m.frozen) > 4 {
		m.frozen = m.frozen[1:]
	}
}

func (m *setMachine) apply(o op) error {
	s := m.s
	switch o.kind.name {
	case "Add", "TryAdd":
		k := key(o.arg(0))
		_, had := m.model[k]
		var added bool
		var err error
		if o.kind.name == "Add" {
			err = alloctest.Catch(func() { added = s.Add(k) })
		} else {
			added, err = s.TryAdd(k)
		}
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		if added == had {
			return fmt.Errorf("%v reported %v with the value present: %v", o, added, had)
		}
		m.model[k] = struct{}{}
	case "Has":
		k := key(o.arg(0))
		if _, want := m.model[k]; s.Has(k) != want {
			return fmt.Errorf("Has(%v) = %v, want %v", k, !want, want)
		}
	case "Delete":
		k := key(o.arg(0))
		s.Delete(k)
		delete(m.model, k)
	case "Insert":
		vs := values(o.arg(0), o.arg(1))
		err := alloctest.Catch(func() { s.Insert(slices.Values(vs)) })
		if failed, bug := m.env.failed(err); bug != nil {
			return bug
		} else if failed {
			// Insert stops at the first Add that fails.
			for j := len(vs); j >= 0; j-- {
				want := maps.Clone(m.model)
				for _, v := range vs[:j] {
					want[v] = struct{}{}
				}
				if sameValues("", s, want) == nil {
					m.model = want
					return nil
				}
			}
			return fmt.Errorf("after a failed Insert the set holds no prefix of the values")
		}
		for _, v := range vs {
			m.model[v] = struct{}{}
		}
	case "Clear":
		s.Clear()
		clear(m.model)
	case "Grow", "TryGrow":
		var err error
		if o.kind.name == "Grow" {
			err = alloctest.Catch(func() { s.Grow(o.arg(0)) })
		} else {
			err = s.TryGrow(o.arg(0))
		}
		_, bug := m.env.failed(err)
		return bug
	case "Clone", "Collect":
		var c *hashmap.Set[float64]
		err := alloctest.Catch(func() {
			if o.kind.name == "Clone" {
				c = s.Clone()
			} else {
				c = hashmap.CollectSet(m.env.a, s.All())
			}
		})
		if err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		m.freeze(o.String(), c, maps.Clone(m.model))
	case "Union", "Intersection", "Difference":
		vs := values(o.arg(0), o.arg(1))
		other := hashmap.CollectSet(nil, slices.Values(vs))
		otherModel := map[float64]struct{}{}
		for _, v := range vs {
			otherModel[v] = struct{}{}
		}
		var r *hashmap.Set[float64]
		want := map[float64]struct{}{}
		err := alloctest.Catch(func() {
			switch o.kind.name {
			case "Union":
				r = hashmap.Union(s, other)
				maps.Copy(want, m.model)
				maps.Copy(want, otherModel)
			case "Intersection":
				r = hashmap.Intersection(s, other)
				for k := range m.model {
					if _, ok := otherModel[k]; ok {
						want[k] = struct{}{}
					}
				}
			case "Difference":
				r = hashmap.Difference(s, other)
				for k := range m.model {
					if _, ok := otherModel[k]; !ok {
						want[k] = struct{}{}
					}
				}
			}
		})
		if err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		if r.Allocator() != m.env.a {
			return fmt.Errorf("%v allocated from %v, want the first operand's", o, r.Allocator())
		}
		if err := sameValues(o.String(), r, want); err != nil {
			return err
		}
		if err := sameValues(o.String()+"'s operand", other, otherModel); err != nil {
			return err
		}
		m.freeze(o.String(), r, want)
	case "Equal":
		var c *hashmap.Set[float64]
		if err := alloctest.Catch(func() { c = s.Clone() }); err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		if got, want := s.Equal(c), maps.Equal(m.model, maps.Clone(m.model)); got != want {
			return fmt.Errorf("s.Equal(s.Clone()) = %v, want %v as maps.Equal", got, want)
		}
		k := key(o.arg(0))
		if err := alloctest.Catch(func() { c.Add(k) }); err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		other := maps.Clone(m.model)
		other[k] = struct{}{}
		if got, want := s.Equal(c), maps.Equal(m.model, other); got != want {
			return fmt.Errorf("Equal after Add(%v) on the clone = %v, want %v", k, got, want)
		}
	case "DeleteFunc":
		del := func(k float64) bool { return k != k || int(k*2)%(o.arg(0)+2) == 0 }
		s.DeleteFunc(del)
		kept := map[float64]struct{}{}
		for k := range m.model {
			if !del(k) {
				kept[k] = struct{}{}
			}
		}
		m.model = kept
	case "DeleteWhileIterating":
		return m.deleteWhileIterating(o.arg(0))
	case "AddWhileIterating":
		return m.addWhileIterating(o.arg(0), o.arg(1))
	case "JSON":
		sorted := append([]float64{}, slices.Sorted(maps.Keys(m.model))...) // [] when empty, as a non-nil Set
		got, err := json.Marshal(s)
		want, wantErr := json.Marshal(sorted)
		if (err == nil) != (wantErr == nil) || err == nil && string(got) != string(want) {
			return fmt.Errorf("json.Marshal = %s, %v; want %s, %v", got, err, want, wantErr)
		}
		if err != nil {
			return nil // NaN: JSON has no such number
		}
		var back *hashmap.Set[float64]
		if err := alloctest.Catch(func() { back = hashmap.NewSet[float64](m.env.a) }); err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		if err := json.Unmarshal(got, back); err != nil {
			_, bug := m.env.failed(err)
			if bug == nil && back.Len() != 0 {
				return fmt.Errorf("a failed UnmarshalJSON left %d values", back.Len())
			}
			return bug
		}
		return sameValues("JSON round trip", back, m.model)
	case "Format":
		sorted := append([]float64{}, slices.Sorted(maps.Keys(m.model))...)
		for _, verb := range []string{"%v", "%+v", "%#v", "%x", "%6.2v"} {
			if got, want := fmt.Sprintf(verb, s), fmt.Sprintf(verb, sorted); got != want {
				return fmt.Errorf("Sprintf(%q) = %s, want %s", verb, got, want)
			}
		}
	case "Churn":
		return m.churn(o.arg(0), o.arg(1))
	case "GC":
		collect()
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}

// churn is mapMachine.churn for sets.
func (m *setMachine) churn(n, w int) error {
	w++
	for i := range n {
		k := key(2000 + (i*7919)%w)
		if _, err := m.s.TryAdd(k); err != nil {
			if _, bug := m.env.failed(err); bug != nil {
				return bug
			}
			break
		}
		m.model[k] = struct{}{}
		d := key(2000 + (i*104729+w/2)%w)
		m.s.Delete(d)
		delete(m.model, d)
	}
	for k := range m.model {
		if k >= key(2000) {
			m.s.Delete(k)
			delete(m.model, k)
		}
	}
	return nil
}

// deleteWhileIterating deletes, from inside the loop, the values whose
// doubled integer part is divisible by mod+2, each one when it is produced
// and, with it, one not reached yet. Values deleted before being reached
// must not be produced; every value present throughout exactly once.
func (m *setMachine) deleteWhileIterating(mod int) error {
	doomed := func(k float64) bool { return int(k*2)%(mod+2) == 0 }
	var victims []float64
	for k := range m.model {
		if k == k && doomed(k) {
			victims = append(victims, k)
		}
	}
	deleted := map[float64]bool{}
	produced := map[float64]int{}
	nans := 0
	for k := range m.s.All() {
		if k != k {
			nans++
			continue
		}
		if deleted[k] {
			return fmt.Errorf("iteration produced %v after it was deleted", k)
		}
		produced[k]++
		if _, ok := m.model[k]; !ok {
			return fmt.Errorf("iteration produced %v, which is not in the set", k)
		}
		if doomed(k) {
			for _, d := range []float64{k, popVictim(&victims, produced)} {
				if d == d {
					m.s.Delete(d)
					deleted[d] = true
				}
			}
		}
	}
	for k := range m.model {
		if k == k && !deleted[k] && produced[k] != 1 {
			return fmt.Errorf("iteration produced %v %d times, want once", k, produced[k])
		}
	}
	if want := countNaNKeys(m.model); nans != want {
		return fmt.Errorf("iteration produced %d NaN values, want %d", nans, want)
	}
	for k := range deleted {
		delete(m.model, k)
	}
	return nil
}

// addWhileIterating adds n new values from inside the loop; they may or
// may not be produced, each at most once; old ones are produced once.
func (m *setMachine) addWhileIterating(base, n int) error {
	added := map[float64]bool{}
	produced := map[float64]int{}
	i := 0
	for k := range m.s.All() {
		if k != k {
			continue
		}
		if produced[k]++; produced[k] > 1 {
			return fmt.Errorf("iteration produced %v twice", k)
		}
		if _, old := m.model[k]; !old && !added[k] {
			return fmt.Errorf("iteration produced %v, which was never added", k)
		}
		if i < n {
			nk := key(1000 + base + i) // beyond the other ops' values: always new
			if _, err := m.s.TryAdd(nk); err != nil {
				if _, bug := m.env.failed(err); bug != nil {
					return bug
				}
				n = i
				continue
			}
			added[nk] = true
			i++
		}
	}
	for k := range m.model {
		if k == k && produced[k] != 1 {
			return fmt.Errorf("iteration produced old value %v %d times, want once", k, produced[k])
		}
	}
	for k := range added {
		m.model[k] = struct{}{}
	}
	return nil
}

func countNaNKeys[V any](mp map[float64]V) int {
	n := 0
	for k := range mp {
		if k != k {
			n++
		}
	}
	return n
}

// sameValues compares s's values, as All, Len and Has see them, with
// want's, counting NaN values.
func sameValues(what string, s *hashmap.Set[float64], want map[float64]struct{}) error {
	if s.Len() != len(want) {
		return fmt.Errorf("%s: Len() = %d, want %d", what, s.Len(), len(want))
	}
	got := slices.Sorted(s.All())
	exp := slices.Sorted(maps.Keys(want))
	same := slices.EqualFunc(got, exp, func(a, b float64) bool {
		return a == b && math.Signbit(a) == math.Signbit(b) || a != a && b != b
	})
	if !same {
		return fmt.Errorf("%s holds %v, want %v", what, got, exp)
	}
	for k := range want {
		if k == k && !s.Has(k) {
			return fmt.Errorf("%s: Has(%v) = false, want true", what, k)
		}
	}
	return nil
}
