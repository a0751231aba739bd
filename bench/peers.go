package bench

// The peers, imported here so that go mod tidy keeps them.
import (
	_ "github.com/cockroachdb/swiss"
	_ "github.com/gammazero/deque"
	_ "github.com/goccy/go-json"
	_ "github.com/google/btree"
	_ "github.com/segmentio/encoding/json"
	_ "github.com/tidwall/btree"
)
