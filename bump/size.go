package bump

import "math"

// maxAlloc bounds every request so that offset arithmetic cannot overflow,
// and so that a request the Go runtime could never satisfy is an
// ErrInvalidSize rather than a "makeslice: len out of range" panic from
// make (the runtime's own limit is 1<<48 bytes on 64-bit platforms).
const maxAlloc = uintptr(min(math.MaxInt/2, 1<<47))
