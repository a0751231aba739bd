package bump

import (
	"errors"
)

// ErrAllocationLimit is returned (wrapped) by the Try functions, and is the
// panic value (wrapped) of the others, when an allocation would make a
// Bump hold more than its allocation limit. See [Bump.SetAllocationLimit].
var ErrAllocationLimit = errors.New("allocation limit exceeded")

// ErrInvalidSize is returned (wrapped) when an allocation is asked for a
// negative size, a size that overflows, a capacity smaller than its length,
// or an alignment that is not a power of two.
var ErrInvalidSize = errors.New("invalid allocation size")

// ErrStaleCheckpoint is returned (wrapped) by [Bump.ResetTo] when the
// checkpoint was taken on another Bump, or was invalidated by a Reset or by
// rewinding to an earlier checkpoint.
var ErrStaleCheckpoint = errors.New("stale checkpoint")
