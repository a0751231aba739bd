package bench

import (
	"fmt"
	"testing"

	"github.com/cockroachdb/swiss"

	"github.com/bumpkit/bumpkit/hashmap"
)

var sink int

// mapKeys returns n distinct int keys spread over the int range (salt 0
// and 1 give disjoint sets, for hits and misses).
func mapKeys(n, salt int) []int {
	keys := make([]int, n)
	for i := range keys {
		keys[i] = int(uint64(i*2+salt)*0x9E3779B97F4A7C15 + 1) // truncated on 32-bit platforms
	}
	return keys
}

// strKeys returns n distinct 16-byte string keys.
func strKeys(n, salt int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%07d-%07d", i*2+salt, (i*7919)%10_000_000)
	}
	return keys
}

// lookupBench runs, for each map kind, one op = looking up every probe
// key once; ns/lookup is the cost of one lookup.
func lookupBench[K comparable](b *testing.B, keys, probe []K) {
	builtin := map[K]int{}
	cockroach := swiss.New[K, int](0)
	bk := hashmap.New[K, int](nil)
	for i, k := range keys {
		builtin[k] = i
		cockroach.Put(k, i)
		bk.Set(k, i)
	}
	per := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(probe)), "ns/lookup")
	}
	b.Run("builtin", func(b *testing.B) {
		for b.Loop() {
			s := 0
			for _, k := range probe {
				if v, ok := builtin[k]; ok {
					s += v
				}
			}
			sink = s
		}
		per(b)
	})
	b.Run("cockroach", func(b *testing.B) {
		for b.Loop() {
			s := 0
			for _, k := range probe {
				if v, ok := cockroach.Get(k); ok {
					s += v
				}
			}
			sink = s
		}
		per(b)
	})
	b.Run("bumpkit", func(b *testing.B) {
		for b.Loop() {
			s := 0
			for _, k := range probe {
				if v, ok := bk.Get(k); ok {
					s += v
				}
			}
			sink = s
		}
		per(b)
	})
}

// BenchmarkMapLookup compares lookups in hashmap.Map (on the heap), the
// builtin map and cockroachdb/swiss: int hits and misses at 1k and 100k
// entries, 16-byte string hits at 100k.
func BenchmarkMapLookup(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("int-hit/n=%d", n), func(b *testing.B) { lookupBench(b, mapKeys(n, 0), mapKeys(n, 0)) })
		b.Run(fmt.Sprintf("int-miss/n=%d", n), func(b *testing.B) { lookupBench(b, mapKeys(n, 0), mapKeys(n, 1)) })
	}
	b.Run("string-hit/n=100000", func(b *testing.B) { lookupBench(b, strKeys(100_000, 0), strKeys(100_000, 0)) })
}

// BenchmarkMapIterate ranges over every entry of a map of n int keys.
func BenchmarkMapIterate(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		keys := mapKeys(n, 0)
		builtin := map[int]int{}
		cockroach := swiss.New[int, int](0)
		bk := hashmap.New[int, int](nil)
		for i, k := range keys {
			builtin[k] = i
			cockroach.Put(k, i)
			bk.Set(k, i)
		}
		b.Run(fmt.Sprintf("n=%d/builtin", n), func(b *testing.B) {
			for b.Loop() {
				s := 0
				for k, v := range builtin {
					s += k ^ v
				}
				sink = s
			}
		})
		b.Run(fmt.Sprintf("n=%d/cockroach", n), func(b *testing.B) {
			for b.Loop() {
				s := 0
				for k, v := range cockroach.All {
					s += k ^ v
				}
				sink = s
			}
		})
		b.Run(fmt.Sprintf("n=%d/bumpkit", n), func(b *testing.B) {
			for b.Loop() {
				s := 0
				for k, v := range bk.All() {
					s += k ^ v
				}
				sink = s
			}
		})
	}
}
