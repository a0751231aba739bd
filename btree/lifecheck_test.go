//go:build bumpdebug

package btree_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
)

const usedAfterReset = "btree: Map used after its arena was reset"

// mapUses are the methods of a Map, each of which must report a use after
// its arena released the Map or its nodes.
var mapUses = []struct {
	name string
	use  func(m *btree.Map[int, int])
}{
	{"Len", func(m *btree.Map[int, int]) { m.Len() }},
	{"Get", func(m *btree.Map[int, int]) { m.Get(1) }},
	{"Has", func(m *btree.Map[int, int]) { m.Has(1) }},
	{"Ptr", func(m *btree.Map[int, int]) { m.Ptr(1) }},
	{"Set", func(m *btree.Map[int, int]) { m.Set(1000, 1) }},
	{"Entry", func(m *btree.Map[int, int]) { m.Entry(1) }},
	{"Delete", func(m *btree.Map[int, int]) { m.Delete(1) }},
	{"Clear", func(m *btree.Map[int, int]) { m.Clear() }},
	{"Min", func(m *btree.Map[int, int]) { m.Min() }},
	{"PopMax", func(m *btree.Map[int, int]) { m.PopMax() }},
	{"Grow", func(m *btree.Map[int, int]) { m.Grow(100) }},
	{"All", func(m *btree.Map[int, int]) {
		for range m.All() {
		}
	}},
	{"Descend", func(m *btree.Map[int, int]) {
		for range m.Descend(5) {
		}
	}},
	{"Clone", func(m *btree.Map[int, int]) { m.Clone() }},
	{"MarshalJSON", func(m *btree.Map[int, int]) { _, _ = m.MarshalJSON() }},
	{"UnmarshalJSON", func(m *btree.Map[int, int]) { _ = json.Unmarshal([]byte(`{"7":1}`), m) }},
	{"Format", func(m *btree.Map[int, int]) {
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

func fill(m *btree.Map[int, int]) {
	for i := range 200 { // several nodes
		m.Set(i, i)
	}
}

func TestUseAfterReset(t *testing.T) {
	for _, u := range mapUses {
		t.Run(u.name, func(t *testing.T) {
			var b bump.Bump
			m := btree.New[int, int](&b)
			fill(m)
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
			m := btree.New[int, int](&b)
			fill(m)
			require.NoError(t, b.ResetTo(cp))
			requireUsedAfterReset(t, func() { u.use(m) })
		})
	}
}

// A Map made before a checkpoint whose nodes came after it.
func TestUseAfterResetToPastNodes(t *testing.T) {
	for _, u := range mapUses {
		t.Run(u.name, func(t *testing.T) {
			var b bump.Bump
			m := btree.New[int, int](&b)
			m.Set(-1, 0)
			cp := b.Checkpoint()
			fill(m) // splits: new nodes past the checkpoint
			require.NoError(t, b.ResetTo(cp))
			requireUsedAfterReset(t, func() { u.use(m) })
		})
	}
}

// Correct programs are not reported: a ResetTo that releases only what
// came after the Map's nodes, and a map rebuilt after Reset.
func TestNoReportForCorrectUse(t *testing.T) {
	var b bump.Bump
	m := btree.New[int, int](&b)
	fill(m)
	cp := b.Checkpoint()
	_ = bump.String(&b, "scratch")
	require.NoError(t, b.ResetTo(cp))
	for _, u := range mapUses {
		u.use(m)
	}
	b.Reset()
	m = btree.New[int, int](&b)
	for _, u := range mapUses {
		u.use(m)
	}
}
