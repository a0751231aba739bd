package deque

import "fmt"

// Insert inserts v before the element at index at, so that v ends up at
// index at: Insert(0, v) is PushFront(v) and Insert(d.Len(), v) is
// PushBack(v). It moves the elements on the shorter side of at by one,
// so it costs O(min(at, Len()-at)). It grows the storage like
// [Deque.PushBack]. It panics if at is out of range [0:Len()+1] (where
// gammazero/deque pushes at the nearer end), leaving d unchanged.
func (d *Deque[T]) Insert(at int, v T) {
	if d == nil {
		name.PanicNil("Insert")
	}
	check(&d.h)
	if uint(at) > uint(d.n) {
		panic(fmt.Sprintf("deque: Insert: index %d out of range [0:%d]", at, d.n+1))
	}
	if d.n == len(d.buf) {
		d.grow("Insert")
	}
	mask := len(d.buf) - 1
	if at < d.n-at {
		// Move the front at elements one slot towards the front.
		d.head = (d.head - 1) & mask
		for i := range at {
			d.buf[(d.head+i)&mask] = d.buf[(d.head+i+1)&mask]
		}
	} else {
		// Move the elements from at on one slot towards the back.
		for i := d.n; i > at; i-- {
			d.buf[(d.head+i)&mask] = d.buf[(d.head+i-1)&mask]
		}
	}
	d.buf[(d.head+at)&mask] = v
	d.n++
	d.mods++
	d.checkInvariants()
}

// Remove removes and returns the element at index at. Remove(0) is
// PopFront and Remove(d.Len()-1) is PopBack, except that Remove panics if
// at is out of range, leaving d unchanged. It moves the elements on the
// shorter side of at by one, so it costs O(min(at, Len()-at)), and zeroes
// the slot it vacates.
func (d *Deque[T]) Remove(at int) T {
	if n := d.Len(); uint(at) >= uint(n) {
		panic(indexError("Remove", at, n))
	}
	mask := len(d.buf) - 1
	v := d.buf[(d.head+at)&mask]
	var zero T
	if at < d.n-1-at {
		// Move the front at elements one slot towards the back.
		for i := at; i > 0; i-- {
			d.buf[(d.head+i)&mask] = d.buf[(d.head+i-1)&mask]
		}
		d.buf[d.head] = zero
		d.head = (d.head + 1) & mask
	} else {
		// Move the elements after at one slot towards the front.
		for i := at; i < d.n-1; i++ {
			d.buf[(d.head+i)&mask] = d.buf[(d.head+i+1)&mask]
		}
		d.buf[(d.head+d.n-1)&mask] = zero
	}
	d.n--
	d.mods++
	if d.n == len(d.buf)>>2 {
		d.shrink("Remove")
	}
	d.checkInvariants()
	return v
}

// Swap exchanges the elements at indexes i and j. It panics if either is
// out of range, leaving d unchanged. Like [Deque.Set], Swap is allowed
// during a range over d.
func (d *Deque[T]) Swap(i, j int) {
	n := d.Len()
	if uint(i) >= uint(n) {
		panic(indexError("Swap", i, n))
	}
	if uint(j) >= uint(n) {
		panic(indexError("Swap", j, n))
	}
	si, sj := d.slot(i), d.slot(j)
	d.buf[si], d.buf[sj] = d.buf[sj], d.buf[si]
}
