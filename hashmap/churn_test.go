package hashmap_test

import (
	"fmt"
	"maps"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// countingAllocator is the Go heap, counting allocations.
type countingAllocator struct {
	bump.Heap
	n int
}

func (c *countingAllocator) Allocate(l bump.Layout, n int) (unsafe.Pointer, error) {
	c.n++
	return c.Heap.Allocate(l, n)
}

// TestTombstoneGrow is Go's runtime map test of the same name
// (internal/runtime/maps/map_test.go): a map kept at a constant size by
// deleting a key and inserting a new one must clean its tombstones, not
// keep allocating tables. Go allows one growth, two if the map starts
// full; so do we: at most three tables.
func TestTombstoneGrow(t *testing.T) {
	for _, tableSize := range []int{16, 32, 64, 128, 256} {
		for _, load := range []string{"low", "mid", "high"} {
			capacity := tableSize * 7 / 8
			var initialElems int
			switch load {
			case "low":
				initialElems = capacity / 8
			case "mid":
				initialElems = capacity / 2
			case "high":
				initialElems = capacity
			}
			t.Run(fmt.Sprintf("tableSize=%d/elems=%d/load=%0.3f", tableSize, initialElems, float64(initialElems)/float64(tableSize)), func(t *testing.T) {
				a := &countingAllocator{}
				m := hashmap.WithCapacity[int, int](a, capacity)
				for i := range initialElems {
					m.Set(i, i)
				}
				nextKey := initialElems
				for range 100000 {
					for k := range m.Keys() {
						m.Delete(k)
						break
					}
					m.Set(nextKey, nextKey)
					nextKey++
					if m.Len() != initialElems {
						t.Fatal("Len should remain constant")
					}
				}
				tables := a.n - 1 // the first allocation is the Map itself
				allowed := 2
				if initialElems == capacity {
					allowed++
				}
				require.LessOrEqual(t, tables, allowed, "tables allocated")
			})
		}
	}
}

// churn fills a map in a Bump with live entries, then runs delete/insert
// pairs (deleting the oldest key, inserting a new one) and returns the
// arena's AllocatedBytes after each of the given numbers of pairs.
func churn(live int, after ...int) []int {
	var b bump.Bump
	m := hashmap.New[int, int](&b)
	for i := range live {
		m.Set(i, i)
	}
	var bytes []int
	next := live
	for _, n := range after {
		for next-live < n {
			m.Delete(next - live)
			m.Set(next, next)
			next++
		}
		bytes = append(bytes, b.AllocatedBytes())
	}
	if m.Len() != live {
		panic("churn: wrong Len")
	}
	return bytes
}

// churnSizes are the live sizes the churn goal covers.
var churnSizes = []int{8, 14, 100, 1_000, 10_000, 100_000}

// TestChurnMemory checks that a long-lived map's arena footprint follows
// what is live, not how many operations ran: after 1M delete/insert pairs
// it holds at most twice the arena bytes it held after 20k. Under -short
// and -race it runs 200k pairs; BenchmarkChurn reports the full figures.
func TestChurnMemory(t *testing.T) {
	long := 1_000_000
	if testing.Short() || raceEnabled || lifecheck.Enabled {
		long = 200_000
	}
	for _, live := range churnSizes {
		t.Run(fmt.Sprint(live), func(t *testing.T) {
			b := churn(live, 20_000, long)
			t.Logf("live %d: %d bytes after 20k pairs, %d after %d", live, b[0], b[1], long)
			require.LessOrEqual(t, b[1], 2*b[0], "arena bytes after %d pairs vs 20k", long)
		})
	}
}

// BenchmarkChurn reports, for each live size, the arena bytes after 20k
// and after 1M delete/insert pairs (one op is the whole run).
func BenchmarkChurn(b *testing.B) {
	for _, live := range churnSizes {
		b.Run(fmt.Sprintf("live=%d", live), func(b *testing.B) {
			var bytes []int
			for b.Loop() {
				bytes = churn(live, 20_000, 1_000_000)
			}
			b.ReportMetric(float64(bytes[0]), "B@20k")
			b.ReportMetric(float64(bytes[1]), "B@1M")
			b.ReportMetric(float64(bytes[1])/float64(bytes[0]), "ratio")
		})
	}
}

// TestConcurrentReaders runs every read-only method from many goroutines
// at once; under -race it fails if any of them writes shared state.
func TestConcurrentReaders(t *testing.T) {
	for _, n := range []int{0, 5, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			// On the Go heap, so that Clone's allocations are safe
			// from many goroutines too (a Bump is not).
			m := hashmap.New[int, string](nil)
			want := map[int]string{}
			for i := range n {
				m.Set(i, fmt.Sprint(i))
				want[i] = fmt.Sprint(i)
			}
			var nilMap *hashmap.Map[int, string]
			errs := make(chan error, 8)
			for range 8 {
				go func() {
					errs <- func() error {
						for range 20 {
							if got := maps.Collect(m.All()); !maps.Equal(got, want) {
								return fmt.Errorf("All produced %d entries, want %d", len(got), len(want))
							}
							keys, values := 0, 0
							for range m.Keys() {
								keys++
							}
							for range m.Values() {
								values++
							}
							if keys != n || values != n || m.Len() != n {
								return fmt.Errorf("Keys %d, Values %d, Len %d; want %d", keys, values, m.Len(), n)
							}
							for i := range n + 1 {
								v, ok := m.Get(i)
								if ok != (i < n) || ok && v != want[i] || m.Has(i) != ok || (m.Ptr(i) != nil) != ok {
									return fmt.Errorf("Get(%d) = %q, %v", i, v, ok)
								}
							}
							if nilMap.Len() != 0 || nilMap.Has(1) || nilMap.Clone() != nil {
								return fmt.Errorf("nil Map is not empty")
							}
							if c := m.Clone(); c.Len() != n {
								return fmt.Errorf("Clone has %d entries, want %d", c.Len(), n)
							}
							if _, err := m.MarshalJSON(); err != nil {
								return err
							}
							if s := fmt.Sprint(m); len(s) < len("map[]") {
								return fmt.Errorf("Sprint = %q", s)
							}
						}
						return nil
					}()
				}()
			}
			for range 8 {
				require.NoError(t, <-errs)
			}
		})
	}
}
