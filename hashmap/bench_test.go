package hashmap_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

var sinkInt int

// intKeys returns n distinct keys spread over the int range, so that
// neither map benefits from sequential keys.
func intKeys(n, salt int) []int {
	keys := make([]int, n)
	for i := range keys {
		keys[i] = int(uint64(i*2+salt)*0x9E3779B97F4A7C15 + 1) // truncated on 32-bit platforms
	}
	return keys
}

func stringKeys(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("key-%08d-%x", i, i*7919)
	}
	return keys
}

var sizes = []int{1_000, 100_000}

// BenchmarkInsert builds a map of n int keys from empty, without a size
// hint, per op: the cost includes every growth. The bump variant resets
// its arena per op, so it reuses the same memory.
func BenchmarkInsert(b *testing.B) {
	for _, n := range sizes {
		keys := intKeys(n, 0)
		b.Run(fmt.Sprintf("n=%d/builtin", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := map[int]int{}
				for _, k := range keys {
					m[k] = k
				}
				sinkInt = len(m)
			}
		})
		b.Run(fmt.Sprintf("n=%d/heap", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := hashmap.New[int, int](nil)
				for _, k := range keys {
					m.Set(k, k)
				}
				sinkInt = m.Len()
			}
		})
		b.Run(fmt.Sprintf("n=%d/bump", n), func(b *testing.B) {
			b.ReportAllocs()
			var a bump.Bump
			for b.Loop() {
				m := hashmap.New[int, int](&a)
				for _, k := range keys {
					m.Set(k, k)
				}
				sinkInt = m.Len()
				a.Reset()
			}
		})
	}
}

// BenchmarkInsertSized is BenchmarkInsert with the size known in advance.
func BenchmarkInsertSized(b *testing.B) {
	for _, n := range sizes {
		keys := intKeys(n, 0)
		b.Run(fmt.Sprintf("n=%d/builtin", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := make(map[int]int, n)
				for _, k := range keys {
					m[k] = k
				}
				sinkInt = len(m)
			}
		})
		b.Run(fmt.Sprintf("n=%d/bump", n), func(b *testing.B) {
			b.ReportAllocs()
			var a bump.Bump
			for b.Loop() {
				m := hashmap.WithCapacity[int, int](&a, n)
				for _, k := range keys {
					m.Set(k, k)
				}
				sinkInt = m.Len()
				a.Reset()
			}
		})
	}
}

// BenchmarkLookup looks up every key of a map of n int keys per op, all
// present (hit) or all absent (miss); ns/lookup is the cost of one.
func BenchmarkLookup(b *testing.B) {
	for _, n := range sizes {
		keys := intKeys(n, 0)
		for _, kind := range []string{"hit", "miss"} {
			probe := keys
			if kind == "miss" {
				probe = intKeys(n, 1)
			}
			builtin := map[int]int{}
			var a bump.Bump
			m := hashmap.New[int, int](&a)
			for _, k := range keys {
				builtin[k] = k
				m.Set(k, k)
			}
			b.Run(fmt.Sprintf("%s/n=%d/builtin", kind, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s := 0
					for _, k := range probe {
						v, ok := builtin[k]
						if ok {
							s += v
						}
					}
					sinkInt = s
				}
				perLookup(b, n)
			})
			b.Run(fmt.Sprintf("%s/n=%d/bump", kind, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s := 0
					for _, k := range probe {
						v, ok := m.Get(k)
						if ok {
							s += v
						}
					}
					sinkInt = s
				}
				perLookup(b, n)
			})
		}
	}
}

func perLookup(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/lookup")
}

// BenchmarkString inserts 1,000 string keys into an empty map, then looks
// each up once, per op.
func BenchmarkString(b *testing.B) {
	const n = 1000
	keys := stringKeys(n)
	b.Run("insert/builtin", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := map[string]int{}
			for i, k := range keys {
				m[k] = i
			}
			sinkInt = len(m)
		}
	})
	b.Run("insert/bump", func(b *testing.B) {
		b.ReportAllocs()
		var a bump.Bump
		for b.Loop() {
			m := hashmap.New[string, int](&a)
			for i, k := range keys {
				m.Set(k, i)
			}
			sinkInt = m.Len()
			a.Reset()
		}
	})
	builtin := map[string]int{}
	m := hashmap.New[string, int](nil)
	for i, k := range keys {
		builtin[k] = i
		m.Set(k, i)
	}
	b.Run("lookup/builtin", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := 0
			for _, k := range keys {
				s += builtin[k]
			}
			sinkInt = s
		}
		perLookup(b, n)
	})
	b.Run("lookup/bump", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := 0
			for _, k := range keys {
				v, _ := m.Get(k)
				s += v
			}
			sinkInt = s
		}
		perLookup(b, n)
	})
}

// BenchmarkDelete deletes and reinserts every key of a map of 1,000 keys
// per op, exercising tombstones.
func BenchmarkDelete(b *testing.B) {
	const n = 1000
	keys := intKeys(n, 0)
	b.Run("builtin", func(b *testing.B) {
		b.ReportAllocs()
		m := map[int]int{}
		for _, k := range keys {
			m[k] = k
		}
		for b.Loop() {
			for _, k := range keys {
				delete(m, k)
				m[k] = k
			}
		}
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		m := hashmap.New[int, int](new(bump.Bump))
		for _, k := range keys {
			m.Set(k, k)
		}
		for b.Loop() {
			for _, k := range keys {
				m.Delete(k)
				m.Set(k, k)
			}
		}
	})
}

// BenchmarkIterate ranges over all entries of a map of 1,000 int keys.
func BenchmarkIterate(b *testing.B) {
	const n = 1000
	keys := intKeys(n, 0)
	builtin := map[int]int{}
	m := hashmap.New[int, int](new(bump.Bump))
	for _, k := range keys {
		builtin[k] = k
		m.Set(k, k)
	}
	b.Run("builtin", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := 0
			for k, v := range builtin {
				s += k ^ v
			}
			sinkInt = s
		}
	})
	b.Run("bump", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := 0
			for k, v := range m.All() {
				s += k ^ v
			}
			sinkInt = s
		}
	})
}

// BenchmarkInsertLookup inserts 1,000 int keys into an empty map and
// looks each up: cmd/bumpbench's hashmap workload (internal/workload).
func BenchmarkInsertLookup(b *testing.B) {
	b.Run("builtin", workload.MapHeap)
	b.Run("bump", workload.MapBump)
}
