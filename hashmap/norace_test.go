//go:build !race

package hashmap_test

// raceEnabled scales long tests down under the race detector; see
// race_test.go.
const raceEnabled = false
