//go:build race

package hashmap_test

// raceEnabled scales long tests down: the race detector makes every step
// several times slower.
const raceEnabled = true
