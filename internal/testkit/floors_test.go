package testkit

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/bumpkit/bumpkit"

// library reports whether pkg is part of what users import: everything
// in the module but the kit itself, the commands, the examples and the
// model tests.
func library(pkg string) bool {
	rest, ok := strings.CutPrefix(pkg, module+"/")
	if !ok {
		return pkg == module
	}
	for _, p := range []string{"internal/testkit", "cmd/", "examples/", "proptest"} {
		if strings.HasPrefix(rest, p) {
			return false
		}
	}
	return true
}

// TestFloors checks that no library package depends on the kit, in any of
// the builds CI runs, so that internal/ shows the direction of its
// imports: the library below, the kit that uses it above.
func TestFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	touchSources(t)
	for _, tags := range []string{"", "bumpdebug"} {
		out, err := exec.Command("go", "list", "-tags="+tags, "-f", `{{.ImportPath}} {{join .Deps " "}}`, module+"/...").Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		libs := 0
		for line := range strings.Lines(string(out)) {
			fields := strings.Fields(line)
			if len(fields) == 0 || !library(fields[0]) {
				continue
			}
			libs++
			for _, dep := range fields[1:] {
				if strings.HasPrefix(dep, module+"/internal/testkit") {
					t.Errorf("library package %s imports %s (tags %q): the kit may import the library, not the reverse", fields[0], dep, tags)
				}
			}
		}
		if libs < 6 {
			t.Fatalf("found only %d library packages in go list's output (tags %q); is the module path right?", libs, tags)
		}
	}
}

// touchSources stats every Go file of the module, so that go test's cache,
// which records the files a test opens, reruns this test when an import
// changes anywhere: it cannot see what the go list it starts reads.
func touchSources(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "bench") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			_, err = os.Stat(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
