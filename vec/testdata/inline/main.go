// Command inline calls Vec's fast paths from another package, as users
// do, so that TestInlines can check with -gcflags=-m that they inline
// there: a generic method is compiled in the package that instantiates
// it.
package main

import (
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/vec"
)

var sink int

func main() {
	var b bump.Bump
	v := vec.WithCapacity[int](&b, 8)
	for i := range 8 {
		v.Push(i)
	}
	sink = v.Len() + v.Cap() + v.At(0) + len(v.Slice())
}
