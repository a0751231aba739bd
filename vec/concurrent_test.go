package vec_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

// TestConcurrentReaders runs every read-only method from many goroutines
// at once on one Vec that nothing changes. Under go test -race it fails if
// any of them writes shared state; without -race it checks the results.
func TestConcurrentReaders(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		want := strs(300)
		v := vec.From(a, want)
		wantJSON, err := json.Marshal(want)
		require.NoError(t, err)
		const readers = 8
		errs := make(chan error, readers)
		var wg sync.WaitGroup
		for g := range readers {
			wg.Go(func() {
				errs <- readAll(v, want, string(wantJSON), g)
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
	})
}

func readAll(v *vec.Vec[string], want []string, wantJSON string, g int) error {
	for range 20 {
		if v.Len() != len(want) || v.Cap() < len(want) {
			return fmt.Errorf("reader %d: Len %d Cap %d", g, v.Len(), v.Cap())
		}
		if !slices.Equal(v.Slice(), want) || v.At(g) != want[g] {
			return fmt.Errorf("reader %d: Slice or At differ", g)
		}
		if !slices.Equal(slices.Collect(v.Values()), want) {
			return fmt.Errorf("reader %d: Values differ", g)
		}
		for i, x := range v.All() {
			if x != want[i] {
				return fmt.Errorf("reader %d: All differs at %d", g, i)
			}
		}
		for i, x := range v.Backward() {
			if x != want[i] {
				return fmt.Errorf("reader %d: Backward differs at %d", g, i)
			}
		}
		// Clone allocates from v's allocator, and a Bump is not safe for
		// concurrent use: concurrent Clones are race-free on the Go heap.
		if _, ok := v.Allocator().(*bump.Bump); !ok {
			if c := v.Clone(); !slices.Equal(c.Slice(), want) {
				return fmt.Errorf("reader %d: Clone differs", g)
			}
		}
		if v.String() != fmt.Sprint(want) || fmt.Sprintf("%q", v) != fmt.Sprintf("%q", want) {
			return fmt.Errorf("reader %d: String or Format differ", g)
		}
		if b, err := json.Marshal(v); err != nil || string(b) != wantJSON {
			return fmt.Errorf("reader %d: MarshalJSON = %s, %v", g, b, err)
		}
		_ = v.Allocator()
	}
	return nil
}
