//go:build bumpdebug && !race

package bump_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// TestCheckedCatchesTwoGoroutines checks that the checked build reports
// an arena used by two goroutines at once, the mistake Fork is for, when
// their operations overlap: it checks each operation's bookkeeping with
// the arena marked busy. (The race detector reports it in any build; this
// test runs without it, as a program would.) The busy mark covers the
// check, not the whole operation, so the two may instead break the
// bookkeeping before either sees the other: the check then reports the
// invariant they broke. Either way the misuse panics and is named.
func TestCheckedCatchesTwoGoroutines(t *testing.T) {
	var b bump.Bump
	var wg sync.WaitGroup
	var once sync.Once
	var caught any
	for range 2 {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { caught = r })
				}
			}()
			for range 200000 {
				bump.New[int64](&b)
				if caught != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	msg, _ := caught.(string)
	if msg != "bump: a Bump is used by two goroutines at once; give each goroutine its own (see Fork and Pool)" &&
		!strings.HasPrefix(msg, "bump: invariant violated: ") {
		t.Fatalf("two goroutines on one arena: panic %v, want the two-goroutines report or an invariant violated", caught)
	}
}
