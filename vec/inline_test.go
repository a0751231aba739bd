package vec_test

import (
	"testing"

	"github.com/bumpkit/bumpkit/internal/testkit/inlinetest"
)

// TestInlines checks that Push's fast path stays within the inliner's
// budget, and that the accessors inline with the checked build's check
// compiled away, where users call them: from another package.
func TestInlines(t *testing.T) {
	report := inlinetest.Build(t, "./testdata/inline")
	const shape = "vec.(*Vec[go.shape.int])."
	report.RequireInlined(t, "main.go", shape+"Push", shape+"Len", shape+"Cap", shape+"Slice")
	// Inlined into Len, check must inline too, or every read pays a call.
	report.RequireInlined(t, "vec.go", "vec.check")
}
