// Command mapir runs one hash-map workload of the bench package n times,
// for counting its instructions with valgrind, which a busy machine does
// not disturb as it does timings:
//
//	go build -o /tmp/mapir ./cmd/mapir
//	GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off \
//	  valgrind --tool=callgrind --callgrind-out-file=/dev/null /tmp/mapir int-hit/n=1000 bumpkit 11
//
// The instructions of one run are the difference between the counts for
// 11 and 1, divided by 10; of one operation, that divided by the
// workload's Ops (mapir prints it). The implementations are builtin,
// cockroach and bumpkit (cockroach is not in the set workloads).
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/bumpkit/bumpkit/bench"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: mapir workload builtin|cockroach|bumpkit n")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, w := range bench.MapWorkloads {
		if w.Name != os.Args[1] {
			continue
		}
		for _, impl := range w.Build() {
			if impl.Name == os.Args[2] {
				for range n {
					impl.Run()
				}
				fmt.Println("ops per run:", w.Ops)
				return
			}
		}
		fmt.Fprintln(os.Stderr, "unknown implementation", os.Args[2])
		os.Exit(2)
	}
	fmt.Fprintln(os.Stderr, "unknown workload", os.Args[1])
	os.Exit(2)
}
