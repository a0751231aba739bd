// Command pushir pushes 65,536 ints into reserved capacity n times, with
// vec.Vec.Push or with append to a slice field behind a pointer, for
// counting instructions with valgrind, which a busy machine does not
// disturb as it does timings:
//
//	go build -o /tmp/pushir ./cmd/pushir
//	GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off \
//	  valgrind --tool=callgrind --callgrind-out-file=/dev/null /tmp/pushir push 11
//
// The instructions of one push are the difference between the counts for
// 11 and 1, divided by 10 * 65,536.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
)

// pushes is how many values one round pushes.
const pushes = 1 << 16

type field struct{ s []int }

// The loops are in functions of their own, called once per round, so that
// the compiler cannot see more than a caller of Push would.

//go:noinline
func appendField(f *field) {
	f.s = f.s[:0]
	for i := range pushes {
		f.s = append(f.s, i)
	}
}

//go:noinline
func push(v *vec.Vec[int]) {
	v.Clear()
	for i := range pushes {
		v.Push(i)
	}
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: pushir append|push n")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch os.Args[1] {
	case "append":
		f := &field{s: make([]int, 0, pushes)}
		for range n {
			appendField(f)
		}
	case "push":
		var a bump.Bump
		v := vec.WithCapacity[int](&a, pushes)
		for range n {
			push(v)
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown variant", os.Args[1])
		os.Exit(2)
	}
}
