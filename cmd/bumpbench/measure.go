package main

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// A result is the measurement of one variant of one workload.
type result struct {
	Workload    string  `json:"workload"`
	Variant     string  `json:"variant"`
	Iterations  int     `json:"iterations"`
	NsPerOp     float64 `json:"ns_per_op"`
	BytesPerOp  int64   `json:"bytes_per_op"`
	AllocsPerOp int64   `json:"allocs_per_op"`
	// GCCycles is the number of garbage collections that completed during
	// the run, GCCPU the share of the CPU time available to the process
	// (GOMAXPROCS times the wall-clock time) that the runtime spent on
	// garbage collection in that time.
	GCCycles uint64  `json:"gc_cycles"`
	GCCPU    float64 `json:"gc_cpu_fraction"`
	Seconds  float64 `json:"seconds"`
	// Speedup is the heap variant's ns/op divided by this variant's: above
	// 1 this variant is faster. It is 1 for the heap variant itself.
	Speedup float64 `json:"speedup_vs_heap"`
}

var sampleNames = []string{
	"/gc/cycles/automatic:gc-cycles",
	"/cpu/classes/gc/total:cpu-seconds",
}

type sample struct {
	gcCycles uint64
	gcCPU    float64
}

func readSample() sample {
	s := make([]metrics.Sample, len(sampleNames))
	for i, name := range sampleNames {
		s[i].Name = name
	}
	metrics.Read(s)
	var out sample
	if s[0].Value.Kind() == metrics.KindUint64 {
		out.gcCycles = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindFloat64 {
		out.gcCPU = s[1].Value.Float64()
	}
	return out
}

// measure runs f with testing.Benchmark and adds the garbage collector's
// activity during the run. testing.Benchmark collects garbage before it
// calls f, so that one workload's garbage is not charged to the next; the
// samples are taken inside, after that collection, which also updates the
// runtime's GC CPU estimate (it is updated at the end of each cycle).
// Only automatic collections are counted.
func measure(workload, variant string, f func(*testing.B)) result {
	var before, after sample
	var start time.Time
	var wall time.Duration
	r := testing.Benchmark(func(b *testing.B) {
		// With b.Loop, testing.Benchmark calls this once; were it called
		// again, the last call, the one reported, would set the samples.
		before, start = readSample(), time.Now()
		f(b)
		after, wall = readSample(), time.Since(start)
	})

	res := result{
		Workload:    workload,
		Variant:     variant,
		Iterations:  r.N,
		BytesPerOp:  r.AllocedBytesPerOp(),
		AllocsPerOp: r.AllocsPerOp(),
		GCCycles:    after.gcCycles - before.gcCycles,
		Seconds:     wall.Seconds(),
	}
	if r.N > 0 {
		res.NsPerOp = float64(r.T.Nanoseconds()) / float64(r.N)
	}
	if avail := wall.Seconds() * float64(runtime.GOMAXPROCS(0)); avail > 0 {
		res.GCCPU = min(1, max(0, after.gcCPU-before.gcCPU)/avail)
	}
	return res
}
