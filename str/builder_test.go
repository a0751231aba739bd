package str_test

// A port of the tests of strings.Builder (Go's src/strings/builder_test.go)
// to String: what a program moving from strings.Builder relies on. Each
// runs with every allocator of alloctest; String's additions (edits, copy
// on write) are tested in string_test.go.

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
)

func check(t *testing.T, b *str.String, want string) {
	t.Helper()
	got := b.String()
	if got != want {
		t.Errorf("String: got %#q; want %#q", got, want)
		return
	}
	if n := b.Len(); n != len(got) {
		t.Errorf("Len: got %d; but len(String()) is %d", n, len(got))
	}
	if n := b.Cap(); n < len(got) {
		t.Errorf("Cap: got %d; but len(String()) is %d", n, len(got))
	}
}

func TestBuilder(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		b := str.New(a)
		check(t, b, "")
		n, err := b.WriteString("hello")
		if err != nil || n != 5 {
			t.Errorf("WriteString: got %d,%s; want 5,nil", n, err)
		}
		check(t, b, "hello")
		if err = b.WriteByte(' '); err != nil {
			t.Errorf("WriteByte: %s", err)
		}
		check(t, b, "hello ")
		n, err = b.WriteString("world")
		if err != nil || n != 5 {
			t.Errorf("WriteString: got %d,%s; want 5,nil", n, err)
		}
		check(t, b, "hello world")
	})
}

func TestBuilderString(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		b := str.New(a)
		b.WriteString("alpha")
		check(t, b, "alpha")
		s1 := b.String()
		b.WriteString("beta")
		check(t, b, "alphabeta")
		s2 := b.String()
		b.WriteString("gamma")
		check(t, b, "alphabetagamma")
		s3 := b.String()

		// Check that subsequent operations didn't change the returned strings.
		if want := "alpha"; s1 != want {
			t.Errorf("first String result is now %q; want %q", s1, want)
		}
		if want := "alphabeta"; s2 != want {
			t.Errorf("second String result is now %q; want %q", s2, want)
		}
		if want := "alphabetagamma"; s3 != want {
			t.Errorf("third String result is now %q; want %q", s3, want)
		}
	})
}

func TestBuilderReset(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		b := str.New(a)
		check(t, b, "")
		b.WriteString("aaa")
		s := b.String()
		check(t, b, "aaa")
		b.Reset()
		check(t, b, "")

		// Ensure that writing after Reset doesn't alter
		// previously returned strings.
		b.WriteString("bbb")
		check(t, b, "bbb")
		if want := "aaa"; s != want {
			t.Errorf("previous String result changed after Reset: got %q; want %q", s, want)
		}
	})
}

// TestBuilderGrow is strings.Builder's test, on the Go heap (the zero
// String) and, with no allocation at all, in a warm arena.
func TestBuilderGrow(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts vary under the race detector")
	}
	for _, growLen := range []int{0, 100, 1000, 10000, 100000} {
		p := bytes.Repeat([]byte{'a'}, growLen)
		allocs := testing.AllocsPerRun(100, func() {
			var b str.String
			b.Grow(growLen) // should be only alloc, when growLen > 0
			if b.Cap() < growLen {
				t.Fatalf("growLen=%d: Cap() is lower than growLen", growLen)
			}
			b.Write(p)
			if b.String() != string(p) {
				t.Fatalf("growLen=%d: bad data written after Grow", growLen)
			}
		})
		wantAllocs := 1
		if growLen == 0 {
			wantAllocs = 0
		}
		if g, w := int(allocs), wantAllocs; g != w {
			t.Errorf("growLen=%d: got %d allocs during Write; want %v", growLen, g, w)
		}

		var arena bump.Bump
		allocs = testing.AllocsPerRun(100, func() {
			b := str.New(&arena)
			b.Grow(growLen)
			b.Write(p)
			if b.String() != string(p) {
				t.Fatalf("growLen=%d: bad data written after Grow", growLen)
			}
			arena.Reset()
		})
		if allocs != 0 && !lifecheckEnabled {
			t.Errorf("growLen=%d: got %v allocs in a warm arena; want 0", growLen, allocs)
		}
	}
	// when growLen < 0, should panic
	var a str.String
	n := -1
	defer func() {
		if r := recover(); r == nil {
			t.Errorf("a.Grow(%d) should panic()", n)
		}
	}()
	a.Grow(n)
}

func TestBuilderWrite2(t *testing.T) {
	const s0 = "hello 世界"
	for _, tt := range []struct {
		name string
		fn   func(b *str.String) (int, error)
		n    int
		want string
	}{
		{"Write", func(b *str.String) (int, error) { return b.Write([]byte(s0)) }, len(s0), s0},
		{"WriteRune", func(b *str.String) (int, error) { return b.WriteRune('a') }, 1, "a"},
		{"WriteRuneWide", func(b *str.String) (int, error) { return b.WriteRune('世') }, 3, "世"},
		{"WriteString", func(b *str.String) (int, error) { return b.WriteString(s0) }, len(s0), s0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				b := str.New(a)
				n, err := tt.fn(b)
				if err != nil {
					t.Fatalf("first call: got %s", err)
				}
				if n != tt.n {
					t.Errorf("first call: got n=%d; want %d", n, tt.n)
				}
				check(t, b, tt.want)

				n, err = tt.fn(b)
				if err != nil {
					t.Fatalf("second call: got %s", err)
				}
				if n != tt.n {
					t.Errorf("second call: got n=%d; want %d", n, tt.n)
				}
				check(t, b, tt.want+tt.want)
			})
		})
	}
}

func TestBuilderWriteByte(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		b := str.New(a)
		if err := b.WriteByte('a'); err != nil {
			t.Error(err)
		}
		if err := b.WriteByte(0); err != nil {
			t.Error(err)
		}
		check(t, b, "a\x00")
	})
}

// TestBuilderAllocs checks, as for strings.Builder (Go issue 23382), that
// the copy check does not make a String on the stack escape to the heap.
func TestBuilderAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts vary under the race detector")
	}
	n := testing.AllocsPerRun(10000, func() {
		var b str.String
		b.Grow(5)
		b.WriteString("abcde")
		_ = b.String()
	})
	if n != 1 {
		t.Errorf("String allocs = %v; want 1", n)
	}
}

func TestBuilderWriteInvalidRune(t *testing.T) {
	// Invalid runes, including negative ones, should be written as
	// utf8.RuneError.
	for _, r := range []rune{-1, utf8.MaxRune + 1} {
		var b str.String
		b.WriteRune(r)
		check(t, &b, "\uFFFD")
	}
}
