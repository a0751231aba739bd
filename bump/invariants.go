package bump

import "unsafe"

// verify checks the slab's invariants and returns the bytes its chunks
// hold. Only the checked build calls it (see checkInvariants).
func (s *typedSlab[T]) verify() uintptr {
	var zero T
	size := unsafe.Sizeof(zero)
	if s.idx < 0 || len(s.chunks) > 0 && s.idx >= len(s.chunks) || s.floor > len(s.cur) || s.lfloor > len(s.large) {
		invariantf("slab of %T: chunk %d of %d, floor %d of %d, large floor %d of %d",
			zero, s.idx, len(s.chunks), s.floor, len(s.cur), s.lfloor, len(s.large))
	}
	held := uintptr(0)
	for i, c := range s.chunks {
		if i == s.idx {
			c = s.cur
		}
		if i > s.idx && len(c) != 0 {
			invariantf("slab of %T: spare chunk %d holds %d values", zero, i, len(c))
		}
		held += uintptr(cap(c)) * size
	}
	// The value after the last one in use must be zero: the next
	// allocation hands it out as is.
	if len(s.cur) < cap(s.cur) {
		next := s.cur[len(s.cur) : len(s.cur)+1]
		// Sound: reads the bytes of a value, pointer words included, as
		// data; nothing is written.
		for i, x := range unsafe.Slice((*byte)(unsafe.Pointer(&next[0])), size) {
			if x != 0 {
				invariantf("slab of %T: byte %d of the next free value is %#x, not zero", zero, i, x)
			}
		}
	}
	for _, l := range s.large {
		held += uintptr(len(l)) * size
	}
	return held
}
