package lifetime_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/cmd/bumpvet/lifetime"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testModule lays out testdata/src as a module that uses the bumpkit
// checkout this module sits in, so that the tests run against the real
// API rather than a copy of it, and returns its directory.
func testModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !strings.HasPrefix(string(gomod), "module github.com/bumpkit/bumpkit\n") {
		t.Skip("not inside a bumpkit checkout: the tests need its bump package")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/src")); err != nil {
		t.Fatal(err)
	}
	mod := "module example.com/t\n\ngo 1.26.0\n\nrequire github.com/bumpkit/bumpkit v0.0.0\n\nreplace github.com/bumpkit/bumpkit => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o666); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o666); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAnalyzers(t *testing.T) {
	dir := testModule(t)
	for _, tt := range []struct {
		a    *analysis.Analyzer
		pkgs []string
	}{
		{lifetime.Reset, []string{"example.com/t/reset", "example.com/t/containers", "example.com/t/callers", "example.com/t/usage", "example.com/t/forkjoin"}},
		{lifetime.Escape, []string{"example.com/t/escape", "example.com/t/usage"}},
		{lifetime.Flow, []string{"example.com/t/helpers"}},
	} {
		t.Run(tt.a.Name, func(t *testing.T) {
			analysistest.Run(t, dir, tt.a, tt.pkgs...)
		})
	}
}
