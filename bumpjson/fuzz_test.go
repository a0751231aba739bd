package bumpjson_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/bumpkit/bumpkit/bumpjson"
)

// FuzzDifferential decodes arbitrary input with encoding/json and with
// bumpjson, into the heap and into an arena, for several target types,
// through Unmarshal and through a Decoder, and requires the same values
// and the same errors.
func FuzzDifferential(f *testing.F) {
	for _, in := range inputs {
		if len(in) < 4096 {
			f.Add([]byte(in), uint8(0))
		}
	}
	for _, in := range streams {
		f.Add([]byte(in), uint8(0xc0))
	}
	stream := func(*json.Decoder, *bumpjson.Decoder) {}
	f.Fuzz(func(t *testing.T, in []byte, which uint8) {
		tg := targets[int(which)%len(targets)]
		decodeBoth(t, tg, in, nil)
		if which&0x80 != 0 {
			decodeBoth(t, tg, in, stream)
		}
		if which&0x40 != 0 {
			want := tokens(json.NewDecoder(bytes.NewReader(in)))
			if got := tokens(bumpjson.NewDecoder(nil, bytes.NewReader(in))); got != want {
				t.Errorf("tokens of %q:\nencoding/json:\n%s\nbumpjson:\n%s", in, want, got)
			}
		}
	})
}
