package bumpjson_test

import (
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
	stream := func(*json.Decoder, *bumpjson.Decoder) {}
	f.Fuzz(func(t *testing.T, in []byte, which uint8) {
		tg := targets[int(which)%len(targets)]
		decodeBoth(t, tg, in, nil)
		if which&0x80 != 0 {
			decodeBoth(t, tg, in, stream)
		}
	})
}
