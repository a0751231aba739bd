package bump_test

import (
	"errors"
	"runtime"
	"testing"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestSmoke(t *testing.T) {
	var b bump.Bump
	p := bump.New[small](&b)
	p.a = 1
	s := bump.MakeSlice[int](&b, 3, 10)
	require.Len(t, s, 3)
	require.Equal(t, 10, cap(s))
	str := bump.String(&b, "hello")
	require.Equal(t, "hello", str)
	for i := range 10000 {
		q := bump.Alloc(&b, small{int64(i), 2, 3})
		require.Equal(t, int64(i), q.a)
	}
	require.Equal(t, int64(1), p.a)
	b.Reset()
	q := bump.New[small](&b)
	require.Equal(t, small{}, *q)

	type holder struct {
		p *[64]byte
		s string
	}
	var w weak.Pointer[[64]byte]
	h := func() *holder {
		x := new([64]byte)
		x[0] = 42
		w = weak.Make(x)
		return bump.Alloc(&b, holder{p: x})
	}()
	for range 5 {
		runtime.GC()
	}
	require.NotNil(t, w.Value())
	require.Equal(t, byte(42), h.p[0])

	b.SetAllocationLimit(b.AllocatedBytes())
	_, err := bump.TryMakeSlice[byte](&b, 1<<20, 1<<20)
	require.True(t, errors.Is(err, bump.ErrAllocationLimit), err)
}
