// Package bench compares bumpkit's containers with the peer libraries Go
// users would otherwise pick (cockroachdb/swiss, gammazero/deque). It is a
// module of its own so that the library's go.mod names none of them:
//
//	cd bench && go test -bench . -benchmem
package bench
