module github.com/bumpkit/bumpkit/bench

go 1.26.0

require (
	github.com/cockroachdb/swiss v0.0.0-20260820225851-333444432258
	github.com/gammazero/deque v1.2.3
)

require github.com/stretchr/testify v1.12.1 // indirect

replace github.com/bumpkit/bumpkit => ../
