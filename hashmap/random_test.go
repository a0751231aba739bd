package hashmap_test

import (
	"maps"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/alloctest"
)

// TestRandomAgainstBuiltin runs random operations on a Map and a built-in
// map side by side and checks that they agree. Small key ranges make hits,
// replacements, tombstones and same-size rehashes frequent; the float keys
// include NaN and both zeros.
func TestRandomAgainstBuiltin(t *testing.T) {
	floats := []float64{math.NaN(), 0, math.Copysign(0, -1), 1, -1, math.Inf(1), 0.5}
	tests := []struct {
		name    string
		keys    int
		randKey func(r *rand.Rand, n int) float64
	}{
		{"small", 16, func(r *rand.Rand, n int) float64 { return float64(r.IntN(n)) }},
		{"medium", 1000, func(r *rand.Rand, n int) float64 { return float64(r.IntN(n)) }},
		{"large", 50_000, func(r *rand.Rand, n int) float64 { return float64(r.IntN(n)) }},
		{"special floats", 0, func(r *rand.Rand, _ int) float64 { return floats[r.IntN(len(floats))] }},
	}
	for _, tt := range tests {
		for _, al := range alloctest.Allocators {
			t.Run(tt.name+"/"+al.Name, func(t *testing.T) {
				r := rand.New(rand.NewPCG(1, uint64(tt.keys)))
				m := hashmap.New[float64, int](al.New())
				ref := map[float64]int{}
				for step := range 200_000 {
					k := tt.randKey(r, tt.keys)
					switch op := r.IntN(100); {
					case op < 45:
						m.Set(k, step)
						ref[k] = step
					case op < 65:
						m.Delete(k)
						delete(ref, k)
					case op < 75:
						p, found := m.Entry(k)
						if _, want := ref[k]; found != want {
							t.Fatalf("step %d: Entry(%v) found %v, want %v", step, k, found, want)
						}
						*p += 1
						ref[k]++
					case op < 99:
						v, ok := m.Get(k)
						w, wok := ref[k]
						if v != w || ok != wok || m.Has(k) != wok {
							t.Fatalf("step %d: Get(%v) = %v, %v; Has %v; want %v, %v", step, k, v, ok, m.Has(k), w, wok)
						}
					default:
						if r.IntN(20) == 0 {
							m.Clear()
							clear(ref)
						}
					}
					if m.Len() != len(ref) {
						t.Fatalf("step %d: Len %d, want %d", step, m.Len(), len(ref))
					}
				}
				checkSame(t, ref, m)
				checkSame(t, ref, m.Clone())
			})
		}
	}
}

// checkSame checks that m holds exactly the entries of ref, NaN keys
// included (as a multiset of their values).
func checkSame(t *testing.T, ref map[float64]int, m *hashmap.Map[float64, int]) {
	t.Helper()
	got := map[float64]int{}
	var gotNaN, wantNaN []int
	for k, v := range m.All() {
		if k != k {
			gotNaN = append(gotNaN, v)
			continue
		}
		_, dup := got[k]
		require.False(t, dup, "key %v produced twice", k)
		got[k] = v
	}
	want := map[float64]int{}
	for k, v := range ref {
		if k != k {
			wantNaN = append(wantNaN, v)
			continue
		}
		want[k] = v
	}
	require.Equal(t, want, got)
	require.ElementsMatch(t, wantNaN, gotNaN)
	require.Equal(t, len(ref), m.Len())
}

// TestRandomStrings checks string keys, whose slots hold pointers, with
// bump resets in between: a map rebuilt in a reset arena behaves the same.
func TestRandomStrings(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	var b bump.Bump
	for round := range 5 {
		m := hashmap.New[string, []byte](&b)
		ref := map[string][]byte{}
		for range 20_000 {
			k := bump.String(&b, string(rune('a'+r.IntN(26)))+string(rune('a'+r.IntN(26)))+string(rune('a'+r.IntN(26))))
			if r.IntN(3) == 0 {
				m.Delete(k)
				delete(ref, k)
				continue
			}
			v := []byte(k)
			m.Set(k, v)
			ref[k] = v
		}
		require.Equal(t, ref, maps.Collect(m.All()), "round %d", round)
		b.Reset()
	}
}
