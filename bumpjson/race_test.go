//go:build race

package bumpjson_test

// raceEnabled is set under the race detector, whose sync.Pool drops
// items at random: the Go heap figures are not checked then.
const raceEnabled = true
