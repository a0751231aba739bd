// Command dequeir runs one deque workload of the bench package n times, for
// counting its instructions with valgrind, which a busy machine does not
// disturb as it does timings:
//
//	go build -o /tmp/dequeir ./cmd/dequeir
//	GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off \
//	  valgrind --tool=callgrind --callgrind-out-file=/dev/null /tmp/dequeir FIFO arena 11
//
// The instructions of one run are the difference between the counts for
// 11 and 1, divided by 10. The implementation is gammazero, heap (bumpkit
// on the Go heap) or arena (bumpkit in a Bump reset after each run).
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/bumpkit/bumpkit/bench"
	"github.com/bumpkit/bumpkit/bump"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: dequeir FIFO|LIFO|mixed gammazero|heap|arena n")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, w := range bench.DequeWorkloads {
		if w.Name != os.Args[1] {
			continue
		}
		var arena bump.Bump
		for range n {
			switch os.Args[2] {
			case "gammazero":
				w.GZ()
			case "heap":
				w.BK(nil)
			case "arena":
				w.BK(&arena)
				arena.Reset()
			default:
				fmt.Fprintln(os.Stderr, "unknown implementation", os.Args[2])
				os.Exit(2)
			}
		}
		return
	}
	fmt.Fprintln(os.Stderr, "unknown workload", os.Args[1])
	os.Exit(2)
}
