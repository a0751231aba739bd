//go:build bumpdebug

package hashmap_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
)

const usedAfterReset = "hashmap: Map used after its arena was reset"

// mapUses are the methods of a Map, each of which must report a use after
// its arena released the Map or its table.
var mapUses = []struct {
	name string
	use  func(m *hashmap.Map[string, int])
}{
	{"Len", func(m *hashmap.Map[string, int]) { m.Len() }},
	{"Get", func(m *hashmap.Map[string, int]) { m.Get("a") }},
	{"Has", func(m *hashmap.Map[string, int]) { m.Has("a") }},
	{"Ptr", func(m *hashmap.Map[string, int]) { m.Ptr("a") }},
	{"Set", func(m *hashmap.Map[string, int]) { m.Set("z", 1) }},
	{"TrySet", func(m *hashmap.Map[string, int]) { _ = m.TrySet("z", 1) }},
	{"Entry", func(m *hashmap.Map[string, int]) { m.Entry("a") }},
	{"Delete", func(m *hashmap.Map[string, int]) { m.Delete("a") }},
	{"DeleteFunc", func(m *hashmap.Map[string, int]) { m.DeleteFunc(func(string, int) bool { return true }) }},
	{"Clear", func(m *hashmap.Map[string, int]) { m.Clear() }},
	{"Grow", func(m *hashmap.Map[string, int]) { m.Grow(100) }},
	{"All", func(m *hashmap.Map[string, int]) {
		for range m.All() {
		}
	}},
	{"Keys", func(m *hashmap.Map[string, int]) {
		for range m.Keys() {
		}
	}},
	{"Values", func(m *hashmap.Map[string, int]) {
		for range m.Values() {
		}
	}},
	{"Clone", func(m *hashmap.Map[string, int]) { m.Clone() }},
	{"MarshalJSON", func(m *hashmap.Map[string, int]) { _, _ = m.MarshalJSON() }},
	{"UnmarshalJSON", func(m *hashmap.Map[string, int]) { _ = json.Unmarshal([]byte(`{"q":1}`), m) }},
	{"Format", func(m *hashmap.Map[string, int]) {
		// fmt turns a panic in Format into text; panic again with it.
		if s := fmt.Sprint(m); strings.Contains(s, usedAfterReset) {
			panic(usedAfterReset)
		}
	}},
}

func requireUsedAfterReset(t *testing.T, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		require.Equal(t, usedAfterReset, fmt.Sprint(recover()))
	}()
	f()
}

func TestUseAfterReset(t *testing.T) {
	for _, u := range mapUses {
		t.Run(u.name, func(t *testing.T) {
			var b bump.Bump
			m := hashmap.New[string, int](&b)
			m.Set("a", 1)
			b.Reset()
			requireUsedAfterReset(t, func() { u.use(m) })
		})
	}
}

func TestUseAfterResetToPastCreation(t *testing.T) {
	for _, u := range mapUses {
		t.Run(u.name, func(t *testing.T) {
			var b bump.Bump
			cp := b.Checkpoint()
			m := hashmap.New[string, int](&b)
			m.Set("a", 1)
			require.NoError(t, b.ResetTo(cp))
			requireUsedAfterReset(t, func() { u.use(m) })
		})
	}
}

// A Map on the Go heap whose table is in an arena: a ResetTo past the
// table releases storage the Map still uses.
func TestUseAfterResetToPastStorage(t *testing.T) {
	for _, u := range mapUses {
		t.Run(u.name, func(t *testing.T) {
			var b bump.Bump
			m := hashmap.New[string, int](&b)
			cp := b.Checkpoint()
			for i := range 20 { // grows the table past the checkpoint
				m.Set(fmt.Sprint(i), i)
			}
			require.NoError(t, b.ResetTo(cp))
			requireUsedAfterReset(t, func() { u.use(m) })
		})
	}
}

// Correct programs are not reported: a ResetTo that releases only what
// came after the Map's current table, and a map rebuilt after Reset.
func TestNoReportForCorrectUse(t *testing.T) {
	var b bump.Bump
	m := hashmap.New[string, int](&b)
	m.Set("a", 1)
	cp := b.Checkpoint()
	_ = bump.String(&b, "scratch")
	require.NoError(t, b.ResetTo(cp))
	for _, u := range mapUses {
		u.use(m)
	}
	b.Reset()
	m = hashmap.New[string, int](&b)
	for _, u := range mapUses {
		u.use(m)
	}
}

// TestSetUseAfterReset checks that every method of a Set reports a use
// after its arena released the Set or its table, naming the Set.
func TestSetUseAfterReset(t *testing.T) {
	uses := map[string]func(s *hashmap.Set[string]){
		"Len":        func(s *hashmap.Set[string]) { s.Len() },
		"Has":        func(s *hashmap.Set[string]) { s.Has("a") },
		"Add":        func(s *hashmap.Set[string]) { s.Add("z") },
		"Delete":     func(s *hashmap.Set[string]) { s.Delete("a") },
		"DeleteFunc": func(s *hashmap.Set[string]) { s.DeleteFunc(func(string) bool { return true }) },
		"Clear":      func(s *hashmap.Set[string]) { s.Clear() },
		"Grow":       func(s *hashmap.Set[string]) { s.Grow(100) },
		"Clone":      func(s *hashmap.Set[string]) { s.Clone() },
		"Allocator":  func(s *hashmap.Set[string]) { s.Allocator() },
		"All": func(s *hashmap.Set[string]) {
			for range s.All() {
			}
		},
		"Union":   func(s *hashmap.Set[string]) { hashmap.Union(s, nil) },
		"Equal":   func(s *hashmap.Set[string]) { s.Equal(s) },
		"Marshal": func(s *hashmap.Set[string]) { _, _ = json.Marshal(s) },
	}
	for name, use := range uses {
		t.Run(name, func(t *testing.T) {
			var b bump.Bump
			s := hashmap.NewSet[string](&b)
			s.Add("a")
			b.Reset()
			require.PanicsWithValue(t, "hashmap: Set used after its arena was reset", func() { use(s) })
		})
	}
}
