//go:build !bumpdebug

package bump

import "reflect"

// scalarRun and scalarRuns are the checked build's poison pattern (see
// debug_on.go); reflectSlab refers to them only under debugBuild.
type scalarRun struct {
	off, n uintptr
	fill   byte
}

func scalarRuns(reflect.Type, uintptr, []scalarRun) []scalarRun { return nil }
