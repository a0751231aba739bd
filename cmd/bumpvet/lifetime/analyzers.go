package lifetime

import "golang.org/x/tools/go/analysis"

// Reset reports arena memory used after the arena released it: after
// Bump.Reset, after Bump.ResetTo a checkpoint taken before it was
// allocated, or after Pool.Put; and arenas used after Pool.Put.
var Reset = &analysis.Analyzer{
	Name:     "arenareset",
	Doc:      "report arena memory used after its arena's Reset, ResetTo or Pool.Put",
	URL:      "https://pkg.go.dev/github.com/bumpkit/bumpkit/cmd/bumpvet/lifetime",
	Requires: []*analysis.Analyzer{Flow},
	Run:      reporter("arenareset"),
}

// Escape reports arena memory that outlives its arena: returned from a
// function that releases the arena on return, stored in a package-level
// variable, sent on a channel or captured by a goroutine while the
// function releases the arena.
var Escape = &analysis.Analyzer{
	Name:     "arenaescape",
	Doc:      "report arena memory that outlives its arena (returned past a deferred release, stored in globals, sent to or captured by goroutines)",
	URL:      "https://pkg.go.dev/github.com/bumpkit/bumpkit/cmd/bumpvet/lifetime",
	Requires: []*analysis.Analyzer{Flow},
	Run:      reporter("arenaescape"),
}

// Analyzers is the suite bumpvet runs.
var Analyzers = []*analysis.Analyzer{Reset, Escape}

func reporter(rule string) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[Flow].(*Result)
		for _, f := range res.Findings {
			if f.Rule == rule {
				pass.Report(analysis.Diagnostic{Pos: f.Pos, Category: rule, Message: f.Message})
			}
		}
		return nil, nil
	}
}
