package deque

import (
	"fmt"

	"github.com/bumpkit/bumpkit/internal/header"
)

// checkInvariants panics, in the checked build (-tags bumpdebug), if d's
// ring is broken after a method that changes it, so that the unit tests
// and proptest's model check it at every step. The normal build compiles
// it to nothing.
func (d *Deque[T]) checkInvariants() {
	if header.Checked {
		name.CheckInvariants(d.verify)
	}
}

// verify checks the ring's representation: a power-of-two buffer, a head
// inside it, no more elements than slots, and the slots on either side of
// the ring zero, so that the deque keeps nothing alive it no longer
// holds. It checks the header.ZeroWindow slots next to each end of the
// ring, which pops and removals vacate, so that its cost does not grow
// with the deque.
func (d *Deque[T]) verify() error {
	c := len(d.buf)
	switch {
	case c != cap(d.buf):
		return fmt.Errorf("buffer length %d, capacity %d", c, cap(d.buf))
	case c&(c-1) != 0:
		return fmt.Errorf("capacity %d is not a power of two", c)
	case d.n < 0 || d.n > c:
		return fmt.Errorf("%d elements in %d slots", d.n, c)
	case c == 0 && d.head != 0, c > 0 && (d.head < 0 || d.head >= c):
		return fmt.Errorf("head %d outside [0:%d]", d.head, c)
	}
	free := c - d.n
	w := min(free, header.ZeroWindow)
	mask := c - 1
	for i := range w {
		// The slots after the back and before the front.
		for _, j := range [2]int{(d.head + d.n + i) & mask, (d.head - 1 - i) & mask} {
			if !header.Zeroed(d.buf[j : j+1]) {
				return fmt.Errorf("slot %d outside the ring (head %d, %d elements) is not zero", j, d.head, d.n)
			}
		}
	}
	return nil
}
