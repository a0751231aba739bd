package boxed_test

import (
	"errors"
	"fmt"

	"github.com/bumpkit/bumpkit/boxed"
	"github.com/bumpkit/bumpkit/bump"
)

// conn stands for a value that owns a resource.
type conn struct{ name string }

func (c *conn) Close() error {
	fmt.Println("close", c.name)
	return nil
}

// Boxes that are not dropped by hand are dropped when their arena is
// reset, so a request handler cannot leak what its arena values own.
func Example() {
	var arena bump.Bump
	a := boxed.New(&arena, conn{"a"})
	boxed.New(&arena, conn{"b"})
	a.Drop()
	fmt.Println("reset")
	arena.Reset()
	// Output:
	// close a
	// reset
	// close b
}

func ExampleNew() {
	var arena bump.Bump
	b := boxed.New(&arena, conn{"db"})
	fmt.Println(b.Ptr().name)
	arena.Reset()
	fmt.Println(b.Dropped())
	// Output:
	// db
	// close db
	// true
}

func ExampleTryNew() {
	var arena bump.Bump
	arena.SetAllocationLimit(1 << 10)
	_, err := boxed.TryNew(&arena, [1 << 20]byte{})
	fmt.Println(errors.Is(err, bump.ErrAllocationLimit))
	// Output: true
}

// failing is closed with an error that Drop reports.
type failing struct{}

func (failing) Close() error { return errors.New("flush failed") }

func ExampleBox_Drop() {
	b := boxed.New(nil, failing{}) // nil: the Go heap
	fmt.Println(b.Drop())
	fmt.Println(b.Drop()) // already dropped: nothing to do
	// Output:
	// flush failed
	// <nil>
}

func ExampleBox_Ptr() {
	var arena bump.Bump
	b := boxed.New(&arena, []string{"x"})
	*b.Ptr() = append(*b.Ptr(), "y")
	fmt.Println(b.Value())
	b.Drop()
	defer func() { fmt.Println(recover()) }()
	b.Ptr()
	// Output:
	// [x y]
	// boxed: Ptr: use of dropped Box
}

func ExampleBox_Value() {
	b := boxed.New(nil, 42)
	fmt.Println(b.Value())
	// Output: 42
}

func ExampleBox_Dropped() {
	var arena bump.Bump
	b := boxed.New(&arena, 1)
	fmt.Println(b.Dropped())
	arena.Reset()
	fmt.Println(b.Dropped())
	var zero boxed.Box[int]
	fmt.Println(zero.Dropped())
	// Output:
	// false
	// true
	// true
}

// lease returns itself to a pool when dropped.
type lease struct {
	id   int
	free *[]int
}

func (l *lease) Drop() { *l.free = append(*l.free, l.id) }

func ExampleDropper() {
	var arena bump.Bump
	var free []int
	for id := range 3 {
		boxed.New(&arena, lease{id, &free})
	}
	arena.Reset() // newest first
	fmt.Println(free)
	// Output: [2 1 0]
}
