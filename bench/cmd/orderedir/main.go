// Command orderedir runs one ordered-map or priority-queue workload of the
// bench package n times, for counting its instructions with valgrind,
// which a busy machine does not disturb as it does timings:
//
//	go build -o /tmp/orderedir ./cmd/orderedir
//	GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off \
//	  valgrind --tool=callgrind --callgrind-out-file=/dev/null /tmp/orderedir get 1000 tidwall 11
//
// The instructions of one run are the difference between the counts for
// 11 and 1, divided by 10. Workloads: insert, get, ascend and churn of
// BenchmarkBTree with size keys, on tidwall, google, heap (bumpkit on the
// Go heap) or arena (bumpkit in a Bump); pushpop of BenchmarkPQueue (size
// is ignored) on container-heap, heap or arena. The map a get, ascend or
// churn runs on is built before the first run.
package main

import (
	"fmt"
	"os"
	"strconv"

	tbtree "github.com/tidwall/btree"

	"github.com/bumpkit/bumpkit/bench"
	"github.com/bumpkit/bumpkit/bump"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: orderedir insert|get|ascend|churn|pushpop size tidwall|google|heap|arena|container-heap n")
		os.Exit(2)
	}
	size, err1 := strconv.Atoi(os.Args[2])
	n, err2 := strconv.Atoi(os.Args[4])
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "size and n must be integers")
		os.Exit(2)
	}
	work, impl := os.Args[1], os.Args[3]
	if work == "pushpop" {
		in := bench.PQueueInput()
		var a bump.Bump
		for range n {
			switch impl {
			case "container-heap":
				bench.PushPopHeap(in)
			case "heap":
				bench.PushPopBK(nil, in)
			case "arena":
				bench.PushPopBK(&a, in)
				a.Reset()
			default:
				fail(impl)
			}
		}
		return
	}
	keys := bench.BTreeKeys(size)
	probe := bench.BTreeKeys(size)
	in, out := keys[:size/2], make([]int, size/2)
	for i := range out {
		out[i] = keys[i] + 1
	}
	var a bump.Bump
	switch impl {
	case "tidwall":
		var m tbtree.Map[int, int]
		if work != "insert" {
			bench.FillTidwall(&m, pick(work, keys, in))
		}
		for range n {
			switch work {
			case "insert":
				var m tbtree.Map[int, int]
				bench.FillTidwall(&m, keys)
			case "get":
				bench.GetTidwall(&m, probe)
			case "ascend":
				bench.AscendTidwall(&m)
			case "churn":
				bench.ChurnTidwall(&m, in, out)
				in, out = out, in
			}
		}
	case "google":
		t := bench.NewGoogle()
		if work != "insert" {
			bench.FillGoogle(t, pick(work, keys, in))
		}
		for range n {
			switch work {
			case "insert":
				bench.FillGoogle(bench.NewGoogle(), keys)
			case "get":
				bench.GetGoogle(t, probe)
			case "ascend":
				bench.AscendGoogle(t)
			case "churn":
				bench.ChurnGoogle(t, in, out)
				in, out = out, in
			}
		}
	case "heap", "arena":
		var al bump.Allocator
		if impl == "arena" {
			al = &a
		}
		m := bench.NewBK(al)
		if work != "insert" {
			bench.FillBK(m, pick(work, keys, in))
		}
		for range n {
			switch work {
			case "insert":
				if impl == "arena" {
					a.Reset()
				}
				bench.FillBK(bench.NewBK(al), keys)
			case "get":
				//bumpvet:ignore work is the same in every round: only "insert" resets a, and it does not use m
				bench.GetBK(m, probe)
			case "ascend":
				bench.AscendBK(m)
			case "churn":
				bench.ChurnBK(m, in, out)
				in, out = out, in
			}
		}
	default:
		fail(impl)
	}
}

// pick returns the keys a workload's map starts with.
func pick(work string, keys, in []int) []int {
	if work == "churn" {
		return in
	}
	return keys
}

func fail(impl string) {
	fmt.Fprintln(os.Stderr, "unknown implementation", impl)
	os.Exit(2)
}
