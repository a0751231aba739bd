package vec_test

import (
	"os/exec"
	"regexp"
	"testing"
)

// TestPushInlines checks that Push's fast path stays within the
// inliner's budget for the instantiation other packages compile, so that
// a push into spare capacity costs no call.
func TestPushInlines(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package's tests")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	out, err := exec.Command(gobin, "test", "-c", "-o", "/dev/null", "-gcflags=-m=2", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go test -c: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`can inline vec\.\(\*Vec\[go\.shape\.int\]\)\.Push `).Match(out) {
		m := regexp.MustCompile(`.*inline vec\.\(\*Vec\[go\.shape\.int\]\)\.Push.*`).Find(out)
		t.Fatalf("Push does not inline: %s", m)
	}
}
