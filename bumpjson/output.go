package bumpjson

import (
	"fmt"
	"math"

	"github.com/bumpkit/bumpkit/bump"
)

// An output is a byte slice that grows in an allocator: an encoding's
// output, or an Encoder's indented copy of it.
type output struct {
	a bump.Allocator // never nil
	// buf's storage is the caller's (Append's dst) until owned is set;
	// from then on it is storage allocated from a.
	buf   []byte
	owned bool
}

// grow makes room for n more bytes.
func (o *output) grow(n int) error {
	if cap(o.buf)-len(o.buf) >= n {
		return nil
	}
	return o.growSlow(n)
}

func (o *output) growSlow(n int) error {
	need := len(o.buf) + n
	if need < n {
		return fmt.Errorf("bumpjson: output of more than %d bytes: %w", math.MaxInt, bump.ErrInvalidSize)
	}
	newCap := bump.GrowCap(cap(o.buf), need)
	if cap(o.buf) > 0 {
		if s, ok := bump.ResizeInPlace(o.a, o.buf, newCap); ok {
			o.buf = s
			return nil
		}
	}
	s, err := bump.AllocateSlice[byte](o.a, newCap)
	if err != nil {
		return err
	}
	s = append(s[:0], o.buf...)
	// The caller's storage stays as it is, for an error to return it.
	if o.owned {
		bump.FreeSlice(o.a, o.buf)
	}
	o.buf, o.owned = s, true
	return nil
}

// release gives back the storage o allocated.
func (o *output) release() {
	if o.owned {
		bump.FreeSlice(o.a, o.buf)
	}
	o.buf, o.owned = nil, false
}
