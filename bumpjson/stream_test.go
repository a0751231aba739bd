package bumpjson_test

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// streams are inputs for the token-level comparison: sequences of values,
// values split by Token and Decode, and malformed streams.
var streams = []string{
	`1 2 3`, `{"a":1} {"b":[2]} "s" null true`, `[1, "two", {"three": 3}, [4]]`,
	`{"k": "v", "n": {"m": [1, 2, {"x": null}]}, "e": []}`, ` [ ] { } `, `1x`, `[1 2]`, `{"a" 1}`,
	`{"a":1,}`, `[1,]`, `]`, `}`, `:`, `,`, `{1:2}`, `[`, `{"a"`, `"unterminated`, `tru`, `[1,2`, `12.`,
	"\x01", `{"a":1 "b":2}`, `[{"a":1}{"b":2}]`, `1 2 ]`, `"\u00e9\ud83d\ude00"`, `[1e400, -0, 1.5e-7]`,
}

// tokens reads a stream with Token, Decode (of every other value inside
// arrays) and More, and records what each call returned and InputOffset
// after it.
func tokens[D interface {
	Token() (json.Token, error)
	Decode(any) error
	More() bool
	InputOffset() int64
	Buffered() io.Reader
}](d D) string {
	var b strings.Builder
	depth, n := 0, 0
	for range 200 {
		n++
		if depth > 0 && n%3 == 0 {
			more := d.More()
			var v any
			err := d.Decode(&v)
			fmt.Fprintf(&b, "more %v decode %#v %v @%d\n", more, v, errString(err), d.InputOffset())
			if err != nil {
				break
			}
			continue
		}
		t, err := d.Token()
		fmt.Fprintf(&b, "token %T %#v %v @%d\n", t, t, errString(err), d.InputOffset())
		if err != nil {
			break
		}
		switch t {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	rest, _ := io.ReadAll(d.Buffered())
	fmt.Fprintf(&b, "buffered %q\n", rest)
	return b.String()
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	if se, ok := err.(*json.SyntaxError); ok {
		return fmt.Sprintf("%T %v offset %d", err, err, se.Offset)
	}
	return fmt.Sprintf("%T %v", err, err)
}

// TestDecoderTokens compares bumpjson's Decoder with encoding/json's
// through Token, Decode, More, InputOffset and Buffered.
func TestDecoderTokens(t *testing.T) {
	for _, in := range streams {
		want := tokens(json.NewDecoder(strings.NewReader(in)))
		got := tokens(bumpjson.NewDecoder(new(bump.Bump), strings.NewReader(in)))
		if got != want {
			t.Errorf("input %q:\nencoding/json:\n%s\nbumpjson:\n%s", in, want, got)
		}
		// A reader that returns one byte at a time exercises refills.
		got = tokens(bumpjson.NewDecoder(nil, &oneByte{in}))
		want = tokens(json.NewDecoder(&oneByte{in}))
		if got != want {
			t.Errorf("input %q, one byte at a time:\nencoding/json:\n%s\nbumpjson:\n%s", in, want, got)
		}
	}
}

type oneByte struct{ s string }

func (r *oneByte) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}
