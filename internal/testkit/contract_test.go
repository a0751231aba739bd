package testkit_test

import (
	"encoding/json"
	"runtime"
	"testing"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/pqueue"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

// These tests check the contract every container keeps (the table in
// docs/usage.md), one row per container: a new container adds its rows.

// TestNilReads checks that reads on a nil receiver behave as on an empty
// container, and that writes with nothing to do on an empty container do
// nothing, as len, delete and clear do on a nil slice or map.
func TestNilReads(t *testing.T) {
	var v *vec.Vec[int]
	var d *deque.Deque[int]
	var m *hashmap.Map[string, int]
	var hs *hashmap.Set[string]
	var s *str.String
	var bt *btree.Map[string, int]
	var pq *pqueue.Queue[int]
	reads := map[string]func() any{
		"btree Len":           func() any { return bt.Len() },
		"btree Get":           func() any { _, ok := bt.Get("a"); return ok },
		"btree Allocator":     func() any { return bt.Allocator() == nil },
		"btree Clone":         func() any { return bt.Clone() == nil },
		"btree Delete":        func() any { _, ok := bt.Delete("a"); return ok },
		"btree Clear":         func() any { bt.Clear(); return nil },
		"btree PopMin":        func() any { _, _, ok := bt.PopMin(); return ok },
		"btree String":        func() any { return bt.String() },
		"btree All":           func() any { return count2(bt.All()) },
		"btree MarshalJSON":   func() any { b, _ := bt.MarshalJSON(); return string(b) },
		"pqueue Len":          func() any { return pq.Len() },
		"pqueue Cap":          func() any { return pq.Cap() },
		"pqueue Allocator":    func() any { return pq.Allocator() == nil },
		"pqueue Clone":        func() any { return pq.Clone() == nil },
		"pqueue Peek":         func() any { _, ok := pq.Peek(); return ok },
		"pqueue Pop":          func() any { _, ok := pq.Pop(); return ok },
		"pqueue Clear":        func() any { pq.Clear(); return nil },
		"pqueue String":       func() any { return pq.String() },
		"pqueue Values":       func() any { return count1(pq.Values()) },
		"pqueue MarshalJSON":  func() any { b, _ := pq.MarshalJSON(); return string(b) },
		"set Len":             func() any { return hs.Len() },
		"set Has":             func() any { return hs.Has("a") },
		"set Allocator":       func() any { return hs.Allocator() == nil },
		"set Clone":           func() any { return hs.Clone() == nil },
		"set Delete":          func() any { hs.Delete("a"); return nil },
		"set Clear":           func() any { hs.Clear(); return nil },
		"set DeleteFunc":      func() any { hs.DeleteFunc(func(string) bool { return true }); return nil },
		"set String":          func() any { return hs.String() },
		"set All":             func() any { return count1(hs.All()) },
		"set MarshalJSON":     func() any { b, _ := hs.MarshalJSON(); return string(b) },
		"vec Len":             func() any { return v.Len() },
		"vec Cap":             func() any { return v.Cap() },
		"vec Slice":           func() any { return len(v.Slice()) },
		"vec Allocator":       func() any { return v.Allocator() == nil },
		"vec Clone":           func() any { return v.Clone() == nil },
		"vec IntoSlice":       func() any { return len(v.IntoSlice()) },
		"vec Pop":             func() any { _, ok := v.Pop(); return ok },
		"vec String":          func() any { return v.String() },
		"vec Truncate":        func() any { v.Truncate(0); return nil },
		"vec Delete":          func() any { v.Delete(0, 0); return nil },
		"vec DeleteFunc":      func() any { v.DeleteFunc(func(int) bool { return true }); return nil },
		"vec Compact":         func() any { vec.Compact(v); return nil },
		"vec Clear":           func() any { v.Clear(); return nil },
		"vec Clip":            func() any { v.Clip(); return nil },
		"vec All":             func() any { return count2(v.All()) },
		"deque Len":           func() any { return d.Len() },
		"deque Cap":           func() any { return d.Cap() },
		"deque Allocator":     func() any { return d.Allocator() == nil },
		"deque Clone":         func() any { return d.Clone() == nil },
		"deque Front":         func() any { _, ok := d.Front(); return ok },
		"deque PopFront":      func() any { _, ok := d.PopFront(); return ok },
		"deque PopBack":       func() any { _, ok := d.PopBack(); return ok },
		"deque Rotate":        func() any { d.Rotate(3); return nil },
		"deque Clear":         func() any { d.Clear(); return nil },
		"deque String":        func() any { return d.String() },
		"deque All":           func() any { return count2(d.All()) },
		"hashmap Len":         func() any { return m.Len() },
		"hashmap Get":         func() any { _, ok := m.Get("a"); return ok },
		"hashmap Allocator":   func() any { return m.Allocator() == nil },
		"hashmap Clone":       func() any { return m.Clone() == nil },
		"hashmap Delete":      func() any { m.Delete("a"); return nil },
		"hashmap Clear":       func() any { m.Clear(); return nil },
		"hashmap String":      func() any { return m.String() },
		"hashmap All":         func() any { return count2(m.All()) },
		"str Len":             func() any { return s.Len() },
		"str Cap":             func() any { return s.Cap() },
		"str String":          func() any { return s.String() },
		"str Allocator":       func() any { return s.Allocator() == nil },
		"str Clear":           func() any { s.Clear(); return nil },
		"str Reset":           func() any { s.Reset(); return nil },
		"str Truncate":        func() any { s.Truncate(0); return nil },
		"str Remove":          func() any { s.Remove(0, 0); return nil },
		"str MarshalJSON":     func() any { b, _ := s.MarshalJSON(); return string(b) },
		"vec MarshalJSON":     func() any { b, _ := v.MarshalJSON(); return string(b) },
		"deque MarshalJSON":   func() any { b, _ := d.MarshalJSON(); return string(b) },
		"hashmap MarshalJSON": func() any { b, _ := m.MarshalJSON(); return string(b) },
	}
	want := map[string]any{
		"btree Len": 0, "btree Get": false, "btree Allocator": true, "btree Clone": true,
		"btree Delete": false, "btree PopMin": false, "btree String": "map[]", "btree All": 0,
		"btree MarshalJSON": "null",
		"pqueue Len":        0, "pqueue Cap": 0, "pqueue Allocator": true, "pqueue Clone": true,
		"pqueue Peek": false, "pqueue Pop": false, "pqueue String": "[]", "pqueue Values": 0,
		"pqueue MarshalJSON": "null",
		"vec Len":            0, "vec Cap": 0, "vec Slice": 0, "vec Allocator": true, "vec Clone": true,
		"vec IntoSlice": 0, "vec Pop": false, "vec String": "[]", "vec All": 0,
		"deque Len": 0, "deque Cap": 0, "deque Allocator": true, "deque Clone": true,
		"deque Front": false, "deque PopFront": false, "deque PopBack": false,
		"deque String": "[]", "deque All": 0,
		"hashmap Len": 0, "hashmap Get": false, "hashmap Allocator": true, "hashmap Clone": true,
		"hashmap String": "map[]", "hashmap All": 0,
		"str Len": 0, "str Cap": 0, "str String": "", "str Allocator": true,
		"str MarshalJSON": `""`, "vec MarshalJSON": "null", "deque MarshalJSON": "null",
		"hashmap MarshalJSON": "null",
		"set Len":             0, "set Has": false, "set Allocator": true, "set Clone": true,
		"set String": "[]", "set All": 0, "set MarshalJSON": "null",
	}
	for name, read := range reads {
		t.Run(name, func(t *testing.T) {
			var got any
			require.NotPanics(t, func() { got = read() })
			require.Equal(t, want[name], got)
		})
	}
}

func count1[K any](seq func(func(K) bool)) int {
	n := 0
	for range seq {
		n++
	}
	return n
}

func count2[K, V any](seq func(func(K, V) bool)) int {
	n := 0
	for range seq {
		n++
	}
	return n
}

// TestNilWrites checks that a write on a nil receiver that would have to
// store something panics with a message naming the package and the
// method, never with a bare nil dereference.
func TestNilWrites(t *testing.T) {
	var v *vec.Vec[int]
	var d *deque.Deque[int]
	var m *hashmap.Map[string, int]
	var hs *hashmap.Set[string]
	var s *str.String
	var bt *btree.Map[string, int]
	var pq *pqueue.Queue[int]
	writes := map[string]func(){
		"btree: Set: write to nil Map":    func() { bt.Set("a", 1) },
		"btree: TrySet: write to nil Map": func() { _ = bt.TrySet("a", 1) },
		"btree: Grow: write to nil Map":   func() { bt.Grow(1) },
		"btree: UnmarshalJSON: write to nil Map": func() {
			_ = bt.UnmarshalJSON([]byte(`{"a":1}`))
		},
		"pqueue: Push: write to nil Queue":    func() { pq.Push(1) },
		"pqueue: Grow: write to nil Queue":    func() { pq.Grow(1) },
		"pqueue: TryGrow: write to nil Queue": func() { _ = pq.TryGrow(1) },
		"pqueue: UnmarshalJSON: write to nil Queue": func() {
			_ = pq.UnmarshalJSON([]byte(`[1]`))
		},
		"hashmap: Add: write to nil Set":                  func() { hs.Add("a") },
		"hashmap: TryAdd: write to nil Set":               func() { _, _ = hs.TryAdd("a") },
		"hashmap: Insert: write to nil Set":               func() { hs.Insert(func(yield func(string) bool) { yield("a") }) },
		"hashmap: Grow: write to nil Set":                 func() { hs.Grow(1) },
		"hashmap: TryGrow: write to nil Set":              func() { _ = hs.TryGrow(1) },
		"hashmap: UnmarshalJSON: write to nil Set":        func() { _ = hs.UnmarshalJSON([]byte(`["a"]`)) },
		"vec: TryPush: write to nil Vec":                  func() { _ = v.TryPush(1) },
		"vec: AppendSlice: write to nil Vec":              func() { v.AppendSlice([]int{1}) },
		"vec: Extend: write to nil Vec":                   func() { v.Extend(func(func(int) bool) {}) },
		"vec: Insert: write to nil Vec":                   func() { v.Insert(0, 1) },
		"vec: Replace: write to nil Vec":                  func() { v.Replace(0, 0, 1) },
		"vec: Grow: write to nil Vec":                     func() { v.Grow(1) },
		"vec: TryGrow: write to nil Vec":                  func() { _ = v.TryGrow(1) },
		"vec: SplitOff: write to nil Vec":                 func() { v.SplitOff(0) },
		"vec: UnmarshalJSON: write to nil Vec":            func() { _ = v.UnmarshalJSON([]byte("[1]")) },
		"deque: PushBack: write to nil Deque":             func() { d.PushBack(1) },
		"deque: PushFront: write to nil Deque":            func() { d.PushFront(1) },
		"deque: Insert: write to nil Deque":               func() { d.Insert(0, 1) },
		"deque: Grow: write to nil Deque":                 func() { d.Grow(1) },
		"deque: TryGrow: write to nil Deque":              func() { _ = d.TryGrow(1) },
		"deque: UnmarshalJSON: write to nil Deque":        func() { _ = d.UnmarshalJSON([]byte("[1]")) },
		"hashmap: Set: assignment to entry in nil Map":    func() { m.Set("a", 1) },
		"hashmap: TrySet: assignment to entry in nil Map": func() { _ = m.TrySet("a", 1) },
		"hashmap: Entry: assignment to entry in nil Map":  func() { m.Entry("a") },
		"hashmap: Insert: assignment to entry in nil Map": func() {
			m.Insert(func(yield func(string, int) bool) { yield("a", 1) })
		},
		"hashmap: Grow: write to nil Map":          func() { m.Grow(1) },
		"hashmap: TryGrow: write to nil Map":       func() { _ = m.TryGrow(1) },
		"hashmap: UnmarshalJSON: write to nil Map": func() { _ = m.UnmarshalJSON([]byte(`{"a":1}`)) },
		"str: WriteString: write to nil String":    func() { _, _ = s.WriteString("x") },
		"str: Write: write to nil String":          func() { _, _ = s.Write([]byte("x")) },
		"str: WriteByte: write to nil String":      func() { _ = s.WriteByte('x') },
		"str: WriteRune: write to nil String":      func() { _, _ = s.WriteRune('x') },
		"str: Grow: write to nil String":           func() { s.Grow(1) },
		"str: TryGrow: write to nil String":        func() { _ = s.TryGrow(1) },
		"str: Insert: write to nil String":         func() { s.Insert(0, "x") },
		"str: AppendInt: write to nil String":      func() { s.AppendInt(1, 10) },
		"str: UnmarshalJSON: write to nil String":  func() { _ = s.UnmarshalJSON([]byte(`"x"`)) },
		"str: UnmarshalText: write to nil String":  func() { _ = s.UnmarshalText([]byte("x")) },
	}
	for msg, write := range writes {
		t.Run(msg, func(t *testing.T) {
			require.PanicsWithValue(t, msg, write)
		})
	}

	// The one exception: Push keeps within the inliner's budget, which
	// has no room left for a nil test, so a nil *Vec faults on its first
	// field as a nil slice pointer would (docs/usage.md).
	err := alloctest.Catch(func() { v.Push(1) })
	var re runtime.Error
	require.ErrorAs(t, err, &re)
}

// TestCopies checks that a container copied by value after first use
// panics, with one wording, before it moves or gives back storage the
// original still uses (for a hash table, before any write: the copy's
// count would disagree with the table both share), and that the original
// is left intact.
func TestCopies(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		v := vec.From(a, []int{1, 2})
		v.Clip()
		cv := alloctest.CopyOf(v)
		require.PanicsWithValue(t, "vec: Push: Vec copied by value after first use", func() { cv.Push(3) })
		require.Equal(t, []int{1, 2}, v.Slice())

		d := deque.New[int](a)
		for d.Len() < max(d.Cap(), 2) {
			d.PushBack(d.Len())
		}
		want := d.String()
		cd := alloctest.CopyOf(d)
		require.PanicsWithValue(t, "deque: PushBack: Deque copied by value after first use", func() { cd.PushBack(3) })
		require.Equal(t, want, d.String())

		// The bug: in an arena, c.Set(2, 2) through a copy left the
		// original reporting Len 1 while it could see key 2.
		m := hashmap.New[int, int](a)
		m.Set(1, 1)
		cm := alloctest.CopyOf(m)
		require.PanicsWithValue(t, "hashmap: Set: Map copied by value after first use", func() { cm.Set(2, 2) })
		require.PanicsWithValue(t, "hashmap: Delete: Map copied by value after first use", func() { cm.Delete(1) })
		require.PanicsWithValue(t, "hashmap: Clear: Map copied by value after first use", func() { cm.Clear() })
		require.Equal(t, 1, m.Len())
		require.False(t, m.Has(2))
		require.Equal(t, "map[1:1]", m.String())
		m.Set(2, 2) // the original still works
		require.Equal(t, 2, m.Len())

		hs := hashmap.NewSet[int](a)
		hs.Add(1)
		chs := alloctest.CopyOf(hs)
		require.PanicsWithValue(t, "hashmap: Add: Set copied by value after first use", func() { chs.Add(2) })
		require.PanicsWithValue(t, "hashmap: Delete: Set copied by value after first use", func() { chs.Delete(1) })
		require.PanicsWithValue(t, "hashmap: Clear: Set copied by value after first use", func() { chs.Clear() })
		require.Equal(t, "[1]", hs.String())

		bt := btree.New[int, int](a)
		bt.Set(1, 1)
		cbt := alloctest.CopyOf(bt)
		require.PanicsWithValue(t, "btree: Set: Map copied by value after first use", func() { cbt.Set(2, 2) })
		require.Equal(t, "map[1:1]", bt.String())

		pq := pqueue.New[int](a)
		for pq.Len() < max(pq.Cap(), 1) {
			pq.Push(pq.Len())
		}
		wantPQ := pq.String()
		cpq := alloctest.CopyOf(pq)
		require.PanicsWithValue(t, "pqueue: Push: Queue copied by value after first use", func() { cpq.Push(-1) })
		require.Equal(t, wantPQ, pq.String())

		s := str.From(a, "ab")
		cs := alloctest.CopyOf(s)
		require.PanicsWithValue(t, "str: WriteString: String copied by value after first use", func() { _, _ = cs.WriteString("c") })
		require.Equal(t, "ab", s.String())
	})
}

// decodeCase is one container's answer to a failed and a successful
// UnmarshalJSON.
type decodeCase struct {
	name string
	// fill returns a container with content, and the JSON it encodes to.
	fill func(a bump.Allocator) (json.Unmarshaler, func() string)
	// bad fails to decode after the decoder has been through part of it;
	// good decodes, into want.
	bad, good, want string
}

var decodeCases = []decodeCase{
	{
		name: "btree",
		fill: func(a bump.Allocator) (json.Unmarshaler, func() string) {
			m := btree.New[string, []int](a)
			m.Set("a", []int{1, 2})
			m.Set("b", []int{3})
			return m, m.String
		},
		bad: `{"a":[9,9],"c":"x"}`, good: `{"c":[7]}`, want: "map[c:[7]]",
	},
	{
		name: "pqueue",
		fill: func(a bump.Allocator) (json.Unmarshaler, func() string) {
			q := pqueue.New[int](a)
			q.Push(3)
			q.Push(1)
			return q, q.String
		},
		bad: `[9,"x"]`, good: `[7]`, want: "[7]",
	},
	{
		name: "vec",
		fill: func(a bump.Allocator) (json.Unmarshaler, func() string) {
			v := vec.From(a, [][]int{{1, 2}, {3, 4}, {5, 6}})
			return v, v.String
		},
		// The bug: element 0's array was overwritten with [9 9] before
		// the type error.
		bad: `[[9,9],"x"]`, good: `[[7]]`, want: "[[7]]",
	},
	{
		name: "deque",
		fill: func(a bump.Allocator) (json.Unmarshaler, func() string) {
			d := deque.New[[]int](a)
			d.PushBack([]int{1, 2})
			d.PushFront([]int{3, 4})
			return d, d.String
		},
		bad: `[[9,9],"x"]`, good: `[[7]]`, want: "[[7]]",
	},
	{
		name: "hashmap",
		fill: func(a bump.Allocator) (json.Unmarshaler, func() string) {
			m := hashmap.New[string, []int](a)
			m.Set("a", []int{1, 2})
			m.Set("b", []int{3})
			return m, m.String
		},
		bad: `{"a":[9,9],"c":"x"}`, good: `{"c":[7]}`, want: "map[c:[7]]",
	},
	{
		name: "set",
		fill: func(a bump.Allocator) (json.Unmarshaler, func() string) {
			s := hashmap.NewSet[[2]int](a)
			s.Add([2]int{1, 2})
			s.Add([2]int{3, 4})
			return s, s.String
		},
		bad: `[[9,9],"x"]`, good: `[[7,7]]`, want: "[[7 7]]",
	},
	{
		name: "str",
		fill: func(a bump.Allocator) (json.Unmarshaler, func() string) {
			s := str.From(a, "abc")
			return s, s.String
		},
		bad: `"x`, good: `"z"`, want: "z",
	},
}

// TestDecode checks the one rule of every container's UnmarshalJSON:
// decoding replaces the contents, and a failed decode leaves the
// container exactly as it was.
func TestDecode(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				c, show := tc.fill(a)
				before := show()
				require.Error(t, json.Unmarshal([]byte(tc.bad), c))
				require.Equal(t, before, show(), "a failed decode changed the container")
				require.NoError(t, json.Unmarshal([]byte("null"), c))
				require.Equal(t, before, show(), "null changed the container")
				require.NoError(t, json.Unmarshal([]byte(tc.good), c))
				require.Equal(t, tc.want, show(), "decoding does not replace the contents")
			})
		})
	}
}
