package bump

// SetAllocationLimit sets the maximum number of bytes b may hold in chunks
// (see [Bump.AllocatedBytes]). An allocation that would need a chunk
// beyond the limit fails with an error wrapping [ErrAllocationLimit]; when
// the next regular chunk would not fit, b first tries a chunk just large
// enough for the request. A negative n removes the limit.
//
// A limit below the bytes already held is allowed: it prevents further
// chunks without releasing any.
func (b *Bump) SetAllocationLimit(n int) {
	b.limited = n >= 0
	b.limit = uintptr(max(n, 0))
}

// AllocationLimit returns the limit set by [Bump.SetAllocationLimit], or
// -1 if there is none.
func (b *Bump) AllocationLimit() int {
	if !b.limited {
		return -1
	}
	return int(b.limit)
}
