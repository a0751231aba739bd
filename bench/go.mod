module github.com/bumpkit/bumpkit/bench

go 1.26.0

require (
	github.com/bumpkit/bumpkit v0.0.0-00010101000000-000000000000
	github.com/cockroachdb/swiss v0.0.0-20260820225851-333444432258
	github.com/gammazero/deque v1.2.3
	github.com/goccy/go-json v0.12.0
	github.com/google/btree v1.1.3
	github.com/segmentio/encoding v0.5.4
	github.com/tidwall/btree v1.8.2
)

require (
	github.com/segmentio/asm v1.1.3 // indirect
	golang.org/x/sys v0.17.0 // indirect
)

replace github.com/bumpkit/bumpkit => ../
