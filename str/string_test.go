package str_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// The interfaces String promises.
var (
	_ io.Writer       = (*str.String)(nil)
	_ io.StringWriter = (*str.String)(nil)
	_ io.ByteWriter   = (*str.String)(nil)
	_ fmt.Stringer    = (*str.String)(nil)
)

// data returns the address of the first byte of x, to tell whether two
// strings share storage.
func data(x string) *byte { return unsafe.StringData(x) }

func TestZeroValue(t *testing.T) {
	var s str.String
	require.Equal(t, "", s.String())
	require.Equal(t, 0, s.Len())
	require.Equal(t, 0, s.Cap())
	require.Empty(t, s.Bytes())
	require.Nil(t, s.Allocator())
	s.Clear()
	s.Reset()
	s.Truncate(0)
	s.Remove(0, 0)
	s.Insert(0, "")
	require.Equal(t, "", s.String())
	_, err := s.WriteString("hi")
	require.NoError(t, err)
	require.Equal(t, "hi", s.String())
}

func TestConstructors(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := str.New(a)
		require.Equal(t, a, s.Allocator())
		require.Equal(t, 0, s.Cap())

		w := str.WithCapacity(a, 100)
		require.GreaterOrEqual(t, w.Cap(), 100)
		require.Equal(t, "", w.String())

		f := str.From(a, "héllo")
		require.Equal(t, "héllo", f.String())
		require.Equal(t, len("héllo"), f.Len())

		require.Equal(t, "", str.From(a, "").String())
		require.Equal(t, 0, str.WithCapacity(a, 0).Cap())
	})
}

func TestWrites(t *testing.T) {
	tests := []struct {
		name  string
		write func(s *str.String) (int, error)
		want  string
		n     int
	}{
		{"Write", func(s *str.String) (int, error) { return s.Write([]byte("abc")) }, "abc", 3},
		{"Write-empty", func(s *str.String) (int, error) { return s.Write(nil) }, "", 0},
		{"WriteString", func(s *str.String) (int, error) { return s.WriteString("héllo") }, "héllo", 6},
		{"WriteByte", func(s *str.String) (int, error) { return 1, s.WriteByte('x') }, "x", 1},
		{"WriteRune-ascii", func(s *str.String) (int, error) { return s.WriteRune('a') }, "a", 1},
		{"WriteRune-multibyte", func(s *str.String) (int, error) { return s.WriteRune('世') }, "世", 3},
		{"WriteRune-4byte", func(s *str.String) (int, error) { return s.WriteRune('🙂') }, "🙂", 4},
		{"WriteRune-invalid", func(s *str.String) (int, error) { return s.WriteRune(-1) }, "\uFFFD", 3},
		{"WriteRune-surrogate", func(s *str.String) (int, error) { return s.WriteRune(0xD800) }, "\uFFFD", 3},
		{"Fprintf", func(s *str.String) (int, error) { return str.Fprintf(s, "%d-%s", 42, "x") }, "42-x", 4},
		{"fmt.Fprint", func(s *str.String) (int, error) { return fmt.Fprint(s, 1.5, true) }, "1.5 true", 8},
		{"io.Copy", func(s *str.String) (int, error) {
			n, err := io.Copy(s, strings.NewReader(strings.Repeat("z", 5000)))
			return int(n), err
		}, strings.Repeat("z", 5000), 5000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				s := str.From(a, "<")
				n, err := tc.write(s)
				require.NoError(t, err)
				require.Equal(t, tc.n, n)
				require.Equal(t, "<"+tc.want, s.String())
				require.Equal(t, 1+len(tc.want), s.Len())
			})
		})
	}
}

func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		in   string
		edit func(s *str.String) error
		want string
	}{
		{"truncate", "héllo", func(s *str.String) error { s.Truncate(3); return nil }, "hé"},
		{"truncate-all", "abc", func(s *str.String) error { s.Truncate(0); return nil }, ""},
		{"truncate-none", "abc", func(s *str.String) error { s.Truncate(3); return nil }, "abc"},
		{"insert-front", "world", func(s *str.String) error { s.Insert(0, "hello "); return nil }, "hello world"},
		{"insert-middle", "hé!", func(s *str.String) error { s.Insert(3, "llo"); return nil }, "héllo!"},
		{"insert-end", "ab", func(s *str.String) error { s.Insert(2, "cd"); return nil }, "abcd"},
		{"insert-empty", "ab", func(s *str.String) error { s.Insert(1, ""); return nil }, "ab"},
		{"insert-into-empty", "", func(s *str.String) error { s.Insert(0, "x"); return nil }, "x"},
		{"remove-middle", "héllo", func(s *str.String) error { s.Remove(1, 3); return nil }, "hllo"},
		{"remove-front", "abc", func(s *str.String) error { s.Remove(0, 1); return nil }, "bc"},
		{"remove-end", "abc", func(s *str.String) error { s.Remove(1, 3); return nil }, "a"},
		{"remove-all", "abc", func(s *str.String) error { s.Remove(0, 3); return nil }, ""},
		{"remove-nothing", "abc", func(s *str.String) error { s.Remove(2, 2); return nil }, "abc"},
		{"clear", "abc", func(s *str.String) error { s.Clear(); return nil }, ""},
		{"reset", "abc", func(s *str.String) error { s.Reset(); return nil }, ""},
		{"bytes", "abc", func(s *str.String) error { s.Bytes()[1] = 'X'; return nil }, "aXc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				s := str.From(a, tc.in)
				require.NoError(t, tc.edit(s))
				require.Equal(t, tc.want, s.String())
				// s still works after the edit.
				_, err := s.WriteString("+")
				require.NoError(t, err)
				require.Equal(t, tc.want+"+", s.String())
			})
		})
	}
}

// TestStringImmutable checks that a string returned by String never
// changes, whatever the builder does next.
func TestStringImmutable(t *testing.T) {
	const initial = "hello, wörld"
	tests := []struct {
		name string
		edit func(s *str.String)
		want string // the builder's content after the edit
	}{
		{"append", func(s *str.String) { s.WriteString("!") }, initial + "!"},
		{"append-grow", func(s *str.String) { s.WriteString(strings.Repeat("x", 10_000)) }, initial + strings.Repeat("x", 10_000)},
		{"append-after-other-alloc", func(s *str.String) {
			if b, ok := s.Allocator().(*bump.Bump); ok {
				bump.String(b, "other")
			}
			s.WriteString(strings.Repeat("y", 1000))
		}, initial + strings.Repeat("y", 1000)},
		{"truncate-write", func(s *str.String) { s.Truncate(5); s.WriteString("XXXXXXXXXXXXXXXXXX") }, "helloXXXXXXXXXXXXXXXXXX"},
		{"truncate-writebyte", func(s *str.String) { s.Truncate(0); s.WriteByte('Z') }, "Z"},
		{"truncate-writerune", func(s *str.String) { s.Truncate(1); s.WriteRune('ö') }, "hö"},
		{"truncate-write-bytes", func(s *str.String) { s.Truncate(2); s.Write([]byte("YY")) }, "heYY"},
		{"truncate-fprintf", func(s *str.String) { s.Truncate(0); str.Fprintf(s, "%05d", 7) }, "00007"},
		{"truncate-grow-write", func(s *str.String) { s.Truncate(3); s.Grow(100); s.WriteString("Q") }, "helQ"},
		{"insert-front", func(s *str.String) { s.Insert(0, ">>") }, ">>" + initial},
		{"insert-middle", func(s *str.String) { s.Insert(5, "!") }, "hello!, wörld"},
		{"remove-front", func(s *str.String) { s.Remove(0, 7) }, "wörld"},
		{"remove-middle", func(s *str.String) { s.Remove(5, 7) }, "hellowörld"},
		{"remove-tail-write", func(s *str.String) { s.Remove(5, len(initial)); s.WriteString("??") }, "hello??"},
		{"clear-write", func(s *str.String) { s.Clear(); s.WriteString("new content!") }, "new content!"},
		{"reset-write", func(s *str.String) { s.Reset(); s.WriteString("new content!") }, "new content!"},
		{"bytes-modify", func(s *str.String) {
			b := s.Bytes()
			for i := range b {
				b[i] = '#'
			}
		}, strings.Repeat("#", len(initial))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				s := str.From(a, initial)
				got := s.String()
				tc.edit(s)
				// Allocate and write more, to reuse any storage that was
				// wrongly given back.
				if b, ok := a.(*bump.Bump); ok {
					for range 10 {
						copy(bump.Bytes(b, 64), strings.Repeat("*", 64))
					}
				}
				require.Equal(t, initial, got, "a string returned by String changed")
				require.Equal(t, tc.want, s.String())
			})
		})
	}
}

// TestStringNoCopy checks that String shares the builder's storage when
// nothing forces a copy.
func TestStringNoCopy(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := str.WithCapacity(a, 64)
		s.WriteString("hello")
		p := s.Bytes()
		first := s.String()
		require.Same(t, &p[0], data(first), "String copied")
		require.Same(t, data(first), data(s.String()), "a second String copied")

		// Appending within capacity writes past the shared bytes.
		s.WriteString(", world")
		second := s.String()
		require.Same(t, data(first), data(second))
		require.Equal(t, "hello", first)
		require.Equal(t, "hello, world", second)

		// Truncating returns a prefix of the same bytes.
		s.Truncate(4)
		require.Same(t, data(first), data(s.String()))
		require.Equal(t, "hell", s.String())

		// Only writing over shared bytes moves the content.
		s.WriteString("!")
		require.NotSame(t, data(first), data(s.String()))
		require.Equal(t, "hell!", s.String())
		require.Equal(t, "hello, world", second)
	})
}

// TestSharedGrowsInPlace checks that a Bump extends shared storage in
// place rather than copying it, when it is the newest allocation.
func TestSharedGrowsInPlace(t *testing.T) {
	b := bump.WithCapacity(1 << 16)
	s := str.From(b, "abc")
	first := s.String()
	s.WriteString(strings.Repeat("d", 1000))
	require.Same(t, data(first), data(s.String()))
	require.Equal(t, "abc", first)
}

// TestGrowthAcrossChunks writes far more than one chunk holds, with other
// allocations in between, so that growth moves the content between
// chunks.
func TestGrowthAcrossChunks(t *testing.T) {
	var b bump.Bump
	s := str.New(&b)
	var want strings.Builder
	var snaps []string
	for i := range 50_000 {
		fmt.Fprintf(s, "%d,", i)
		fmt.Fprintf(&want, "%d,", i)
		if i%997 == 0 {
			_ = bump.String(&b, "interleaved")
			snaps = append(snaps, s.String())
		}
	}
	chunks := 0
	for range b.Chunks() {
		chunks++
	}
	require.Greater(t, chunks, 2)
	require.Equal(t, want.String(), s.String())
	for _, snap := range snaps {
		require.True(t, strings.HasPrefix(want.String(), snap))
	}
}

func TestGrow(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := str.From(a, "ab")
		s.Grow(100)
		require.GreaterOrEqual(t, s.Cap()-s.Len(), 100)
		p := data(s.String())
		s.WriteString(strings.Repeat("c", 100))
		require.Same(t, p, data(s.String()), "writes within Grow's room moved the content")

		// After String and Truncate, Grow also moves the content so that
		// the writes it made room for do not have to.
		s.Truncate(1)
		s.Grow(10)
		q := data(s.String())
		require.NotSame(t, p, q)
		s.WriteString("0123456789")
		require.Same(t, q, data(s.String()))
		require.Equal(t, "a0123456789", s.String())
	})
}

func TestPanics(t *testing.T) {
	s := func() *str.String { return str.From(nil, "héllo") } // é is bytes 1-2
	tests := []struct {
		name string
		f    func()
		msg  string
	}{
		{"Truncate-range", func() { s().Truncate(7) }, "str: Truncate: slice bounds out of range [:7] with length 6"},
		{"Truncate-negative", func() { s().Truncate(-1) }, "str: Truncate: negative length -1"},
		{"Truncate-split", func() { s().Truncate(2) }, "str: Truncate: index 2 splits a UTF-8 sequence"},
		{"Insert-range", func() { s().Insert(8, "x") }, "str: Insert: index 8 out of range [0:7]"},
		{"Insert-negative", func() { s().Insert(-1, "x") }, "str: Insert: index -1 out of range [0:7]"},
		{"Insert-split", func() { s().Insert(2, "x") }, "str: Insert: index 2 splits a UTF-8 sequence"},
		{"Remove-range", func() { s().Remove(3, 9) }, "str: Remove: slice bounds out of range [3:9] with length 6"},
		{"Remove-inverted", func() { s().Remove(3, 1) }, "str: Remove: slice bounds out of range [3:1]"},
		{"Remove-negative", func() { s().Remove(-1, 1) }, "str: Remove: slice bounds out of range [-1:1]"},
		{"Remove-split-start", func() { s().Remove(2, 3) }, "str: Remove: index 2 splits a UTF-8 sequence"},
		{"Remove-split-end", func() { s().Remove(0, 2) }, "str: Remove: index 2 splits a UTF-8 sequence"},
		{"Grow", func() { s().Grow(-1) }, "str: Grow: negative count -1"},
		{"TryGrow", func() { _ = s().TryGrow(-2) }, "str: TryGrow: negative count -2"},
		{"WithCapacity", func() { str.WithCapacity(nil, -1) }, "str: WithCapacity: negative capacity -1"},
		{"AppendInt-base", func() { s().AppendInt(1, 1) }, "strconv: illegal AppendInt/FormatInt base"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.PanicsWithValue(t, tc.msg, tc.f)
		})
	}
}

func TestIsBoundary(t *testing.T) {
	s := str.From(nil, "aé🙂")
	want := []bool{true, true, false, true, false, false, false, true}
	for i, w := range want {
		require.Equal(t, w, s.IsBoundary(i), "index %d", i)
	}
	require.False(t, s.IsBoundary(-1))
	require.False(t, s.IsBoundary(8))
}

// full returns a String in an arena whose limit allows no more chunks, and
// that has called String so that edits must copy.
func full(t *testing.T) *str.String {
	b := bump.WithCapacity(64)
	s := str.From(b, "héllo")
	_ = bump.Bytes(b, b.ChunkCapacity()) // nothing can grow in place
	b.SetAllocationLimit(b.AllocatedBytes())
	require.Equal(t, "héllo", s.String())
	return s
}

func TestAllocationLimit(t *testing.T) {
	big := strings.Repeat("x", 1<<16)
	tests := []struct {
		name string
		op   func(s *str.String) error
	}{
		{"Write", func(s *str.String) error {
			n, err := s.Write([]byte(big))
			require.Zero(t, n)
			return err
		}},
		{"WriteString", func(s *str.String) error {
			n, err := s.WriteString(big)
			require.Zero(t, n)
			return err
		}},
		{"WriteByte", func(s *str.String) error {
			for {
				if err := s.WriteByte('x'); err != nil {
					return err
				}
			}
		}},
		{"WriteRune", func(s *str.String) error {
			for {
				if _, err := s.WriteRune('ö'); err != nil {
					return err
				}
			}
		}},
		{"TryGrow", func(s *str.String) error { return s.TryGrow(1 << 16) }},
		{"truncate-write", func(s *str.String) error { s.Truncate(1); return s.WriteByte('y') }},
		{"Fprintf", func(s *str.String) error { _, err := str.Fprintf(s, "%s", big); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := full(t)
			err := tc.op(s)
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.Regexp(t, `^str: [A-Za-z]+: bump: `, err.Error())
			require.True(t, strings.HasPrefix(s.String(), "h"), "content lost: %q", s.String())
		})
	}

	panicking := []struct {
		name string
		f    func(s *str.String)
	}{
		{"Grow", func(s *str.String) { s.Grow(1 << 16) }},
		{"Bytes", func(s *str.String) { s.Bytes() }},
		{"Insert", func(s *str.String) { s.Insert(0, "x") }},
		{"Remove", func(s *str.String) { s.Remove(0, 1) }},
		{"AppendInt", func(s *str.String) { s.AppendInt(-12345, 10) }},
		{"AppendUint", func(s *str.String) { s.AppendUint(1<<63, 2) }},
		{"AppendFloat", func(s *str.String) { s.AppendFloat(1.5, 'g', -1, 64) }},
		{"AppendBool", func(s *str.String) { s.AppendBool(false) }},
		{"AppendQuote", func(s *str.String) { s.AppendQuote(big) }},
		{"UnmarshalText", func(s *str.String) { must(s.UnmarshalText([]byte(big))) }},
		{"UnmarshalJSON", func(s *str.String) { must(s.UnmarshalJSON([]byte(`"` + big + `"`))) }},
		{"Sprintf", func(s *str.String) { str.Sprintf(s.Allocator(), "%s", big) }},
		{"WithCapacity", func(s *str.String) { str.WithCapacity(s.Allocator(), 1<<16) }},
		{"From", func(s *str.String) { str.From(s.Allocator(), big) }},
	}
	for _, tc := range panicking {
		t.Run(tc.name, func(t *testing.T) {
			s := full(t)
			err := alloctest.Catch(func() { tc.f(s) })
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			// One str: prefix naming the method, then bump's own text.
			require.Regexp(t, `^str: [A-Za-z]+: bump: `, err.Error())
			require.Equal(t, 1, strings.Count(err.Error(), "str:"), err.Error())
			require.Equal(t, "héllo", s.String())
		})
	}
}

// must turns an error into a panic, for tests that treat panicking and
// failing methods alike.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

func TestErrorsAreSentinels(t *testing.T) {
	s := full(t)
	_, err := s.WriteString(strings.Repeat("x", 1000))
	require.True(t, errors.Is(err, bump.ErrAllocationLimit))
	require.False(t, errors.Is(err, bump.ErrInvalidSize))
}
