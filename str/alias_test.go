package str_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// TestWriteOwnBytes writes a String's own Bytes to it, which with a
// bytes.Buffer doubles the content. The sizes make the growth move the
// content out of a Bump's current chunk into a large chunk, after which
// the old storage is the newest of the current chunk: giving it back
// before the copy clears it.
func TestWriteOwnBytes(t *testing.T) {
	const n = 150 << 10
	content := strings.Repeat("abcdefgh", n/8)
	allocators := []struct {
		name string
		a    bump.Allocator
	}{
		{"heap", nil},
		{"bump", bump.WithCapacity(n + 1024)},
		{"small-bump", bump.WithCapacity(64)},
	}
	for _, tc := range allocators {
		t.Run(tc.name, func(t *testing.T) {
			s := str.WithCapacity(tc.a, n)
			s.WriteString(content)
			_, err := s.Write(s.Bytes())
			require.NoError(t, err)
			require.Equal(t, content+content, s.String())
		})
	}
	// String shares the storage, then Bytes moves the content, then Write
	// grows the unshared copy.
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := str.From(a, "hello")
		for range 12 {
			want := bytes.Repeat(s.Bytes(), 2)
			_, err := s.Write(s.Bytes())
			require.NoError(t, err)
			require.Equal(t, string(want), s.String())
		}
	})
}

// TestEmptyWritesDoNotCopy checks that writing nothing after a Truncate
// below what String returned leaves the shared storage in place: there
// is nothing to overwrite.
func TestEmptyWritesDoNotCopy(t *testing.T) {
	writes := []struct {
		name  string
		write func(s *str.String) error
	}{
		{"Write", func(s *str.String) error { _, err := s.Write(nil); return err }},
		{"WriteString", func(s *str.String) error { _, err := s.WriteString(""); return err }},
		{"TryGrow", func(s *str.String) error { return s.TryGrow(0) }},
		{"Fprintf", func(s *str.String) error { _, err := str.Fprintf(s, ""); return err }},
	}
	for _, tc := range writes {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				s := str.From(a, "hello")
				first := s.String()
				s.Truncate(2)
				require.NoError(t, tc.write(s))
				require.Same(t, data(first), data(s.String()))
				require.Equal(t, "he", s.String())
			})
		})
	}
}
