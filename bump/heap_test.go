package bump_test

import (
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestHeapAllocator(t *testing.T) {
	var h bump.Heap
	l := bump.LayoutOf[*int]()
	p, err := h.Allocate(l, 3)
	require.NoError(t, err)
	s := unsafe.Slice((**int)(p), 3)
	require.Equal(t, []*int{nil, nil, nil}, s)
	require.False(t, h.Resize(l, p, 3, 4))
	require.False(t, h.Resize(l, p, 3, 2))
	x := 1
	s[0] = &x
	h.Free(l, p, 3)
	require.Same(t, &x, s[0], "Free leaves the memory to the garbage collector")

	require.Equal(t, bump.Allocator(bump.Heap{}), bump.Or(nil))
	var b bump.Bump
	require.Same(t, &b, bump.Or(&b))
}
