// Package workload holds the bodies of bumpkit's benchmarks as plain
// functions of a *testing.B, so that the packages' go test benchmarks and
// the report of cmd/bumpbench run the same code and cannot drift apart.
//
// Each workload comes as a pair (or more) of functions doing the same
// task: one the way a Go program does it on the heap (new, make, append,
// map, strings.Builder), the baseline, and one with bumpkit, whose arena
// is reset after every operation so that the cost of Reset is included
// and a warm arena allocates nothing from the Go heap. Results go to
// package-level sinks so that the compiler cannot optimise the work away.
package workload

import "testing"

// Batch is how many allocations one operation of the allocation
// workloads makes.
const Batch = 4096

// reportPer adds the time per item to a benchmark whose operation
// handles n items, as the metric ns/unit.
func reportPer(b *testing.B, n int, unit string) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/"+unit)
}
