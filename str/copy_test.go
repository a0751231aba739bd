package str_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// TestCopyPanics ports strings.Builder's TestBuilderCopyPanic: writing
// through a copy of a String that holds storage panics. Unlike
// strings.Builder, String also panics when String is called on a copy:
// the original may overwrite bytes it does not know the copy handed out
// (the bug this check fixes: a write through the original changed a
// string the copy had returned).
func TestCopyPanics(t *testing.T) {
	tests := []struct {
		name      string
		fn        func(b *str.String)
		wantPanic bool
	}{
		{"String", func(b *str.String) { _ = b.String() }, true},
		{"Len", func(b *str.String) { b.Len() }, false},
		{"Cap", func(b *str.String) { b.Cap() }, false},
		{"IsBoundary", func(b *str.String) { b.IsBoundary(0) }, false},
		{"Reset", func(b *str.String) { b.Reset(); b.WriteByte('y') }, false},
		{"Write", func(b *str.String) { b.Write([]byte("y")) }, true},
		{"WriteByte", func(b *str.String) { b.WriteByte('y') }, true},
		{"WriteString", func(b *str.String) { b.WriteString("y") }, true},
		{"WriteRune", func(b *str.String) { b.WriteRune('y') }, true},
		{"Grow", func(b *str.String) { b.Grow(2) }, true},
		{"TryGrow", func(b *str.String) { b.TryGrow(2) }, true},
		{"Truncate", func(b *str.String) { b.Truncate(0) }, true},
		{"Insert", func(b *str.String) { b.Insert(0, "y") }, true},
		{"Remove", func(b *str.String) { b.Remove(0, 1) }, true},
		{"Clear", func(b *str.String) { b.Clear() }, true},
		{"Bytes", func(b *str.String) { b.Bytes() }, true},
		{"AppendInt", func(b *str.String) { b.AppendInt(1, 10) }, true},
		{"AppendQuote", func(b *str.String) { b.AppendQuote("y") }, true},
		{"UnmarshalText", func(b *str.String) { b.UnmarshalText([]byte("y")) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				orig := str.New(a)
				orig.WriteByte('x')
				b := alloctest.CopyOf(orig)
				msg := panicValue(func() { tt.fn(b) })
				if !tt.wantPanic {
					require.Nil(t, msg)
					return
				}
				require.Equal(t, "str: "+tt.name+": String copied by value after first use", msg)
				// The original is untouched and still works.
				orig.WriteByte('z')
				require.Equal(t, "xz", orig.String())
			})
		})
	}
}

// TestCopyOfUnusedString checks that copying a String that holds no
// storage, as copying a zero strings.Builder, is harmless: each copy gets
// storage of its own.
func TestCopyOfUnusedString(t *testing.T) {
	var zero str.String
	a := alloctest.CopyOf(&zero)
	b := alloctest.CopyOf(&zero)
	a.WriteString("a")
	b.WriteString("b")
	require.Equal(t, "a", a.String())
	require.Equal(t, "b", b.String())
}

// TestCopyAfterReset checks that a String copied after Reset, which
// forgets the storage, may be used.
func TestCopyAfterReset(t *testing.T) {
	s := str.From(nil, "abc")
	s.Reset()
	c := alloctest.CopyOf(s)
	c.WriteString("d")
	require.Equal(t, "d", c.String())
}

// panicValue returns what f panics with, or nil.
func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
