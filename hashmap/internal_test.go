package hashmap

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/stretchr/testify/require"
)

// checkInvariants fails t if the table's bookkeeping is wrong.
func checkInvariants[K comparable, V any](t *testing.T, m *Map[K, V]) {
	t.Helper()
	require.NoError(t, m.verify())
}

// TestInvariantsUnderAllocationLimit runs random TrySet, Delete and
// TryGrow calls against an arena whose limit makes some of them fail,
// checking that a failure leaves the map as it was and that the table's
// bookkeeping stays right, tombstones included.
func TestInvariantsUnderAllocationLimit(t *testing.T) {
	failed := 0
	for seed := range uint64(20) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 11))
			b := new(bump.Bump)
			b.SetAllocationLimit(r.IntN(20000))
			m := New[int, int](b)
			ref := map[int]int{}
			for step := range 1500 {
				k := r.IntN(300)
				switch op := r.IntN(10); {
				case op < 5:
					if err := m.TrySet(k, step); err != nil {
						require.ErrorIs(t, err, bump.ErrAllocationLimit)
						failed++
						v, ok := m.Get(k)
						rv, rok := ref[k]
						require.Equal(t, rok, ok, "failed TrySet changed whether %d is present", k)
						require.Equal(t, rv, v)
					} else {
						ref[k] = step
					}
				case op < 9:
					m.Delete(k)
					delete(ref, k)
				default:
					if err := m.TryGrow(r.IntN(100)); err != nil {
						require.ErrorIs(t, err, bump.ErrAllocationLimit)
					}
				}
				require.Equal(t, len(ref), m.Len())
				checkInvariants(t, m)
			}
			for k, v := range ref {
				got, ok := m.Get(k)
				require.True(t, ok)
				require.Equal(t, v, got)
			}
			b.SetAllocationLimit(-1)
			checkInvariants(t, m.Clone())
		})
	}
	require.Positive(t, failed, "the limits never made TrySet fail")
}

// TestRandomMutationDuringIteration changes the map at random while
// ranging over it and checks Go's rules: an entry deleted before it is
// reached is not produced, an entry present throughout is produced
// exactly once, and every entry produced has its current value.
func TestRandomMutationDuringIteration(t *testing.T) {
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(seed, 13))
		var m Map[int, int]
		ref := map[int]int{}
		for i := range r.IntN(200) {
			k := r.IntN(400)
			m.Set(k, i)
			ref[k] = i
		}
		untouched := map[int]bool{} // present from the start, never deleted
		for k := range ref {
			untouched[k] = true
		}
		deletedUnseen := map[int]bool{} // deleted before produced, not re-added
		seen := map[int]int{}
		step := 0
		for k, v := range m.All() {
			step++
			seen[k]++
			require.False(t, deletedUnseen[k], "seed %d: deleted key %d produced", seed, k)
			if untouched[k] {
				require.Equal(t, 1, seen[k], "seed %d: key %d produced twice", seed, k)
			}
			rv, ok := ref[k]
			require.True(t, ok, "seed %d: key %d is not in the map", seed, k)
			require.Equal(t, rv, v, "seed %d: stale value for %d", seed, k)
			for range r.IntN(4) {
				k2 := r.IntN(400)
				if r.IntN(2) == 0 {
					m.Delete(k2)
					delete(ref, k2)
					delete(untouched, k2)
					if seen[k2] == 0 {
						deletedUnseen[k2] = true
					}
				} else {
					m.Set(k2, -step)
					ref[k2] = -step
					delete(deletedUnseen, k2)
				}
			}
			checkInvariants(t, &m)
		}
		for k := range untouched {
			require.Equal(t, 1, seen[k], "seed %d: key %d present throughout but produced %d times", seed, k, seen[k])
		}
	}
}

// TestMapSize pins the size of a Map header: the checked build's fields
// take no room in the normal build, and the shared header one word.
func TestMapSize(t *testing.T) {
	if lifecheck.Enabled {
		t.Skip("the checked build adds fields")
	}
	var m Map[int, int]
	want := unsafe.Sizeof(m.h) + unsafe.Sizeof(m.groups) + 2*unsafe.Sizeof(m.used) + unsafe.Sizeof(m.seed) + unsafe.Sizeof(m.wordSeed) + unsafe.Sizeof(m.hasher) + unsafe.Sizeof(m.alloc) + unsafe.Sizeof(m.gen)
	want += unsafe.Alignof(m.used)                            // seeded and kind, padded
	want += unsafe.Alignof(m.used) + unsafe.Sizeof(m.retired) // iterations, padded, and retired
	require.Equal(t, want, unsafe.Sizeof(m))
}

type id int64
type name string

func TestHashKinds(t *testing.T) {
	wantWord := hash64
	if unsafe.Sizeof(int(0)) == 4 {
		wantWord = hash32
	}
	require.Equal(t, wantWord, kindOf[int]())
	require.Equal(t, hash64, kindOf[id]())
	require.Equal(t, hash64, kindOf[uint64]())
	require.Equal(t, hash32, kindOf[int32]())
	require.Equal(t, hashString, kindOf[name]())
	require.Equal(t, hashComparable, kindOf[float64]())
	require.Equal(t, hashComparable, kindOf[uint8]())
	require.Equal(t, hashComparable, kindOf[any]())
	require.Equal(t, hashComparable, kindOf[[2]int]())
	require.Equal(t, hashCustom, NewWithHasher[int, int](nil, func(maphash.Seed, int) uint64 { return 0 }).kind)
}

// TestHashSeededPerMap checks that the specialised hashes depend on each
// map's seed, so keys chosen to collide in one map do not in another.
func TestHashSeededPerMap(t *testing.T) {
	a, b := New[int, int](nil), New[int, int](nil)
	sa, sb := New[string, int](nil), New[string, int](nil)
	var same, sameStr int
	for k := range 1000 {
		if a.hash(k) == b.hash(k) {
			same++
		}
		if sa.hash(fmt.Sprint(k)) == sb.hash(fmt.Sprint(k)) {
			sameStr++
		}
	}
	require.Less(t, same, 5)
	require.Less(t, sameStr, 5)
	// Low bits (H2) and high bits (H1) both vary with the key. (With
	// 1000 keys one of the 128 H2 values goes missing one run in 20;
	// with 5000, one in 10^15.)
	h2s, h1s := map[uint64]bool{}, map[uintptr]bool{}
	for k := range 5000 {
		h := a.hash(k)
		h2s[h2(h)] = true
		h1s[h1(h)&1023] = true
	}
	require.Len(t, h2s, 128)
	require.Greater(t, len(h1s), 900)
}

var sinkHash uintptr

// BenchmarkHash compares the specialised hashes with maphash.Comparable,
// which Map used for every key kind before.
func BenchmarkHash(b *testing.B) {
	m := New[int, int](nil)
	s := New[string, int](nil)
	seed := maphash.MakeSeed()
	key := "0123456789abcdef"
	b.Run("int/Comparable", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			sinkHash += uintptr(maphash.Comparable(seed, i))
		}
	})
	b.Run("int/hashWord", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			sinkHash += m.hash(i)
		}
	})
	b.Run("string16/Comparable", func(b *testing.B) {
		for b.Loop() {
			sinkHash += uintptr(maphash.Comparable(seed, key))
		}
	})
	b.Run("string16/String", func(b *testing.B) {
		for b.Loop() {
			sinkHash += uintptr(maphash.String(seed, key))
		}
	})
	b.Run("string16/Map.hash", func(b *testing.B) {
		for b.Loop() {
			sinkHash += s.hash(key)
		}
	})
}
