package str

import (
	"fmt"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// A String builds a string in storage from an allocator. The zero value is
// an empty String using the Go heap. A String must not be copied after
// first use, and is not safe for concurrent use.
type String struct {
	_   noCopy
	dbg debugState
	a   bump.Allocator
	// buf holds the content; cap(buf) is the whole allocation, which is
	// what bump.ResizeSlice must be given.
	buf []byte
	// frozen is the length of the longest string returned by String from
	// the current storage: buf[:frozen] must never change, and the storage
	// must never be freed or shrunk.
	frozen int
}

// noCopy lets go vet's copylocks check report Strings copied by value.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// New returns an empty String that will allocate from a (the Go heap if a
// is nil). It allocates no storage until the first write.
func New(a bump.Allocator) *String {
	return &String{a: a}
}

// WithCapacity returns an empty String with room for at least n bytes allocated
// from a. It panics if n is negative or if a cannot provide the storage
// (for example with an error wrapping [bump.ErrAllocationLimit]).
func WithCapacity(a bump.Allocator, n int) *String {
	if n < 0 {
		panic(fmt.Sprintf("str: negative capacity %d", n))
	}
	s := &String{a: a}
	s.Grow(n)
	return s
}

// From returns a String allocated from a holding a copy of x. It panics
// like [WithCapacity].
func From(a bump.Allocator, x string) *String {
	s := WithCapacity(a, len(x))
	s.buf = append(s.buf, x...)
	return s
}

// Allocator returns the allocator s takes its storage from: nil for the Go
// heap.
func (s *String) Allocator() bump.Allocator { return s.a }

// Len returns the number of bytes in s.
func (s *String) Len() int { return len(s.buf) }

// Cap returns the number of bytes s can hold without allocating. After
// String has been called, edits other than appends may still need to
// copy the content; see [String.Grow].
func (s *String) Cap() int { return cap(s.buf) }

// String returns the content of s. It does not copy: the result shares
// s's storage, which s will never change or give back, so the result
// stays the same whatever s does next. An empty String returns "".
func (s *String) String() string {
	s.dbg.check()
	n := len(s.buf)
	if n == 0 {
		return ""
	}
	s.frozen = max(s.frozen, n)
	// Sound because buf[:frozen] is never written again and its storage
	// is never freed (see prepare), which is what a Go string needs.
	return unsafe.String(unsafe.SliceData(s.buf), n)
}

// Bytes returns the content of s as a slice sharing s's storage, which
// the caller may modify until the next call of a method of s (after which
// modifying it would change what a later String returned). If a string
// returned by String shares the storage, Bytes first moves the content to
// fresh storage, so that modifying the slice does not change that string;
// it panics if the allocator cannot provide it.
func (s *String) Bytes() []byte {
	s.dbg.check()
	if s.frozen > 0 {
		if len(s.buf) == 0 {
			s.drop()
		} else if err := s.copyOnWrite(0); err != nil {
			panic(err)
		}
	}
	return s.buf[:len(s.buf):len(s.buf)]
}

// Clear empties s. It keeps the storage for reuse unless a string
// returned by String shares it; then s drops it (without giving it back)
// and the next write allocates.
func (s *String) Clear() {
	s.dbg.check()
	if s.frozen > 0 {
		s.drop()
		return
	}
	s.buf = s.buf[:0]
}

// Reset empties s and forgets its storage, like [strings.Builder.Reset]:
// the next write allocates. It does not give the storage back to the
// allocator, which makes it the one method that may be called on a String
// whose arena has been reset since its last write; use [String.Clear] to
// reuse the storage instead.
func (s *String) Reset() {
	s.dbg = debugState{}
	s.drop()
}

// drop forgets s's storage without freeing it.
func (s *String) drop() {
	s.buf = nil
	s.frozen = 0
}
