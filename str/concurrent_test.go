package str_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// TestConcurrentReaders reads one String from many goroutines at once
// with every read-only method, as a string may be read; run under
// go test -race, it fails if any of them writes shared state unsafely.
func TestConcurrentReaders(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		const content = "héllo, readers"
		s := str.From(a, content)
		s.WriteString("!")
		want := content + "!"
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for i := range 200 {
					if got := s.String(); got != want {
						t.Errorf("String() = %q", got)
					}
					if s.Len() != len(want) || s.Cap() < len(want) || s.Allocator() != a {
						t.Errorf("Len, Cap or Allocator wrong")
					}
					if !s.IsBoundary(i%(len(want)+1)) && i%(len(want)+1) != 2 {
						t.Errorf("IsBoundary(%d) false", i%(len(want)+1))
					}
					if got := fmt.Sprintf("%q", s); got != fmt.Sprintf("%q", want) {
						t.Errorf("Format = %s", got)
					}
					b, err := json.Marshal(s)
					if err != nil || string(b) != `"`+want+`"` {
						t.Errorf("MarshalJSON = %s, %v", b, err)
					}
					text, _ := s.MarshalText()
					text, _ = s.AppendText(text)
					if string(text) != want+want {
						t.Errorf("MarshalText+AppendText = %q", text)
					}
				}
			})
		}
		wg.Wait()
		// The writer comes back after the readers: the strings they got
		// are shared, so an edit copies.
		got := s.String()
		s.Truncate(0)
		s.WriteString("new")
		require.Equal(t, want, got)
		require.Equal(t, "new", s.String())
	})
}
