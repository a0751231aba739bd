package bump_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestCollectStopsEarly(t *testing.T) {
	var b bump.Bump
	got := bump.Collect(&b, func(yield func(int) bool) {
		for i := range 1000 {
			if !yield(i) {
				t.Fatal("Collect stopped the sequence")
			}
		}
	})
	require.Len(t, got, 1000)
	for i, v := range got {
		require.Equal(t, i, v)
	}
}
