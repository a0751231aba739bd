//go:build race

package main

// raceEnabled is set under the race detector, whose sync.Pool drops
// items at random and which makes decoding several times slower: the
// heap figures are neither measured nor checked then.
const raceEnabled = true
