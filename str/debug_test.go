//go:build bumpdebug

package str_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

const staleMsg = "str: String used after its arena was reset (bumpdebug)"

func TestDebugUseAfterReset(t *testing.T) {
	uses := []struct {
		name string
		f    func(s *str.String)
	}{
		{"String", func(s *str.String) { _ = s.String() }},
		{"WriteString", func(s *str.String) { s.WriteString("x") }},
		{"WriteByte", func(s *str.String) { s.WriteByte('x') }},
		{"Truncate", func(s *str.String) { s.Truncate(0) }},
		{"Bytes", func(s *str.String) { s.Bytes() }},
		{"Insert", func(s *str.String) { s.Insert(0, "x") }},
	}
	for _, tc := range uses {
		t.Run(tc.name, func(t *testing.T) {
			var b bump.Bump
			s := str.From(&b, "abc")
			b.Reset()
			require.PanicsWithValue(t, staleMsg, func() { tc.f(s) })

			// Reset makes the String usable again.
			s.Reset()
			s.WriteString("new")
			require.Equal(t, "new", s.String())
		})
	}
}

func TestDebugResetTo(t *testing.T) {
	var b bump.Bump
	s := str.From(&b, "abc")
	cp := b.Checkpoint()
	require.NoError(t, b.ResetTo(cp))
	require.Equal(t, "abc", s.String(), "storage from before the checkpoint is still valid")

	s.WriteString(string(make([]byte, 1000))) // moves after the checkpoint
	require.NoError(t, b.ResetTo(cp))
	require.PanicsWithValue(t, staleMsg, func() { _ = s.String() })
}

func TestDebugHeapNeverStale(t *testing.T) {
	s := str.From(nil, "abc")
	s.WriteString("def")
	require.Equal(t, "abcdef", s.String())
}
