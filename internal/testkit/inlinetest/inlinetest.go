// Package inlinetest checks that the compiler inlines a fast path where
// users call it: it builds a small program that calls the path from
// another package, as users do, with -gcflags=-m, and looks for the
// compiler's "inlining call to" lines. (A generic method is compiled in
// the package that instantiates it, so only a caller in another package
// shows what users get.)
package inlinetest

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// A Report is what the compiler said about inlining while building a
// program.
type Report string

// Build compiles the main package in dir with -gcflags=-m and returns the
// compiler's report. It skips t in -short mode (building takes seconds)
// and when the go command is not available, and fails t if the build
// fails.
func Build(t *testing.T, dir string) Report {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a program")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	out, err := exec.Command(goTool, "build", "-gcflags=-m", "-o", filepath.Join(t.TempDir(), "inline"), dir).CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m %s: %v\n%s", dir, err, out)
	}
	return Report(out)
}

// Inlined reports whether a call in file (a base name, such as main.go)
// to callee (as the compiler prints it, such as
// "vec.(*Vec[go.shape.int]).Push") was inlined.
func (r Report) Inlined(file, callee string) bool {
	re := regexp.MustCompile(regexp.QuoteMeta(file) + `:\d+:\d+: inlining call to ` + regexp.QuoteMeta(callee) + "\n")
	return re.MatchString(string(r))
}

// RequireInlined fails t unless a call in file to each of callees was
// inlined.
func (r Report) RequireInlined(t *testing.T, file string, callees ...string) {
	t.Helper()
	for _, c := range callees {
		if !r.Inlined(file, c) {
			t.Errorf("%s: the call to %s is not inlined", file, c)
		}
	}
}
