//go:build !race

package bumpjson_test

const raceEnabled = false
