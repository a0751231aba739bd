package btree_test

import (
	"fmt"
	"runtime"
	"testing"
	"weak"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
)

type payload struct {
	name string
	//lint:ignore U1000 pads the value to hold more than a pointer
	buf [64]byte
}

// TestGCKeepsReferents checks that heap objects referenced only from a
// map in a Bump (string keys and pointer values, through splits, merges,
// Clone and node reuse) survive garbage collections, and that deleted
// and cleared entries stop keeping theirs alive.
func TestGCKeepsReferents(t *testing.T) {
	var b bump.Bump
	m := btree.New[string, *payload](&b)
	const n = 3000
	weaks := make([]weak.Pointer[payload], n)
	for i := range n {
		p := &payload{name: fmt.Sprint("v", i)}
		weaks[i] = weak.Make(p)
		m.Set(fmt.Sprint("k", i), p) // the key string is heap-allocated too
	}
	// Churn through other keys, so that nodes are freed and reused.
	for i := n; i < 3*n; i++ {
		m.Set(fmt.Sprint("tmp", i), nil)
		if i%3 != 0 {
			m.Delete(fmt.Sprint("tmp", i))
		}
	}
	c := m.Clone()
	for range 5 {
		runtime.GC()
	}
	for i := range n {
		require.NotNil(t, weaks[i].Value(), "value %d collected while in the map", i)
		for _, mm := range []*btree.Map[string, *payload]{m, c} {
			v, ok := mm.Get(fmt.Sprint("k", i))
			require.True(t, ok)
			require.Equal(t, fmt.Sprint("v", i), v.name)
		}
	}

	m.Delete("k0")
	c.Clear()
	var dead weak.Pointer[payload]
	func() {
		p := &payload{}
		dead = weak.Make(p)
		m.Set("gone", p)
		m.Delete("gone")
	}()
	for range 5 {
		runtime.GC()
	}
	require.Nil(t, dead.Value(), "a deleted value is still referenced")
	require.Nil(t, weaks[0].Value(), "k0's value is still referenced")
	require.NotNil(t, weaks[1].Value())
	runtime.KeepAlive(m)
	runtime.KeepAlive(c)
}
