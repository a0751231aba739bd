package bump

import (
	"errors"
	"math"
)

// ErrAllocationLimit is returned (wrapped) by the Try functions, and is the
// panic value (wrapped) of the others, when an allocation would make a
// Bump hold more than its allocation limit. See [Bump.SetAllocationLimit].
var ErrAllocationLimit = errors.New("bump: allocation limit exceeded")

// ErrInvalidSize is returned (wrapped) when an allocation is asked for a
// negative size, a size that overflows, a capacity smaller than its length,
// or an alignment that is not a power of two.
var ErrInvalidSize = errors.New("bump: invalid allocation size")

// ErrStaleCheckpoint is returned (wrapped) by [Bump.ResetTo] when the
// checkpoint was taken on another Bump, or was invalidated by a Reset or by
// rewinding to an earlier checkpoint.
var ErrStaleCheckpoint = errors.New("bump: stale checkpoint")

// maxAlloc bounds every request so that offset arithmetic cannot overflow,
// and so that a request the Go runtime could never satisfy is an
// ErrInvalidSize rather than a "makeslice: len out of range" panic from
// make (the runtime's own limit is 1<<48 bytes on 64-bit platforms).
const maxAlloc = uintptr(min(math.MaxInt/2, 1<<47))

// must panics with err if it is not nil, and otherwise returns v.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
