package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAsAUser builds bumpvet and runs it, alone and as a go vet tool, on
// testdata/jobs: a program whose pooled job returns its report without
// copying it before the arena goes back to the pool. It checks the output
// format (file:line:col: message, like go vet), the exit status, and that
// the message says what to write instead.
func TestAsAUser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the checker")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if gomod, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || !bytes.HasPrefix(gomod, []byte("module github.com/bumpkit/bumpkit\n")) {
		t.Skip("not inside a bumpkit checkout")
	}
	bin := filepath.Join(t.TempDir(), "bumpvet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	dir := t.TempDir()
	src, err := os.ReadFile("testdata/jobs/main.go")
	if err != nil {
		t.Fatal(err)
	}
	mod := "module example.com/jobs\n\ngo 1.26.0\n\nrequire github.com/bumpkit/bumpkit v0.0.0\n\nreplace github.com/bumpkit/bumpkit => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"main.go": src, "go.mod": []byte(mod), "go.sum": sum} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}

	want := regexp.MustCompile(`^(\S*)main\.go:31:2: out\.String\(\) \(from str\.New\(a\), line 29\) is returned, but the deferred pool\.Put\(a\) \(deferred at line 22\) releases its arena when the function returns: return strings\.Clone\(out\.String\(\)\) instead, or let the caller pass the arena$`)
	for _, args := range [][]string{
		{bin, "./..."},
		{"go", "vet", "-vettool=" + bin, "./..."},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("%s: %v, want a failing exit status\n%s", strings.Join(args, " "), err, stderr.String())
		}
		// go vet prints its own "# package" header line first.
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			if !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		if len(lines) != 1 || !want.MatchString(lines[0]) {
			t.Errorf("%s printed\n%s\nwant one line matching %s", strings.Join(args, " "), stderr.String(), want)
		}
		if args[0] == bin && exit.ExitCode() != 3 {
			t.Errorf("%s: exit status %d, want 3 (findings)", bin, exit.ExitCode())
		}
	}
}
