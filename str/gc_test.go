package str_test

import (
	"runtime"
	"strings"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// forwarder is an allocator on the Go heap that forwards to a Bump. A
// String made with it refers to it only from the String's own fields.
type forwarder struct {
	b *bump.Bump
	_ [64]byte // a distinct heap object, not a tiny-allocator block
}

func (f *forwarder) Allocate(l bump.Layout, n int) (unsafe.Pointer, error) {
	return f.b.Allocate(l, n)
}
func (f *forwarder) Resize(l bump.Layout, p unsafe.Pointer, oldN, newN int) bool {
	return f.b.Resize(l, p, oldN, newN)
}
func (f *forwarder) Free(l bump.Layout, p unsafe.Pointer, n int) { f.b.Free(l, p, n) }

// TestHeaderKeepsAllocatorAlive checks that a String living in an arena
// is memory the garbage collector scans: the allocator it points to, a
// heap object referenced from nowhere else, stays alive while the String
// is reachable.
func TestHeaderKeepsAllocatorAlive(t *testing.T) {
	b := new(bump.Bump)
	var w weak.Pointer[forwarder]
	var s *str.String
	func() {
		f := &forwarder{b: b}
		w = weak.Make(f)
		s = str.New(f)
	}()
	for i := range 5 {
		runtime.GC()
		s.WriteString(strings.Repeat("x", 100*(i+1)))
	}
	require.NotNil(t, w.Value(), "the allocator referenced by the String was collected")
	require.Equal(t, 1500, s.Len())
	runtime.KeepAlive(s)
}
