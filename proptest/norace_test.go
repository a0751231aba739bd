//go:build !race

package proptest

// raceEnabled scales the default number of generated cases down under the
// race detector; see race_test.go.
const raceEnabled = false
