//go:build race

package proptest

// raceEnabled scales the default number of generated cases down: the race
// detector makes every step several times slower, and CI runs it.
const raceEnabled = true
