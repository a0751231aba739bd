//go:build bumpdebug

package main

// checkedBuild reports whether the tests run in bump's checked build,
// which quarantines released chunks and so takes fresh ones from the Go
// heap: the heap figures are not its to meet.
const checkedBuild = true
