//go:build bumpdebug && !race

package bump_test

import (
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// TestCheckedCatchesTwoGoroutines checks that the checked build reports
// an arena used by two goroutines at once, the mistake Fork is for, when
// their operations overlap: it checks each operation's bookkeeping with
// the arena marked busy. (The race detector reports it in any build; this
// test runs without it, as a program would.)
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
	require.Equal(t, "bump: a Bump is used by two goroutines at once; give each goroutine its own (see Fork and Pool)", caught)
}
