package proptest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/vec"
)

// val is the element stored for argument x: a string, so that the Vec holds
// pointers, with runs of equal values for Compact to find.
func val(x int) string { return "v" + strconv.Itoa(x) }

func vals(n, x int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = val(x + i/3)
	}
	return s
}

var vecOps = []opKind{
	{name: "Push", weight: 8, args: []int{1000}},
	{name: "TryPush", weight: 4, args: []int{1000}},
	{name: "Pop", weight: 3},
	{name: "Set", weight: 2, args: []int{64, 1000}},
	{name: "Insert", weight: 3, args: []int{64, 8, 1000}},
	{name: "Remove", weight: 3, args: []int{64}},
	{name: "SwapRemove", weight: 2, args: []int{64}},
	{name: "Truncate", weight: 1, args: []int{64}},
	{name: "Clear", weight: 1},
	{name: "Extend", weight: 2, args: []int{64, 1000}},
	{name: "AppendSlice", weight: 2, args: []int{64, 1000}},
	{name: "TryAppendSlice", weight: 2, args: []int{256, 1000}},
	{name: "Grow", weight: 1, args: []int{256}},
	{name: "TryGrow", weight: 1, args: []int{1024}},
	{name: "Clip", weight: 1},
	{name: "DeleteFunc", weight: 1, args: []int{5}},
	{name: "Compact", weight: 1},
	{name: "CompactFunc", weight: 1, args: []int{4}},
	{name: "SplitOff", weight: 1, args: []int{64}},
	{name: "Delete", weight: 2, args: []int{64, 64}},
	{name: "Replace", weight: 2, args: []int{64, 64, 8}},
	{name: "BadRange", weight: 1, args: []int{4, 4}},
	{name: "JSON", weight: 1, args: []int{16, 1000}},
	{name: "Format", weight: 1, args: []int{len(vecVerbs)}},
	{name: "Clone", weight: 1},
	{name: "IntoSlice", weight: 1},
	{name: "Rebuild", weight: 1, args: []int{3}},
	{name: "BadIndex", weight: 1, args: []int{3, 4}},
	{name: "GC", weight: 1},
}

// frozen is a copy of contents that must never change: a slice handed out
// by IntoSlice, a Clone, or the second half of a SplitOff.
type frozen struct {
	what string
	get  func() []string
	want []string
}

// vecMachine compares a vec.Vec[string] with a []string.
type vecMachine struct {
	env    allocEnv
	v      *vec.Vec[string]
	model  []string
	frozen []frozen
}

func TestVec(t *testing.T) {
	forEachEnv(t, vecOps, newVecMachine)
}

func newVecMachine(env allocEnv) machine {
	return &vecMachine{env: env, v: vec.New[string](env.a)}
}

func (m *vecMachine) freeze(what string, get func() []string) {
	m.frozen = append(m.frozen, frozen{what: what, get: get, want: slices.Clone(get())})
	if len(m.frozen) > 8 {
		m.frozen = m.frozen[1:]
	}
}

func deleteDel(mod int) func(string) bool {
	return func(s string) bool { return (len(s)+int(s[len(s)-1]))%(mod+2) == 0 }
}

func compactEq(k int) func(a, b string) bool {
	return func(a, b string) bool { return len(a)%(k+1) == len(b)%(k+1) }
}

func (m *vecMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	if !fullCheck() {
		return nil
	}
	return m.check()
}

func (m *vecMachine) apply(o op) error {
	v, n := m.v, len(m.model)
	fallible := m.env.fallible
	switch o.kind.name {
	case "Push":
		x := val(o.arg(0))
		return fallible(alloctest.Catch(func() { v.Push(x) }), func() { m.model = append(m.model, x) })
	case "TryPush":
		x := val(o.arg(0))
		return fallible(v.TryPush(x), func() { m.model = append(m.model, x) })
	case "Pop":
		got, ok := v.Pop()
		if ok != (n > 0) {
			return fmt.Errorf("Pop reported %v with %d elements", ok, n)
		}
		if ok {
			if want := m.model[n-1]; got != want {
				return fmt.Errorf("Pop = %q, want %q", got, want)
			}
			m.model = m.model[:n-1]
		} else if got != "" {
			return fmt.Errorf("Pop of an empty Vec returned %q", got)
		}
	case "Set":
		if n == 0 {
			return nil
		}
		i, x := o.arg(0)%n, val(o.arg(1))
		v.Set(i, x)
		m.model[i] = x
	case "Insert":
		i, xs := o.arg(0)%(n+1), vals(o.arg(1), o.arg(2))
		return fallible(alloctest.Catch(func() { v.Insert(i, xs...) }), func() { m.model = slices.Insert(m.model, i, xs...) })
	case "Remove", "SwapRemove":
		if n == 0 {
			return nil
		}
		i := o.arg(0) % n
		var got string
		if o.kind.name == "Remove" {
			got = v.Remove(i)
		} else {
			got = v.SwapRemove(i)
		}
		if want := m.model[i]; got != want {
			return fmt.Errorf("%s(%d) = %q, want %q", o.kind.name, i, got, want)
		}
		if o.kind.name == "Remove" {
			m.model = slices.Delete(m.model, i, i+1)
		} else {
			m.model[i] = m.model[n-1]
			m.model = m.model[:n-1]
		}
	case "Truncate":
		k := o.arg(0) % (n + 2) // n+1 is beyond the length: nothing happens
		v.Truncate(k)
		m.model = m.model[:min(k, n)]
	case "Clear":
		c := v.Cap()
		v.Clear()
		m.model = m.model[:0]
		if v.Cap() != c {
			return fmt.Errorf("Clear changed the capacity from %d to %d", c, v.Cap())
		}
	case "Extend":
		xs := vals(o.arg(0), o.arg(1))
		err := alloctest.Catch(func() { v.Extend(slices.Values(xs)) })
		if failed, bug := m.env.failed(err); bug != nil {
			return bug
		} else if failed {
			// Extend keeps the values appended before the failure.
			got := v.Slice()
			if len(got) < n || !slices.Equal(got[:n], m.model) || !slices.Equal(got[n:], xs[:len(got)-n]) {
				return fmt.Errorf("after a failed Extend the Vec holds %v, want %v and a prefix of %v", got, m.model, xs)
			}
			m.model = slices.Clone(got)
			return nil
		}
		m.model = append(m.model, xs...)
	case "AppendSlice":
		xs := vals(o.arg(0), o.arg(1))
		return fallible(alloctest.Catch(func() { v.AppendSlice(xs) }), func() { m.model = append(m.model, xs...) })
	case "TryAppendSlice":
		xs := vals(o.arg(0), o.arg(1))
		return fallible(v.TryAppendSlice(xs), func() { m.model = append(m.model, xs...) })
	case "Grow", "TryGrow":
		k := o.arg(0)
		var err error
		if o.kind.name == "Grow" {
			err = alloctest.Catch(func() { v.Grow(k) })
		} else {
			err = v.TryGrow(k)
		}
		if bug := fallible(err, func() {}); bug != nil || err != nil {
			return bug
		}
		if v.Cap() < n+k {
			return fmt.Errorf("capacity %d after reserving %d more than %d", v.Cap(), k, n)
		}
		// The failure rule: the next k insertions neither allocate nor
		// fail, even in a limited arena.
		c, xs := v.Cap(), vals(min(k, 8), k)
		for _, x := range xs {
			v.Push(x)
		}
		m.model = append(m.model, xs...)
		if v.Cap() != c {
			return fmt.Errorf("capacity changed from %d to %d within room that %s(%d) made", c, v.Cap(), o.kind.name, k)
		}
	case "Clip":
		v.Clip()
		if !m.env.limited() && v.Cap() != n {
			return fmt.Errorf("capacity %d after Clip of %d elements", v.Cap(), n)
		}
	case "DeleteFunc":
		del := deleteDel(o.arg(0))
		v.DeleteFunc(del)
		m.model = slices.DeleteFunc(m.model, del)
	case "Compact":
		vec.Compact(v)
		m.model = slices.Compact(m.model)
	case "CompactFunc":
		eq := compactEq(o.arg(0))
		v.CompactFunc(eq)
		m.model = slices.CompactFunc(m.model, eq)
	case "SplitOff":
		i := o.arg(0) % (n + 1)
		var w *vec.Vec[string]
		if err := alloctest.Catch(func() { w = v.SplitOff(i) }); err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		if got := w.Slice(); !slices.Equal(got, m.model[i:]) {
			return fmt.Errorf("SplitOff(%d) returned %v, want %v", i, got, m.model[i:])
		}
		m.model = m.model[:i]
		m.freeze(o.String(), w.Slice)
	case "Delete":
		i := o.arg(0) % (n + 1)
		j := i + o.arg(1)%(n-i+1)
		v.Delete(i, j)
		m.model = slices.Delete(m.model, i, j)
	case "Replace":
		i := o.arg(0) % (n + 1)
		j := i + o.arg(1)%(n-i+1)
		xs := vals(o.arg(2), 500+o.arg(0))
		return fallible(alloctest.Catch(func() { v.Replace(i, j, xs...) }), func() { m.model = slices.Replace(m.model, i, j, xs...) })
	case "BadRange":
		// Out-of-range bounds panic as slices.Delete and slices.Replace
		// do, and leave the Vec unchanged (check compares it afterwards).
		i, j := 0, n+1+o.arg(1)
		want := fmt.Sprintf("slice bounds out of range [%d:%d] with length %d", i, j, n)
		if o.arg(0)%2 == 1 {
			i = min(n, o.arg(1)) + 1
			j = i - 1
			want = fmt.Sprintf("slice bounds out of range [%d:%d]", i, j)
		}
		fn := "Delete"
		err := alloctest.Catch(func() { v.Delete(i, j) })
		if o.arg(0) >= 2 {
			fn = "Replace"
			err = alloctest.Catch(func() { v.Replace(i, j, "x") })
		}
		if want = "vec: " + fn + ": " + want; err == nil || !strings.HasSuffix(err.Error(), want) {
			return fmt.Errorf("%s(%d, %d) panicked with %v, want %q", fn, i, j, err, want)
		}
	case "JSON":
		return m.json(o)
	case "Format":
		f := vecVerbs[o.arg(0)]
		if got, want := fmt.Sprintf(f, v), fmt.Sprintf(f, nonNil(m.model)); got != want {
			return fmt.Errorf("Sprintf(%q) = %s, want %s as for the slice", f, got, want)
		}
	case "Clone":
		var w *vec.Vec[string]
		if err := alloctest.Catch(func() { w = v.Clone() }); err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		if !slices.Equal(w.Slice(), m.model) {
			return fmt.Errorf("Clone holds %v, want %v", w.Slice(), m.model)
		}
		m.freeze(o.String(), w.Slice)
	case "IntoSlice":
		s := v.IntoSlice()
		if !slices.Equal(s, m.model) {
			return fmt.Errorf("IntoSlice returned %v, want %v", s, m.model)
		}
		if v.Len() != 0 || v.Cap() != 0 {
			return fmt.Errorf("after IntoSlice the Vec has len %d cap %d", v.Len(), v.Cap())
		}
		m.freeze(o.String(), func() []string { return s })
		m.model = nil
	case "Rebuild":
		var w *vec.Vec[string]
		err := alloctest.Catch(func() {
			switch o.arg(0) {
			case 0:
				w = vec.From(m.env.a, m.model)
			case 1:
				w = vec.Collect(m.env.a, slices.Values(m.model))
			case 2:
				w = vec.WithCapacity[string](m.env.a, n)
				w.AppendSlice(m.model)
			}
		})
		if err != nil {
			_, bug := m.env.failed(err)
			return bug
		}
		m.v = w
	case "BadIndex":
		i := n + o.arg(1)
		if o.arg(0) == 2 {
			i = -1 - o.arg(1)
		}
		err := alloctest.Catch(func() {
			switch o.arg(0) {
			case 0:
				v.At(i)
			case 1:
				v.Remove(i)
			case 2:
				v.Set(i, "x")
			}
		})
		fn := []string{"At", "Remove", "Set"}[o.arg(0)]
		if want := fmt.Sprintf("vec: %s: index %d out of range [0:%d]", fn, i, n); err == nil || !strings.HasSuffix(err.Error(), want) {
			return fmt.Errorf("panicked with %v, want %q", err, want)
		}
	case "GC":
		collect()
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}

// vecVerbs are the formats a Vec must print exactly as its slice does.
var vecVerbs = []string{"%v", "%+v", "%#v", "%q", "%x", "%s", "%10.3v", "%-4q|", "%d"}

// nonNil returns s, or an empty slice if s is nil: a Vec, whatever its
// storage, prints and encodes as a non-nil slice.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// json checks encoding/json round trips: v marshals as the model does;
// the result unmarshals into a new Vec from the same allocator as the
// model; and an array unmarshals into v, replacing its elements (or, if
// the allocator fails, leaving them).
func (m *vecMachine) json(o op) error {
	got, err := json.Marshal(m.v)
	if err != nil {
		return fmt.Errorf("Marshal: %v", err)
	}
	if want, _ := json.Marshal(nonNil(m.model)); string(got) != string(want) {
		return fmt.Errorf("Marshal = %s, want %s", got, want)
	}
	var w *vec.Vec[string]
	if err := alloctest.Catch(func() { w = vec.New[string](m.env.a) }); err != nil {
		_, bug := m.env.failed(err)
		return bug
	}
	if err := m.env.fallible(json.Unmarshal(got, w), func() {}); err != nil {
		return err
	}
	if w.Len() > 0 || len(m.model) == 0 {
		if !slices.Equal(w.Slice(), m.model) {
			return fmt.Errorf("round trip gave %v, want %v", w.Slice(), m.model)
		}
		m.freeze(o.String(), w.Slice)
	}
	xs := vals(o.arg(0), o.arg(1))
	data, _ := json.Marshal(xs)
	return m.env.fallible(json.Unmarshal(data, m.v), func() { m.model = xs })
}

func (m *vecMachine) check() error {
	v := m.v
	if v.Len() != len(m.model) {
		return fmt.Errorf("Len() = %d, want %d", v.Len(), len(m.model))
	}
	if v.Cap() < v.Len() {
		return fmt.Errorf("Cap() = %d < Len() = %d", v.Cap(), v.Len())
	}
	s := v.Slice()
	if !slices.Equal(s, m.model) {
		return fmt.Errorf("Vec holds %v, want %v", s, m.model)
	}
	if cap(s) != len(s) {
		return fmt.Errorf("Slice() has capacity %d, want its length %d", cap(s), len(s))
	}
	for i, x := range m.model {
		if got := v.At(i); got != x {
			return fmt.Errorf("At(%d) = %q, want %q", i, got, x)
		}
	}
	var all, back []string
	for i, x := range v.All() {
		if i != len(all) {
			return fmt.Errorf("All yielded index %d at position %d", i, len(all))
		}
		all = append(all, x)
	}
	for i, x := range v.Backward() {
		if i != len(m.model)-1-len(back) {
			return fmt.Errorf("Backward yielded index %d at position %d", i, len(back))
		}
		back = append(back, x)
	}
	slices.Reverse(back)
	if !slices.Equal(all, m.model) || !slices.Equal(back, m.model) || !slices.Equal(slices.Collect(v.Values()), m.model) {
		return fmt.Errorf("iterators disagree with the contents %v: All %v, Backward reversed %v", m.model, all, back)
	}
	for _, f := range m.frozen {
		if got := f.get(); !slices.Equal(got, f.want) {
			return fmt.Errorf("%s result changed from %v to %v", f.what, f.want, got)
		}
	}
	return m.env.checkArena()
}

// panicMessage runs f and returns what it panicked with, or "" if it did
// not. The vec model no longer uses it (alloctest.Catch does the job);
// str_test.go still does.
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}
