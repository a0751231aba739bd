package str

import (
	"fmt"

	"github.com/bumpkit/bumpkit/bump"
)

// How storage grows. On the Go heap, where a slow builder costs a
// reallocation and a copy each time, storage doubles, as bytes.Buffer's
// does, and is rounded up to the allocator's size class for free by
// letting append allocate it. In an arena the newest allocation grows in
// place, which costs no copy; storage that cannot moves to twice its size.
type policy int

const (
	// forWrite doubles: max(2*cap, needed), as bytes.Buffer grows.
	forWrite policy = iota
	// forGrow is strings.Builder.Grow's rule: 2*cap + n.
	forGrow
	// exact allocates what is needed (WithCapacity, From).
	exact
)

// heapAppendMax is the largest storage grown with append on the Go heap.
// Larger requests go to the allocator (bump.Heap), which refuses sizes the
// runtime cannot provide with an error instead of a fatal out-of-memory.
const heapAppendMax = 64 << 20

// smallHeapCap is the least storage a write allocates on the Go heap, as
// bytes.Buffer's smallBufferSize.
const smallHeapCap = 64

// target returns the capacity p asks for when storage of capacity oldCap
// must hold need bytes, extra of them new.
func (p policy) target(oldCap, need, extra int) int {
	t := need
	switch p {
	case forWrite:
		t = max(2*oldCap, need)
	case forGrow:
		t = 2*oldCap + extra
	}
	if t < need { // overflow
		t = need
	}
	return t
}

// onHeap reports whether a is the Go heap itself, where storage can be
// grown with append.
func onHeap(a bump.Allocator) bool {
	if a == nil {
		return true
	}
	_, ok := a.(bump.Heap)
	return ok
}

// grow makes room in s for extra more bytes at the end and makes
// buf[len(buf):] writable: it is called when that is not already so.
func (s *String) grow(op string, extra int) error {
	old, err := s.prepare(op, extra, forWrite)
	bump.FreeSlice(s.a, old)
	return err
}

// growExact is grow for constructors, which know the size they need.
func (s *String) growExact(op string, n int) error {
	old, err := s.prepare(op, n, exact)
	bump.FreeSlice(s.a, old)
	return err
}

// prepare is grow for a caller whose argument may share s's storage (Write
// of a slice from Bytes): if it moves the content to new storage that the
// strings s returned do not share, it returns the old storage instead of
// giving it back, and the caller frees it with bump.FreeSlice once it has
// copied its argument (a Bump may clear freed storage at once). On error s
// is unchanged.
func (s *String) prepare(op string, extra int, p policy) (old []byte, err error) {
	n := len(s.buf)
	need := n + extra
	if need < n {
		return nil, fmt.Errorf("str: %s: length %d + %d overflows int: %w", op, n, extra, bump.ErrInvalidSize)
	}
	if extra == 0 {
		// Nothing will be written: shared bytes need no copy.
		return nil, nil
	}
	frozen := int(s.frozen.Load())
	if frozen > n {
		// Writing at n would change bytes a returned string shares.
		return nil, s.moveTo(op, p.target(n, need, extra))
	}
	if need <= cap(s.buf) {
		return nil, nil
	}
	newCap := p.target(cap(s.buf), need, extra)
	if onHeap(s.a) && newCap <= heapAppendMax {
		if p == forWrite {
			// Like bytes.Buffer, start at 64 bytes rather than grow
			// through the tiniest size classes one write at a time.
			newCap = max(newCap, smallHeapCap)
		}
		// The old storage is left to the garbage collector (and to the
		// strings that share it).
		s.buf = heapCopy(s.buf, newCap)
		s.frozen.Store(0)
		return nil, nil
	}
	// Growing in place keeps the bytes where they are, so it is sound
	// even when returned strings share them.
	if t, ok := bump.ResizeInPlace(s.a, s.buf, newCap); ok {
		s.buf = t
		return nil, nil
	}
	// The chunk may have room for less: take a quarter more, which keeps
	// the number of growths logarithmic (exactly what is needed would
	// make every later write grow again), before moving.
	if quarter := max(need, cap(s.buf)+cap(s.buf)/4); quarter < newCap {
		if t, ok := bump.ResizeInPlace(s.a, s.buf, quarter); ok {
			s.buf = t
			return nil, nil
		}
	}
	shared := frozen > 0
	old = s.buf
	if err := s.moveTo(op, newCap); err != nil {
		return nil, err
	}
	if shared {
		// The returned strings still use the old storage: it must never
		// be given back.
		return nil, nil
	}
	return old, nil
}

// copyOnWrite moves the content of s to fresh storage with room for extra
// more bytes, leaving the old storage to the strings that share it.
func (s *String) copyOnWrite(op string, extra int) error {
	n := len(s.buf)
	return s.moveTo(op, forWrite.target(n, n+extra, extra))
}

// moveTo copies the content of s to a new allocation of newCap >= Len
// bytes, which no returned string shares yet. It does not give the old
// storage back. On error s is unchanged.
func (s *String) moveTo(op string, newCap int) error {
	if onHeap(s.a) && newCap <= heapAppendMax {
		s.buf = heapCopy(s.buf, newCap)
		s.frozen.Store(0)
		return nil
	}
	t, err := bump.AllocateSlice[byte](s.a, newCap)
	if err != nil {
		return name.Wrap(op, err)
	}
	s.buf = t[:copy(t, s.buf)]
	s.frozen.Store(0)
	s.h.Store(s.a)
	return nil
}

// heapCopy returns a copy of b on the Go heap with capacity at least
// newCap, rounded up to the allocator's size class, as bytes.Buffer grows:
// append of a make to a nil slice asks for exactly newCap, which the
// runtime rounds up. (Appending to b itself would let append's own growth
// rule overshoot twice the old capacity by up to a quarter.)
func heapCopy(b []byte, newCap int) []byte {
	t := append([]byte(nil), make([]byte, newCap)...)
	return t[:copy(t, b)]
}
