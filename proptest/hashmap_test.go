package proptest

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

// key maps an argument to a float64 key, with the edge cases Go maps
// define first: NaN (never equal to itself, so every Set adds an entry),
// -0 and +0 (one key), +Inf.
func key(x int) float64 {
	switch x {
	case 0:
		return math.NaN()
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return 0
	case 3:
		return math.Inf(1)
	}
	return float64(x-3) / 2
}

var hashmapOps = []opKind{
	{name: "Set", weight: 10, args: []int{200, 1000}},
	{name: "TrySet", weight: 4, args: []int{200, 1000}},
	{name: "Get", weight: 3, args: []int{200}},
	{name: "Delete", weight: 4, args: []int{200}},
	{name: "Entry", weight: 2, args: []int{200, 1000}},
	{name: "Ptr", weight: 2, args: []int{200, 1000}},
	{name: "Insert", weight: 2, args: []int{16, 200}},
	{name: "Clear", weight: 1},
	{name: "Grow", weight: 1, args: []int{64}},
	{name: "TryGrow", weight: 1, args: []int{512}},
	{name: "Clone", weight: 1},
	{name: "Collect", weight: 1},
	{name: "DeleteWhileIterating", weight: 2, args: []int{4}},
	{name: "SetWhileIterating", weight: 1, args: []int{200, 8}},
	{name: "ClearWhileIterating", weight: 1, args: []int{8}},
	{name: "DeleteFunc", weight: 1, args: []int{5}},
	{name: "Equal", weight: 1, args: []int{200}},
	{name: "JSON", weight: 1},
	{name: "Format", weight: 1},
	{name: "Churn", weight: 1, args: []int{3000, 5000}},
	{name: "GC", weight: 1},
}

// mapMachine compares a hashmap.Map[float64, string] with a Go map, which
// has the reference semantics for NaN and signed zero keys.
type mapMachine struct {
	env    allocEnv
	m      *hashmap.Map[float64, string]
	model  map[float64]string
	frozen []frozenMap
}

type frozenMap struct {
	what string
	m    *hashmap.Map[float64, string]
	want map[float64]string
}

func TestHashmap(t *testing.T) {
	// With maphash and a random seed per map, as users run it; with a
	// deterministic hasher of 16 values, so that groups fill up and probe
	// sequences get long, and a failure replays exactly while it is shrunk
	// (with random seeds the table's layout differs from run to run).
	t.Run("maphash", func(t *testing.T) { forEachEnv(t, hashmapOps, newMapMachine) })
	t.Run("collide", func(t *testing.T) { forEachEnv(t, hashmapOps, newCollidingMapMachine) })
}

func newMapMachine(env allocEnv) machine {
	return &mapMachine{env: env, m: hashmap.New[float64, string](env.a), model: map[float64]string{}}
}

func newCollidingMapMachine(env allocEnv) machine {
	return &mapMachine{env: env, m: hashmap.NewWithHasher[float64, string](env.a, collidingHash), model: map[float64]string{}}
}

// collidingHash ignores the seed and maps every key to one of 16 hashes,
// equal keys (+0 and -0) to the same one.
func collidingHash(_ maphash.Seed, k float64) uint64 {
	if k == 0 {
		k = 0 // -0 becomes +0
	}
	x := math.Float64bits(k)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return (x % 16) * 0x9e3779b97f4a7c15
}

func (m *mapMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	if !fullCheck() {
		return nil
	}
	if err := sameEntries("Map", m.m, m.model); err != nil {
		return err
	}
	for _, f := range m.frozen {
		if err := sameEntries(f.what, f.m, f.want); err != nil {
			return err
		}
	}
	return m.env.checkArena()
}

func (m *mapMachine) apply(o op) error {
	h := m.m
	fallible := m.env.fallible
	switch o.kind.name {
	case "Set":
		k, v := key(o.arg(0)), val(o.arg(1))
		return fallible(alloctest.Catch(func() { h.Set(k, v) }), func() { m.model[k] = v })
	case "TrySet":
		k, v := key(o.arg(0)), val(o.arg(1))
		return fallible(h.TrySet(k, v), func() { m.model[k] = v })
	case "Get":
		k := key(o.arg(0))
		got, ok := h.Get(k)
		want, wok := m.model[k]
		if got != want || ok != wok || h.Has(k) != wok {
			return fmt.Errorf("Get(%v) = %q, %v, Has %v; want %q, %v", k, got, ok, h.Has(k), want, wok)
		}
	case "Delete":
		k := key(o.arg(0))
		h.Delete(k)
		delete(m.model, k)
	case "Entry":
		k, v := key(o.arg(0)), val(o.arg(1))
		var p *string
		var present bool
		err := alloctest.Catch(func() { p, present = h.Entry(k) })
		if bug := fallible(err, func() {}); bug != nil || err != nil {
			return bug
		}
		old, wok := m.model[k]
		if k != k {
			old, wok = "", false // a NaN key is always new
		}
		if present != wok || *p != old {
			return fmt.Errorf("Entry(%v) = %q, %v; want %q, %v", k, *p, present, old, wok)
		}
		*p = v
		m.model[k] = v
	case "Ptr":
		k, v := key(o.arg(0)), val(o.arg(1))
		p := h.Ptr(k)
		old, ok := m.model[k]
		if (p != nil) != ok || p != nil && *p != old {
			return fmt.Errorf("Ptr(%v) = %v, want presence %v of %q", k, p, ok, old)
		}
		if p != nil {
			*p = v
			// Writing through the pointer keeps the stored key (-0 or
			// +0), which assigning to the model map would replace.
			for mk := range m.model {
				if mk == k {
					m.model[mk] = v
				}
			}
		}
	case "Insert":
		kvs := make([][2]int, o.arg(0))
		for i := range kvs {
			kvs[i] = [2]int{(o.arg(1) + i*7) % 200, o.arg(1) + i}
		}
		err := alloctest.Catch(func() { h.Insert(pairs(kvs)) })
		if failed, bug := m.env.failed(err); bug != nil {
			return bug
		} else if failed {
			// Insert stops at the first Set that fails.
			for j := len(kvs); j >= 0; j-- {
				want := maps.Clone(m.model)
				maps.Insert(want, pairs(kvs[:j]))
				if sameEntries("", h, want) == nil {
					m.model = want
					return nil
				}
			}
			return fmt.Errorf("after a failed Insert the map holds no prefix of the entries")
		}
		maps.Insert(m.model, pairs(kvs))
	case "Clear":
		h.Clear()
		clear(m.model)
	case "Grow", "TryGrow":
		var err error
		if o.kind.name == "Grow" {
			err = alloctest.Catch(func() { h.Grow(o.arg(0)) })
		} else {
			err = h.TryGrow(o.arg(0))
		}
		_, bug := m.env.failed(err)
		return bug
	case "Clone", "Collect":
		var c *hashmap.Map[float64, string]
		err := alloctest.Catch(func() {
			if o.kind.name == "Clone" {
				c = h.Clone()
			} else {
				c = hashmap.Collect(m.env.a, h.All())
			}
		})
		if err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		m.frozen = append(m.frozen, frozenMap{what: o.String(), m: c, want: maps.Clone(m.model)})
		if len(m.frozen) > 4 {
			m.frozen = m.frozen[1:]
		}
	case "DeleteWhileIterating":
		return m.deleteWhileIterating(o.arg(0))
	case "SetWhileIterating":
		return m.setWhileIterating(o.arg(0), o.arg(1))
	case "ClearWhileIterating":
		after := o.arg(0)
		seen := 0
		for range h.All() {
			if seen == after {
				h.Clear()
			} else if seen > after {
				return fmt.Errorf("iteration went on after Clear")
			}
			seen++
		}
		if after < len(m.model) {
			clear(m.model)
		}
	case "DeleteFunc":
		// Deletes by value, so NaN keys go too (maps.DeleteFunc could
		// not delete them from the model; delete by entry instead).
		del := func(_ float64, v string) bool { return len(v)%(o.arg(0)+2) == 0 }
		h.DeleteFunc(del)
		kept := map[float64]string{}
		for k, v := range m.model {
			if !del(k, v) {
				kept[k] = v
			}
		}
		m.model = kept
	case "Equal":
		var c *hashmap.Map[float64, string]
		if err := alloctest.Catch(func() { c = h.Clone() }); err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		want := maps.Equal(m.model, maps.Clone(m.model))
		if got := hashmap.Equal(h, c); got != want {
			return fmt.Errorf("Equal(m, m.Clone()) = %v, want %v as maps.Equal", got, want)
		}
		k := key(o.arg(0))
		if err := alloctest.Catch(func() { c.Set(k, "changed") }); err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		other := maps.Clone(m.model)
		other[k] = "changed"
		if got, want := hashmap.Equal(h, c), maps.Equal(m.model, other); got != want {
			return fmt.Errorf("Equal after Set(%v) on the clone = %v, want %v", k, got, want)
		}
		eq := func(a, b string) bool { return len(a) == len(b) }
		if got, want := hashmap.EqualFunc(h, c, eq), maps.EqualFunc(m.model, other, eq); got != want {
			return fmt.Errorf("EqualFunc = %v, want %v", got, want)
		}
	case "JSON":
		// encoding/json refuses float keys: the Map must refuse as the
		// map does, with the same error.
		got, err := json.Marshal(h)
		want, wantErr := json.Marshal(m.model)
		if (err == nil) != (wantErr == nil) || err == nil && string(got) != string(want) {
			return fmt.Errorf("json.Marshal = %s, %v; want %s, %v", got, err, want, wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), wantErr.Error()) {
			return fmt.Errorf("json.Marshal error %q does not carry %q", err, wantErr)
		}
		return m.stringsJSON()
	case "Format":
		if countNaN(m.model) > 1 {
			return nil // fmt orders NaN keys among themselves at random
		}
		for _, verb := range []string{"%v", "%+v", "%#v", "%q", "%x", "%6.2v"} {
			if got, want := fmt.Sprintf(verb, h), fmt.Sprintf(verb, m.model); got != want {
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

// stringsJSON round-trips the string-keyed view of the model (float keys
// formatted, NaN aside) through a string-keyed Map on the same allocator,
// checking that it marshals like the Go map and decodes back to it.
func (m *mapMachine) stringsJSON() error {
	want := map[string]string{}
	for k, v := range m.model {
		if k == k {
			want[fmt.Sprint(k)] = v
		}
	}
	var s *hashmap.Map[string, string]
	if err := alloctest.Catch(func() { s = hashmap.Collect(m.env.a, maps.All(want)) }); err != nil {
		_, bug := m.env.failed(err)
		return bug
	}
	got, err := json.Marshal(s)
	exp, _ := json.Marshal(want)
	if err != nil || string(got) != string(exp) {
		return fmt.Errorf("json.Marshal of a string-keyed Map = %s, %v; want %s", got, err, exp)
	}
	var back *hashmap.Map[string, string]
	if err := alloctest.Catch(func() { back = hashmap.New[string, string](m.env.a) }); err != nil {
		_, bug := m.env.failed(err)
		return bug
	}
	if err := json.Unmarshal(got, back); err != nil {
		_, bug := m.env.failed(errors.Unwrap(err))
		if bug == nil && back.Len() != 0 {
			return fmt.Errorf("a failed UnmarshalJSON left %d entries", back.Len())
		}
		return bug
	}
	if !maps.Equal(maps.Collect(back.All()), want) {
		return fmt.Errorf("JSON round trip gave %v, want %v", maps.Collect(back.All()), want)
	}
	return nil
}

// churn runs n delete/insert pairs over a key range of width w beyond the
// other ops' keys, so that tables grow large and tombstones are pruned,
// then deletes those keys again (tombstones stay).
func (m *mapMachine) churn(n, w int) error {
	w++
	if fastFuzz {
		// Enough pairs to fill a small table with tombstones and prune
		// them; thousands with the colliding hasher cost the fast mode a
		// tenth of its speed.
		n = min(n, 300)
	}
	for i := range n {
		k := key(2000 + (i*7919)%w)
		if err := m.m.TrySet(k, val(i)); err != nil {
			if _, bug := m.env.failed(err); bug != nil {
				return bug
			}
			break
		}
		m.model[k] = val(i)
		d := key(2000 + (i*104729+w/2)%w)
		m.m.Delete(d)
		delete(m.model, d)
	}
	for k := range m.model {
		if k >= key(2000) {
			m.m.Delete(k)
			delete(m.model, k)
		}
	}
	return nil
}

func pairs(kvs [][2]int) func(func(float64, string) bool) {
	return func(yield func(float64, string) bool) {
		for _, kv := range kvs {
			if !yield(key(kv[0]), val(kv[1])) {
				return
			}
		}
	}
}

// deleteWhileIterating deletes, from inside the loop, every entry whose
// value has a length divisible by mod+1, some before and some after they
// are reached. Entries that were deleted before being reached must not be
// produced; every entry present throughout must be produced exactly once.
func (m *mapMachine) deleteWhileIterating(mod int) error {
	doomed := func(v string) bool { return len(v)%(mod+1) == 0 }
	var victims []float64
	for k, v := range m.model {
		if doomed(v) && k == k {
			victims = append(victims, k)
		}
	}
	deleted := map[float64]bool{}
	produced := map[float64]int{}
	nans := 0
	for k, v := range m.m.All() {
		if k != k {
			nans++
			continue
		}
		if deleted[k] {
			return fmt.Errorf("iteration produced %v after it was deleted", k)
		}
		produced[k]++
		if want, ok := m.model[k]; !ok || want != v {
			return fmt.Errorf("iteration produced %v: %q, want %q", k, v, want)
		}
		// Delete this entry and one not reached yet, if any.
		if doomed(v) {
			for _, d := range []float64{k, popVictim(&victims, produced)} {
				if d == d {
					m.m.Delete(d)
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
	if want := countNaN(m.model); nans != want {
		return fmt.Errorf("iteration produced %d NaN keys, want %d", nans, want)
	}
	for k := range deleted {
		delete(m.model, k)
	}
	return nil
}

// popVictim returns a doomed key not produced yet, or NaN.
func popVictim(victims *[]float64, produced map[float64]int) float64 {
	for len(*victims) > 0 {
		k := (*victims)[0]
		*victims = (*victims)[1:]
		if produced[k] == 0 {
			return k
		}
	}
	return math.NaN()
}

// setWhileIterating adds n new keys and updates old ones from inside the
// loop. New entries may or may not be produced, each at most once; old ones
// are produced exactly once, with their current value.
func (m *mapMachine) setWhileIterating(base, n int) error {
	added := map[float64]string{}
	produced := map[float64]int{}
	i := 0
	for k, v := range m.m.All() {
		if k != k {
			continue
		}
		produced[k]++
		if produced[k] > 1 {
			return fmt.Errorf("iteration produced %v twice", k)
		}
		if _, old := m.model[k]; !old && added[k] != v {
			return fmt.Errorf("iteration produced %v: %q, which was never set", k, v)
		}
		if i < n {
			nk := key(1000 + base + i) // beyond the other ops' keys: always new
			nv := val(i)
			if err := alloctest.Catch(func() { m.m.Set(nk, nv) }); err != nil {
				if _, bug := m.env.failed(err); bug != nil {
					return bug
				}
				n = i // stop adding, but finish the iteration
				continue
			}
			added[nk] = nv
			i++
		}
	}
	for k := range m.model {
		if k == k && produced[k] != 1 {
			return fmt.Errorf("iteration produced old key %v %d times, want once", k, produced[k])
		}
	}
	maps.Copy(m.model, added)
	return nil
}

func countNaN(mp map[float64]string) int {
	n := 0
	for k := range mp {
		if k != k {
			n++
		}
	}
	return n
}

// sameEntries compares h's entries, as All, Keys, Values, Len and Get see
// them, with want's, counting NaN keys by their values.
func sameEntries(what string, h *hashmap.Map[float64, string], want map[float64]string) error {
	if h.Len() != len(want) {
		return fmt.Errorf("%s: Len() = %d, want %d", what, h.Len(), len(want))
	}
	type kv struct {
		k float64
		v string
	}
	var got, exp []kv
	for k, v := range h.All() {
		got = append(got, kv{k, v})
	}
	for k, v := range want {
		exp = append(exp, kv{k, v})
		if k == k {
			if g, ok := h.Get(k); !ok || g != v {
				return fmt.Errorf("%s: Get(%v) = %q, %v; want %q", what, k, g, ok, v)
			}
		}
	}
	order := func(a, b kv) int {
		// NaNs sort first with cmp.Compare; among them, by value.
		return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(a.v, b.v))
	}
	slices.SortFunc(got, order)
	slices.SortFunc(exp, order)
	if !slices.EqualFunc(got, exp, func(a, b kv) bool { return (a.k == b.k || a.k != a.k && b.k != b.k) && a.v == b.v }) {
		return fmt.Errorf("%s holds %v, want %v", what, got, exp)
	}
	keys := slices.Collect(h.Keys())
	values := slices.Collect(h.Values())
	if len(keys) != len(want) || len(values) != len(want) {
		return fmt.Errorf("%s: Keys and Values produced %d and %d entries, want %d", what, len(keys), len(values), len(want))
	}
	return nil
}
