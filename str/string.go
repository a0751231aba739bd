package str

import (
	"fmt"
	"sync/atomic"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/header"
)

// A String builds a string in storage from an allocator. The zero value is
// an empty String using the Go heap. A String must not be copied after
// first use: go vet reports copies, and writing through a copy (or
// calling String on one) panics, as with a [strings.Builder]. A String is
// not safe for concurrent use, except that its read-only methods may be
// called from many goroutines at once while nothing writes to it (see the
// package doc).
type String struct {
	// h tracks the lifetimes of the String and of buf in the checked
	// build, and the String's own address once it is used, to detect
	// copies by value as strings.Builder does.
	h header.Header
	a bump.Allocator
	// buf holds the content; cap(buf) is the whole allocation, which is
	// what the allocator must be given back.
	buf []byte
	// frozen is the length of the longest string returned by String from
	// the current storage: buf[:frozen] must never change, and the storage
	// must never be freed or shrunk. String raises it atomically, so that
	// concurrent readers do not race; only writers, which have s to
	// themselves, lower it.
	frozen atomic.Int64
}

// name names String in panics and errors.
var name = header.Name{Pkg: "str", Type: "String"}

// New returns an empty String that will allocate from a (the Go heap if a
// is nil). The String itself is allocated from a too, so that with a
// [*bump.Bump] making a String costs no Go-heap allocation; it is then
// valid only until the arena is reset. New allocates no storage for the
// content until the first write. It panics with an error wrapping the
// allocator's if a cannot provide the String.
func New(a bump.Allocator) *String {
	s, err := newString("New", a)
	if err != nil {
		panic(err)
	}
	return s
}

func newString(op string, a bump.Allocator) (*String, error) {
	s, err := header.New[String](a)
	if err != nil {
		return nil, name.Wrap(op, err)
	}
	s.h.Init(a)
	s.a = a
	return s, nil
}

// WithCapacity returns an empty String, allocated from a like [New], with
// room for at least n bytes allocated from a. As with make, it panics if n
// is negative (str: WithCapacity: negative capacity -1) or if a cannot
// provide the storage (with an error wrapping the allocator's, such as
// one wrapping [bump.ErrAllocationLimit]).
func WithCapacity(a bump.Allocator, n int) *String {
	if n < 0 {
		panic(fmt.Sprintf("str: WithCapacity: negative capacity %d", n))
	}
	s, err := newString("WithCapacity", a)
	if err == nil && n > 0 {
		err = s.growExact("WithCapacity", n)
	}
	if err != nil {
		panic(err)
	}
	return s
}

// From returns a String allocated from a like [New], holding a copy of x
// in storage from a. It panics like [WithCapacity].
func From(a bump.Allocator, x string) *String {
	s, err := newString("From", a)
	if err == nil && len(x) > 0 {
		err = s.growExact("From", len(x))
	}
	if err != nil {
		panic(err)
	}
	s.buf = append(s.buf, x...)
	return s
}

// Allocator returns the allocator s takes its storage from: nil for the Go
// heap, and for a nil s.
func (s *String) Allocator() bump.Allocator {
	if s == nil {
		return nil
	}
	check(&s.h)
	return s.a
}

// Len returns the number of bytes in s; s.Len() == len(s.String()). A nil
// s has length 0.
func (s *String) Len() int {
	if s == nil {
		return 0
	}
	check(&s.h)
	return len(s.buf)
}

// Cap returns the number of bytes s can hold, including those already
// written. It is 0 for a nil s. After String has been called, edits
// other than appends may still need to copy the content; see
// [String.Grow].
func (s *String) Cap() int {
	if s == nil {
		return 0
	}
	check(&s.h)
	return cap(s.buf)
}

// String returns the content of s. It does not copy: the result shares
// s's storage, which s will never change or give back, so the result
// stays the same whatever s does next. An empty or nil String returns "".
//
// String is read-only in the sense of the package doc: concurrent calls
// are race-free. It records, with one atomic operation, how much of the
// storage the result shares, and panics if s is a copy of another String.
func (s *String) String() string {
	if s == nil {
		return ""
	}
	s.checkRead("String")
	n := len(s.buf)
	if int64(n) > s.frozen.Load() {
		s.freeze(n)
	}
	// Sound because buf[:frozen] is never written again and its storage
	// is never freed (see prepare), which is what a Go string needs.
	return unsafe.String(unsafe.SliceData(s.buf), n)
}

// freeze raises frozen to n. Concurrent readers may race to raise it, so
// it is an atomic maximum.
func (s *String) freeze(n int) {
	for {
		f := s.frozen.Load()
		if f >= int64(n) || s.frozen.CompareAndSwap(f, int64(n)) {
			return
		}
	}
}

// view returns the content of s as a string without recording it as
// shared: for readers (Format, MarshalJSON) that do not keep it beyond
// the call.
func (s *String) view() string {
	if s == nil {
		return ""
	}
	s.checkRead("String")
	return unsafe.String(unsafe.SliceData(s.buf), len(s.buf))
}

// Bytes returns the content of s as a slice sharing s's storage, which
// the caller may modify until the next call of a method of s (after which
// modifying it would change what a later String returned). If a string
// returned by String shares the storage, Bytes first moves the content to
// fresh storage, so that modifying the slice does not change that string;
// it panics with an error wrapping the allocator's if the allocator
// cannot provide it. A nil s returns nil.
func (s *String) Bytes() []byte {
	if s == nil {
		return nil
	}
	s.checkWrite("Bytes")
	if s.frozen.Load() > 0 {
		if len(s.buf) == 0 {
			s.drop()
		} else if err := s.copyOnWrite("Bytes", 0); err != nil {
			panic(err)
		}
	}
	return s.buf[:len(s.buf):len(s.buf)]
}

// Clear empties s. It keeps the storage for reuse unless a string
// returned by String shares it; then s drops it (without giving it back)
// and the next write allocates. Clear of a nil s does nothing.
func (s *String) Clear() {
	if s == nil {
		return
	}
	s.checkWrite("Clear")
	if s.frozen.Load() > 0 {
		s.drop()
		return
	}
	s.buf = s.buf[:0]
}

// Reset empties s and forgets its storage, like [strings.Builder.Reset]:
// the next write allocates. It does not give the storage back to the
// allocator. It is the one method that may be called on a String whose
// storage, but not the String itself, was released by
// [bump.Bump.ResetTo]; use [String.Clear] to reuse the storage instead.
// After Reset, s may be copied again, like a new String. Reset of a nil s
// does nothing.
func (s *String) Reset() {
	if s == nil {
		return
	}
	s.h.CheckLife(name)
	s.drop()
	s.h.Disown()
}

// drop forgets s's storage without freeing it.
func (s *String) drop() {
	s.buf = nil
	s.frozen.Store(0)
	s.h.Unstore()
	s.checkInvariants()
}
