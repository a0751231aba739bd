//go:build !bumpdebug

package lifecheck_test

import (
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
	"github.com/stretchr/testify/require"
)

// TestOff checks that without the tag a Tag takes no room and never
// panics.
func TestOff(t *testing.T) {
	require.False(t, lifecheck.Enabled)
	require.Zero(t, unsafe.Sizeof(lifecheck.Tag{}))
	var b bump.Bump
	tag := lifecheck.Track(&b)
	tag.Move(&b)
	b.Reset()
	require.NotPanics(t, func() { tag.Check("lifecheck_test: T") })
	tag.Stop()
}
