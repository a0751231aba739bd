package str_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

var (
	_ json.Marshaler           = (*str.String)(nil)
	_ json.Unmarshaler         = (*str.String)(nil)
	_ encoding.TextMarshaler   = (*str.String)(nil)
	_ encoding.TextAppender    = (*str.String)(nil)
	_ encoding.TextUnmarshaler = (*str.String)(nil)
)

// jsonInputs are contents whose encoding differs from a naive quote:
// HTML characters, control characters, invalid UTF-8, line separators.
var jsonInputs = []string{
	"", "plain", "héllo, 世界 🙂", `quote " and \ backslash`, "<a href='x'>&amp;</a>",
	"tab\tnewline\n\x00\x1f", "bad \xff utf-8 \xc3", "\u2028\u2029", strings.Repeat("long ", 500),
}

// TestMarshalJSONLikeString checks that a String field encodes exactly as
// a string field does, with and without HTML escaping.
func TestMarshalJSONLikeString(t *testing.T) {
	for _, in := range jsonInputs {
		alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
			s := str.From(a, in)
			for _, html := range []bool{true, false} {
				encode := func(v any) string {
					var b bytes.Buffer
					e := json.NewEncoder(&b)
					e.SetEscapeHTML(html)
					require.NoError(t, e.Encode(v))
					return b.String()
				}
				want := encode(struct{ S string }{in})
				require.Equal(t, want, encode(struct{ S *str.String }{s}), "escapeHTML %v", html)
			}
			got, err := json.Marshal(s)
			require.NoError(t, err)
			want, _ := json.Marshal(in)
			require.Equal(t, string(want), string(got))
		})
	}
}

// TestJSONRoundTrip decodes what was encoded into a String built on each
// allocator, and into a nil pointer field.
func TestJSONRoundTrip(t *testing.T) {
	for _, in := range jsonInputs {
		want := strings.ToValidUTF8(in, "\uFFFD")
		alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
			data, err := json.Marshal(str.From(a, in))
			require.NoError(t, err)

			s := str.From(a, "previous content")
			prev := s.String()
			require.NoError(t, json.Unmarshal(data, s))
			require.Equal(t, want, s.String())
			require.Equal(t, "previous content", prev, "a returned string changed")
			require.Equal(t, a, s.Allocator())

			var v struct{ S *str.String }
			require.NoError(t, json.Unmarshal([]byte(`{"S":`+string(data)+`}`), &v))
			require.Equal(t, want, v.S.String())
			require.Nil(t, v.S.Allocator(), "encoding/json makes a heap String")
		})
	}
}

// TestUnmarshalJSONErrors checks that null leaves a String unchanged, as
// it leaves a string, and that other JSON values return an error and
// leave it unchanged and usable.
func TestUnmarshalJSONErrors(t *testing.T) {
	alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
		s := str.From(a, "keep")
		require.NoError(t, json.Unmarshal([]byte("null"), s))
		require.Equal(t, "keep", s.String())
		for _, bad := range []string{`1`, `true`, `["x"]`, `{"a":1}`} {
			err := json.Unmarshal([]byte(bad), s)
			var te *json.UnmarshalTypeError
			require.ErrorAs(t, err, &te, bad)
			require.Equal(t, "keep", s.String())
		}
		require.Error(t, s.UnmarshalJSON([]byte(`"unterminated`)))
		require.Equal(t, "keep", s.String())
		s.WriteString("!")
		require.Equal(t, "keep!", s.String())
	})
}

func TestTextRoundTrip(t *testing.T) {
	for _, in := range jsonInputs {
		alloctest.ForEach(t, func(t *testing.T, a bump.Allocator) {
			text, err := str.From(a, in).MarshalText()
			require.NoError(t, err)
			require.Equal(t, in, string(text))

			s := str.New(a)
			s.WriteString("old")
			require.NoError(t, s.UnmarshalText(text))
			require.Equal(t, in, s.String())

			appended, err := s.AppendText([]byte("<"))
			require.NoError(t, err)
			require.Equal(t, "<"+in, string(appended))
		})
	}
}

// TestMarshalTextCopies checks that the caller may modify what
// MarshalText returns.
func TestMarshalTextCopies(t *testing.T) {
	s := str.From(nil, "abc")
	b, _ := s.MarshalText()
	b[0] = 'X'
	require.Equal(t, "abc", s.String(), "MarshalText shared the storage")
}

// TestJSONValueField checks the documented behaviour of a String (not
// *String) field: encoded as a string through a pointer to the struct,
// decoded in place.
func TestJSONValueField(t *testing.T) {
	type withValue struct{ S str.String }
	var v withValue
	v.S.WriteString("hi")
	data, err := json.Marshal(&v)
	require.NoError(t, err)
	require.Equal(t, `{"S":"hi"}`, string(data))

	var w withValue
	require.NoError(t, json.Unmarshal([]byte(`{"S":"yo"}`), &w))
	require.Equal(t, "yo", w.S.String())
}
