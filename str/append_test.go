package str_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// escapes quotes to 14 bytes for every 6.
var escapes = strings.Repeat("\x01\xff\u2028", 50)

// appendCases pair each appender with strconv's, on values that are
// short, long (beyond the appenders' scratch room) and at the edges.
var appendCases = []struct {
	name string
	str  func(s *str.String)
	std  func(b []byte) []byte
}{
	{"Int", func(s *str.String) { s.AppendInt(-1234567, 10) }, func(b []byte) []byte { return strconv.AppendInt(b, -1234567, 10) }},
	{"Int-min-base2", func(s *str.String) { s.AppendInt(math.MinInt64, 2) }, func(b []byte) []byte { return strconv.AppendInt(b, math.MinInt64, 2) }},
	{"Int-base36", func(s *str.String) { s.AppendInt(math.MaxInt64, 36) }, func(b []byte) []byte { return strconv.AppendInt(b, math.MaxInt64, 36) }},
	{"Uint", func(s *str.String) { s.AppendUint(math.MaxUint64, 10) }, func(b []byte) []byte { return strconv.AppendUint(b, math.MaxUint64, 10) }},
	{"Uint-hex", func(s *str.String) { s.AppendUint(0xdeadbeef, 16) }, func(b []byte) []byte { return strconv.AppendUint(b, 0xdeadbeef, 16) }},
	{"Float-g", func(s *str.String) { s.AppendFloat(math.Pi, 'g', -1, 64) }, func(b []byte) []byte { return strconv.AppendFloat(b, math.Pi, 'g', -1, 64) }},
	{"Float-32", func(s *str.String) { s.AppendFloat(0.1, 'e', -1, 32) }, func(b []byte) []byte { return strconv.AppendFloat(b, 0.1, 'e', -1, 32) }},
	{"Float-f-huge", func(s *str.String) { s.AppendFloat(math.MaxFloat64, 'f', -1, 64) }, func(b []byte) []byte { return strconv.AppendFloat(b, math.MaxFloat64, 'f', -1, 64) }},
	{"Float-prec", func(s *str.String) { s.AppendFloat(1.0/3, 'f', 200, 64) }, func(b []byte) []byte { return strconv.AppendFloat(b, 1.0/3, 'f', 200, 64) }},
	{"Float-inf-nan", func(s *str.String) { s.AppendFloat(math.Inf(-1), 'g', -1, 64); s.AppendFloat(math.NaN(), 'x', 3, 64) }, func(b []byte) []byte {
		return strconv.AppendFloat(strconv.AppendFloat(b, math.Inf(-1), 'g', -1, 64), math.NaN(), 'x', 3, 64)
	}},
	{"Bool", func(s *str.String) { s.AppendBool(true); s.AppendBool(false) }, func(b []byte) []byte { return strconv.AppendBool(strconv.AppendBool(b, true), false) }},
	{"Quote", func(s *str.String) { s.AppendQuote("héllo\n\"x\"") }, func(b []byte) []byte { return strconv.AppendQuote(b, "héllo\n\"x\"") }},
	{"Quote-escapes", func(s *str.String) { s.AppendQuote(escapes) }, func(b []byte) []byte {
		return strconv.AppendQuote(b, escapes)
	}},
	{"Quote-empty", func(s *str.String) { s.AppendQuote("") }, func(b []byte) []byte { return strconv.AppendQuote(b, "") }},
}

// TestAppendersLikeStrconv checks each appender against strconv's, from
// an empty String, after content that fills the storage exactly, with
// little room left, and after String shares the bytes beyond Len.
func TestAppendersLikeStrconv(t *testing.T) {
	starts := []struct {
		name  string
		setup func(s *str.String) string
	}{
		{"empty", func(s *str.String) string { return "" }},
		{"full", func(s *str.String) string {
			s.Truncate(0)
			s.WriteString(strings.Repeat("f", s.Cap()-s.Len()))
			return s.String()
		}},
		{"little-room", func(s *str.String) string {
			s.Grow(100)
			x := strings.Repeat("r", s.Cap()-s.Len()-3)
			s.WriteString(x)
			return x
		}},
		{"shared-tail", func(s *str.String) string {
			s.WriteString("shared tail")
			_ = s.String()
			s.Truncate(6)
			return "shared"
		}},
	}
	for _, tc := range appendCases {
		for _, st := range starts {
			t.Run(tc.name+"/"+st.name, func(t *testing.T) {
				alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
					s := str.WithCapacity(a, 16)
					prefix := st.setup(s)
					before := s.String()
					tc.str(s)
					require.Equal(t, string(tc.std([]byte(prefix))), s.String())
					require.Equal(t, prefix, before[:len(prefix)], "a returned string changed")
				})
			})
		}
	}
}

// TestAppendersAfterGrow checks the failure rule: after Grow(n), appends
// of up to n bytes do not allocate, in an arena (no Go-heap allocation)
// and on the heap (one allocation, Grow's).
func TestAppendersAfterGrow(t *testing.T) {
	if raceEnabled || lifecheckEnabled {
		t.Skip("allocation counts vary under the race detector and in the checked build")
	}
	for _, tc := range appendCases {
		t.Run(tc.name, func(t *testing.T) {
			n := len(tc.std(nil))
			var arena bump.Bump
			got := testing.AllocsPerRun(50, func() {
				s := str.New(&arena)
				s.Grow(n)
				c := s.Cap()
				tc.str(s)
				if s.Cap() != c {
					t.Fatalf("appending %d bytes after Grow(%d) grew from %d to %d", n, n, c, s.Cap())
				}
				arena.Reset()
			})
			require.Zero(t, got, "Go-heap allocations in a warm arena")
			setup := testing.AllocsPerRun(50, func() {
				s := str.New(nil)
				s.Grow(n)
			})
			got = testing.AllocsPerRun(50, func() {
				s := str.New(nil)
				s.Grow(n)
				tc.str(s)
			})
			require.Equal(t, setup, got, "allocations on the heap beyond New and Grow")
		})
	}
}

// TestAppendIntNoHeapInArena checks that formatting numbers into a String
// in an arena costs no Go-heap allocation even while the storage grows.
func TestAppendIntNoHeapInArena(t *testing.T) {
	if raceEnabled || lifecheckEnabled {
		t.Skip("allocation counts vary under the race detector and in the checked build")
	}
	var arena bump.Bump
	got := testing.AllocsPerRun(50, func() {
		s := str.New(&arena)
		for i := range 1000 {
			s.AppendInt(int64(i)*7919, 10)
			s.AppendFloat(float64(i)/7, 'g', -1, 64)
			s.AppendBool(i%2 == 0)
			s.AppendQuote("q")
		}
		arena.Reset()
	})
	require.Zero(t, got)
}

func TestAppendBadBase(t *testing.T) {
	s := str.From(nil, "x")
	require.Panics(t, func() { s.AppendUint(1, 37) })
	require.Equal(t, "x", s.String())
}
