package bench

import (
	"fmt"

	"github.com/cockroachdb/swiss"

	"github.com/bumpkit/bumpkit/hashmap"
)

// A MapWorkload is one hash-map workload, built for each implementation
// by Build: the builtin map, cockroachdb/swiss and bumpkit's Map or Set
// (on the Go heap, like the others). Each run does Ops operations (lookups,
// entries iterated, or values added), so that a run's cost divided by Ops
// is the cost of one. The benchmarks (hashmap_test.go) and cmd/mapir, which
// runs one under callgrind for instruction counts, share these bodies.
type MapWorkload struct {
	Name  string
	Ops   int
	Build func() []MapImpl
}

// A MapImpl is one implementation's run of a workload.
type MapImpl struct {
	Name string
	Run  func()
}

// MapSink keeps the results alive, so the compiler drops no lookup.
var MapSink int

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

// MapWorkloads are the workloads of BenchmarkMap, as in
// ../shared/ANCHORS.md: int hits and misses at 1k and 100k entries,
// 16-byte string hits at 100k, iteration at 1k and 100k, and a set's adds
// (from empty) and hits against a map[int]struct{}.
var MapWorkloads = func() []MapWorkload {
	var ws []MapWorkload
	for _, n := range []int{1_000, 100_000} {
		ws = append(ws,
			MapWorkload{fmt.Sprintf("int-hit/n=%d", n), n, func() []MapImpl { return lookups(mapKeys(n, 0), mapKeys(n, 0)) }},
			MapWorkload{fmt.Sprintf("int-miss/n=%d", n), n, func() []MapImpl { return lookups(mapKeys(n, 0), mapKeys(n, 1)) }})
	}
	ws = append(ws, MapWorkload{"string-hit/n=100000", 100_000, func() []MapImpl {
		return lookups(strKeys(100_000, 0), strKeys(100_000, 0))
	}})
	for _, n := range []int{1_000, 100_000} {
		ws = append(ws, MapWorkload{fmt.Sprintf("iterate/n=%d", n), n, func() []MapImpl { return iteration(mapKeys(n, 0)) }})
	}
	for _, n := range []int{1_000, 100_000} {
		ws = append(ws,
			MapWorkload{fmt.Sprintf("set-add/n=%d", n), n, func() []MapImpl { return setAdds(mapKeys(n, 0)) }},
			MapWorkload{fmt.Sprintf("set-has/n=%d", n), n, func() []MapImpl { return setHits(mapKeys(n, 0)) }})
	}
	return ws
}()

// The bodies are written once per implementation, without an interface
// in the loop, so that each runs at its own speed.

func lookups[K comparable](keys, probe []K) []MapImpl {
	builtin := map[K]int{}
	cockroach := swiss.New[K, int](0)
	bk := hashmap.New[K, int](nil)
	for i, k := range keys {
		builtin[k] = i
		cockroach.Put(k, i)
		bk.Set(k, i)
	}
	return []MapImpl{
		{"builtin", func() {
			s := 0
			for _, k := range probe {
				if v, ok := builtin[k]; ok {
					s += v
				}
			}
			MapSink = s
		}},
		{"cockroach", func() {
			s := 0
			for _, k := range probe {
				if v, ok := cockroach.Get(k); ok {
					s += v
				}
			}
			MapSink = s
		}},
		{"bumpkit", func() {
			s := 0
			for _, k := range probe {
				if v, ok := bk.Get(k); ok {
					s += v
				}
			}
			MapSink = s
		}},
	}
}

func iteration(keys []int) []MapImpl {
	builtin := map[int]int{}
	cockroach := swiss.New[int, int](0)
	bk := hashmap.New[int, int](nil)
	for i, k := range keys {
		builtin[k] = i
		cockroach.Put(k, i)
		bk.Set(k, i)
	}
	return []MapImpl{
		{"builtin", func() {
			s := 0
			for k, v := range builtin {
				s += k ^ v
			}
			MapSink = s
		}},
		{"cockroach", func() {
			s := 0
			for k, v := range cockroach.All {
				s += k ^ v
			}
			MapSink = s
		}},
		{"bumpkit", func() {
			s := 0
			for k, v := range bk.All() {
				s += k ^ v
			}
			MapSink = s
		}},
	}
}

func setAdds(keys []int) []MapImpl {
	return []MapImpl{
		{"builtin", func() {
			s := map[int]struct{}{}
			for _, k := range keys {
				s[k] = struct{}{}
			}
			MapSink = len(s)
		}},
		{"bumpkit", func() {
			s := hashmap.NewSet[int](nil)
			for _, k := range keys {
				s.Add(k)
			}
			MapSink = s.Len()
		}},
	}
}

func setHits(keys []int) []MapImpl {
	builtin := map[int]struct{}{}
	bk := hashmap.NewSet[int](nil)
	for _, k := range keys {
		builtin[k] = struct{}{}
		bk.Add(k)
	}
	return []MapImpl{
		{"builtin", func() {
			n := 0
			for _, k := range keys {
				if _, ok := builtin[k]; ok {
					n++
				}
			}
			MapSink = n
		}},
		{"bumpkit", func() {
			n := 0
			for _, k := range keys {
				if bk.Has(k) {
					n++
				}
			}
			MapSink = n
		}},
	}
}
