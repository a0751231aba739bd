//go:build bumpdebug

package str_test

import (
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

const staleMsg = "str: String used after its arena was reset"

// uses are the methods a String used after its arena was reset must
// refuse.
var uses = []struct {
	name string
	f    func(s *str.String)
}{
	{"String", func(s *str.String) { _ = s.String() }},
	{"Write", func(s *str.String) { s.Write([]byte("x")) }},
	{"WriteString", func(s *str.String) { s.WriteString("x") }},
	{"WriteByte", func(s *str.String) { s.WriteByte('x') }},
	{"WriteRune", func(s *str.String) { s.WriteRune('x') }},
	{"Grow", func(s *str.String) { s.Grow(10) }},
	{"Truncate", func(s *str.String) { s.Truncate(0) }},
	{"Bytes", func(s *str.String) { s.Bytes() }},
	{"Insert", func(s *str.String) { s.Insert(0, "x") }},
	{"Remove", func(s *str.String) { s.Remove(0, 1) }},
	{"Clear", func(s *str.String) { s.Clear() }},
	{"AppendInt", func(s *str.String) { s.AppendInt(1, 10) }},
	{"AppendQuote", func(s *str.String) { s.AppendQuote("x") }},
	{"MarshalJSON", func(s *str.String) { s.MarshalJSON() }},
	{"UnmarshalText", func(s *str.String) { s.UnmarshalText([]byte("x")) }},
}

// TestDebugUseAfterReset: a String made in an arena, the String itself
// included, is gone after Reset; every method says so.
func TestDebugUseAfterReset(t *testing.T) {
	for _, tc := range uses {
		t.Run(tc.name, func(t *testing.T) {
			var b bump.Bump
			s := str.From(&b, "abc")
			b.Reset()
			require.PanicsWithValue(t, staleMsg, func() { tc.f(s) })
			require.PanicsWithValue(t, staleMsg, func() { s.Reset() })
		})
	}
}

// TestDebugResetToPastCreation: rewinding past the String's creation
// releases the String itself.
func TestDebugResetToPastCreation(t *testing.T) {
	for _, tc := range uses {
		t.Run(tc.name, func(t *testing.T) {
			var b bump.Bump
			cp := b.Checkpoint()
			s := str.New(&b)
			require.NoError(t, b.ResetTo(cp))
			require.PanicsWithValue(t, staleMsg, func() { tc.f(s) })
		})
	}
}

// TestDebugResetToPastStorage: rewinding past storage the String still
// uses, but not past the String, is caught too; Reset then makes the
// String usable again, since it forgets the storage.
func TestDebugResetToPastStorage(t *testing.T) {
	for _, tc := range uses {
		t.Run(tc.name, func(t *testing.T) {
			var b bump.Bump
			s := str.From(&b, "abc")
			cp := b.Checkpoint()
			require.NoError(t, b.ResetTo(cp))
			require.Equal(t, "abc", s.String(), "storage from before the checkpoint is still valid")

			cp = b.Checkpoint()
			s.WriteString(strings.Repeat("x", 1000)) // moves after the checkpoint
			require.NoError(t, b.ResetTo(cp))
			require.PanicsWithValue(t, staleMsg, func() { tc.f(s) })

			s.Reset()
			s.WriteString("new")
			require.Equal(t, "new", s.String())
		})
	}
}

// TestDebugCorrectUseQuiet: a String used within its arena's lifetime is
// never reported, across growth, edits, checkpoints it outlives and
// storage it gives back.
func TestDebugCorrectUseQuiet(t *testing.T) {
	var b bump.Bump
	for round := range 3 {
		s := str.New(&b)
		cp := b.Checkpoint()
		inner := str.From(&b, "inner")
		inner.WriteString(strings.Repeat("y", 5000))
		require.NoError(t, b.ResetTo(cp))
		for i := range 2000 {
			s.AppendInt(int64(i), 10)
			s.WriteByte(',')
			if i%100 == 0 {
				_ = s.String()
				s.Insert(0, "<")
				s.Remove(0, 1)
			}
		}
		require.True(t, strings.HasPrefix(s.String(), "0,1,2,"), "round %d", round)
		b.Reset()
	}
}

func TestDebugHeapNeverStale(t *testing.T) {
	s := str.From(nil, "abc")
	s.WriteString("def")
	require.Equal(t, "abcdef", s.String())
}
