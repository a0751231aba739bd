package btree_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
)

func benchKeys(n int) []int {
	keys := make([]int, n)
	for i := range keys {
		keys[i] = i * 3
	}
	r := rand.New(rand.NewPCG(uint64(n), 7))
	r.Shuffle(n, func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	return keys
}

var sink int

//go:noinline
func getAll(m *btree.Map[int, int], keys []int) {
	s := 0
	for _, k := range keys {
		v, _ := m.Get(k)
		s += v
	}
	sink += s
}

// BenchmarkGet looks up every key of a map of n int keys, in another
// random order than they were inserted in; divide ns/op by n.
func BenchmarkGet(b *testing.B) {
	for _, n := range []int{1000, 100_000} {
		for _, impl := range []string{"heap", "arena"} {
			b.Run(fmt.Sprintf("n=%d/impl=%s", n, impl), func(b *testing.B) {
				var a bump.Allocator
				if impl == "arena" {
					a = new(bump.Bump)
				}
				m := btree.New[int, int](a)
				for i, k := range benchKeys(n) {
					m.Set(k, i)
				}
				probe := benchKeys(n)
				for b.Loop() {
					getAll(m, probe)
				}
			})
		}
	}
}
