package str

import (
	"fmt"
	"sync"

	"github.com/bumpkit/bumpkit/bump"
)

// formatters holds the Strings Sprintf formats into. A String passed to
// fmt as an io.Writer escapes to the heap, so Sprintf reuses them rather
// than allocating one a call.
var formatters = sync.Pool{New: func() any { return new(String) }}

// Sprintf formats according to a format specifier, like [fmt.Sprintf],
// and returns the resulting string, whose bytes are allocated from a (the
// Go heap if a is nil). With a [*bump.Bump], formatting then allocates
// nothing from the Go heap but what fmt itself needs (such as boxing
// arguments), and the result is valid until the arena is reset. It
// panics if a cannot provide the storage, with an error wrapping
// [bump.ErrAllocationLimit] if the arena's limit is the cause.
func Sprintf(a bump.Allocator, format string, args ...any) string {
	s := formatters.Get().(*String)
	s.a = a
	_, err := fmt.Fprintf(s, format, args...)
	r := s.String()
	s.Reset()
	s.a = nil
	formatters.Put(s)
	if err != nil {
		panic(err)
	}
	return r
}

// Fprintf formats according to a format specifier and appends the result
// to s, like [fmt.Fprintf] with s as the writer. It returns the number of
// bytes written and any error from s, such as one wrapping
// [bump.ErrAllocationLimit].
func Fprintf(s *String, format string, args ...any) (int, error) {
	return fmt.Fprintf(s, format, args...)
}
