package reset

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// A test that reads released memory on purpose says so.
func zeroedByReset() {
	var a bump.Bump
	p := bump.New[int](&a)
	q := bump.New[int](&a)
	*p, *q = 7, 7
	a.Reset()
	//bumpvet:ignore checks that Reset zeroes the memory
	fmt.Println(*p)
	fmt.Println(*q) //bumpvet:ignore the same, on the line
}
