package str_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

func TestSprintf(t *testing.T) {
	tests := []struct {
		format string
		args   []any
	}{
		{"", nil},
		{"plain", nil},
		{"%d %s %v", []any{42, "x", []int{1, 2}}},
		{"%q %x %08.3f", []any{"hé", 255, 3.14159}},
		{"%v", []any{strings.Repeat("long ", 1000)}},
		{"%d", []any{"wrong type"}},
		{"%!", nil},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
				got := str.Sprintf(a, tc.format, tc.args...)
				require.Equal(t, fmt.Sprintf(tc.format, tc.args...), got)
			})
		})
	}
}

// TestSprintfResultsIndependent checks that results formatted one after
// the other in an arena do not overwrite each other.
func TestSprintfResultsIndependent(t *testing.T) {
	var b bump.Bump
	var got []string
	for i := range 2000 {
		got = append(got, str.Sprintf(&b, "item %d of %s", i, "many"))
	}
	for i, s := range got {
		require.Equal(t, fmt.Sprintf("item %d of many", i), s)
	}
}

// TestStringOutlivesBump checks that arena strings keep their chunk alive
// for the garbage collector even when nothing else refers to the arena:
// a chunk is a Go allocation, and strings point into it.
func TestStringOutlivesBump(t *testing.T) {
	if lifecheckEnabled {
		t.Skip("the checked build's registry keeps an arena alive until it is reset")
	}
	var w weak.Pointer[bump.Bump]
	var s string
	func() {
		b := new(bump.Bump)
		w = weak.Make(b)
		sb := str.New(b)
		for i := range 100 {
			fmt.Fprintf(sb, "%d;", i)
		}
		s = sb.String()
	}()
	for range 5 {
		runtime.GC()
	}
	require.Nil(t, w.Value(), "the arena should have been collected")
	var want strings.Builder
	for i := range 100 {
		fmt.Fprintf(&want, "%d;", i)
	}
	require.Equal(t, want.String(), s)
}

// TestBuilderKeepsStorage checks that a String's content survives garbage
// collection while the builder is reachable.
func TestBuilderKeepsStorage(t *testing.T) {
	var b bump.Bump
	s := str.New(&b)
	s.WriteString(strings.Repeat("abc", 1000))
	for range 5 {
		runtime.GC()
	}
	require.Equal(t, strings.Repeat("abc", 1000), s.String())
}

// TestFormatLikeString checks that a *String prints as its content does,
// for every verb and flag.
func TestFormatLikeString(t *testing.T) {
	formats := []string{
		"%s", "%v", "%+v", "%#v", "%q", "%+q", "%#q", "%x", "% x", "%X", "%#x",
		"%10s", "%-10s|", "%.3s", "%10.2q", "%08s", "%d", "%t", "%c", "%U", "%e",
		"%[1]s %[1]q", "%*s", "%v %v",
	}
	inputs := []string{"", "hello", "héllo, 世界", "quote\"\\", "\x00\xff", "`back`", strings.Repeat("ab", 40)}
	for _, in := range inputs {
		alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
			s := str.From(a, in)
			for _, f := range formats {
				args := []any{s}
				wantArgs := []any{in}
				switch f {
				case "%*s":
					args, wantArgs = []any{7, s}, []any{7, in}
				case "%v %v":
					args, wantArgs = []any{s, s}, []any{in, in}
				}
				require.Equal(t, fmt.Sprintf(f, wantArgs...), fmt.Sprintf(f, args...), "format %s", f)
			}
			require.Equal(t, fmt.Sprint(in), fmt.Sprint(s))
			require.Equal(t, fmt.Sprintln(in, 1), fmt.Sprintln(s, 1))
			require.Equal(t, fmt.Sprintf("%v", []string{in}), fmt.Sprintf("%v", []*str.String{s}))
		})
	}
}

// TestFormatIntoItself formats a String into itself: Format reads it while
// fmt writes into its own buffer, and s is written only at the end.
func TestFormatIntoItself(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := str.From(a, "ab")
		for range 5 {
			str.Fprintf(s, "<%s>", s)
		}
		want := "ab"
		for range 5 {
			want += "<" + want + ">"
		}
		require.Equal(t, want, s.String())
	})
}
