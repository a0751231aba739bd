package lifetime

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Flow finds arena memory and where it is released in each function of a
// package, and exports what crosses function boundaries as facts: which
// results of a function are arena memory of which argument, and which
// arguments it releases. It reports nothing itself; Reset and Escape do.
var Flow = &analysis.Analyzer{
	Name:       "arenaflow",
	Doc:        "find arena memory and its releases (facts for arenareset and arenaescape)",
	URL:        "https://pkg.go.dev/github.com/bumpkit/bumpkit/cmd/bumpvet/lifetime",
	Run:        run,
	FactTypes:  []analysis.Fact{new(Results), new(Releases), new(Recovers), new(usesArenas)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result is what Flow found in a package.
type Result struct {
	Findings []Finding
}

// A Finding is one problem, reported by the analyzer of its Rule.
type Finding struct {
	Pos     token.Pos
	Rule    string // "arenareset" or "arenaescape"
	Message string
}

// usesArenas marks packages that import bump, directly or not: the
// others (the standard library) are skipped without building SSA.
type usesArenas struct{}

func (*usesArenas) AFact()         {}
func (*usesArenas) String() string { return "usesArenas" }

// checker is the analysis of one package.
type checker struct {
	pass  *analysis.Pass
	pkg   *ssa.Package
	funcs []*ssa.Function
	// summaries of this package's functions, function literals included.
	summaries map[*ssa.Function]*summary
	calls     map[token.Pos]*ast.CallExpr
	stmts     map[token.Pos]ast.Stmt          // go and defer statements
	selectors map[token.Pos]*ast.SelectorExpr // by Sel
	indexes   map[token.Pos]*ast.IndexExpr    // by Lbrack
	// ignored holds the lines of //bumpvet:ignore directives, by file.
	ignored map[string]map[int]bool
	// read holds the package-level variables the package reads; the
	// others are write-only sinks (benchmarks' sinks, _ = x), which keep
	// nothing alive for anyone to use.
	read     map[*ssa.Global]bool
	findings []Finding
}

func run(pass *analysis.Pass) (any, error) {
	if !dependsOnBump(pass) {
		return &Result{}, nil
	}
	pass.ExportPackageFact(new(usesArenas))
	c := &checker{pass: pass, summaries: map[*ssa.Function]*summary{}}
	c.buildSSA()
	c.indexSyntax()
	c.findReads()

	// Summaries of this package's functions depend on each other: iterate
	// to a fixed point (bounded, for recursion that keeps growing paths).
	for range 8 {
		changed := false
		for _, fn := range c.funcs {
			if funcKey(fn) != "" && table[funcKey(fn)].kind != 0 {
				continue // the table describes it
			}
			s := summarize(newFnState(c, fn))
			if !s.equal(c.summaries[fn]) {
				c.summaries[fn] = s
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, fn := range c.funcs {
		if s := c.summaries[fn]; s != nil && !s.empty() {
			if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
				s.export(pass, obj)
			}
		}
	}

	for _, fn := range c.funcs {
		fs := newFnState(c, fn)
		c.reportUses(fs, fs.flow())
		c.checkEscapes(fs)
	}
	sort.Slice(c.findings, func(i, j int) bool { return c.findings[i].Pos < c.findings[j].Pos })
	c.findings = slices.CompactFunc(c.findings, func(a, b Finding) bool { return a == b })
	return &Result{Findings: c.findings}, nil
}

func dependsOnBump(pass *analysis.Pass) bool {
	if pass.Pkg.Path() == module+"bump" {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == module+"bump" || pass.ImportPackageFact(imp, new(usesArenas)) {
			return true
		}
	}
	return false
}

// buildSSA builds the package's SSA form, with debug information for
// naming values in messages, and lists its functions in source order.
func (c *checker) buildSSA() {
	prog := ssa.NewProgram(c.pass.Fset, 0)
	for _, p := range c.pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	c.pkg = prog.CreatePackage(c.pass.Pkg, c.pass.Files, c.pass.TypesInfo, false)
	c.pkg.SetDebugMode(true)
	c.pkg.Build()

	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || fn.Blocks == nil {
			return
		}
		c.funcs = append(c.funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, f := range c.pass.Files {
		for _, decl := range f.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok {
				if obj, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
					add(prog.FuncValue(obj))
				}
			}
		}
	}
	// Package-level variable initializers.
	if init := c.pkg.Func("init"); init != nil {
		add(init)
	}
}

// indexSyntax maps call and go/defer positions to their syntax, for
// quoting them in messages.
func (c *checker) indexSyntax() {
	c.calls = map[token.Pos]*ast.CallExpr{}
	c.stmts = map[token.Pos]ast.Stmt{}
	c.selectors = map[token.Pos]*ast.SelectorExpr{}
	c.indexes = map[token.Pos]*ast.IndexExpr{}
	c.ignored = map[string]map[int]bool{}
	for _, f := range c.pass.Files {
		for _, cg := range f.Comments {
			for _, cm := range cg.List {
				if strings.HasPrefix(cm.Text, "//bumpvet:ignore") {
					p := c.pass.Fset.Position(cm.Slash)
					if c.ignored[p.Filename] == nil {
						c.ignored[p.Filename] = map[int]bool{}
					}
					c.ignored[p.Filename][p.Line] = true
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				c.calls[n.Lparen] = n
			case *ast.DeferStmt:
				c.stmts[n.Defer] = n
			case *ast.GoStmt:
				c.stmts[n.Go] = n
			case *ast.SelectorExpr:
				c.selectors[n.Sel.Pos()] = n
			case *ast.IndexExpr:
				c.indexes[n.Lbrack] = n
			}
			return true
		})
	}
}

// report records a finding, unless a //bumpvet:ignore directive on its
// line or the line above silences it.
func (c *checker) report(rule string, pos token.Pos, msg string) {
	p := c.pass.Fset.Position(pos)
	if lines := c.ignored[p.Filename]; lines[p.Line] || lines[p.Line-1] {
		return
	}
	c.findings = append(c.findings, Finding{Pos: pos, Rule: rule, Message: msg})
}

// runsRecovered reports whether the call c runs its argument i, a
// function, expecting it to panic: a function named Panics... (testify's
// assertions), or one whose summary says so.
func (c *checker) runsRecovered(call *ssa.CallCommon, i int) bool {
	name := ""
	if call.IsInvoke() {
		name = call.Method.Name()
	} else if fn := call.StaticCallee(); fn != nil {
		name = fn.Name()
		if s := c.summaryOf(fn); s != nil && slices.Contains(s.Recovers, i) {
			return true
		}
	}
	return strings.HasPrefix(name, "Panics")
}

// summaryOf returns what is known of fn: from the table's functions
// nothing (the table describes them), from this package its summary, from
// other packages their facts.
func (c *checker) summaryOf(fn *ssa.Function) *summary {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if s, ok := c.summaries[fn]; ok {
		return s
	}
	if fn.Pkg == c.pkg {
		return nil
	}
	obj := funcObject(fn)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg {
		return nil
	}
	var s summary
	var r Results
	if c.pass.ImportObjectFact(obj, &r) {
		s.Results = r.Results
	}
	var rel Releases
	if c.pass.ImportObjectFact(obj, &rel) {
		s.Releases = rel.Params
	}
	var rec Recovers
	if c.pass.ImportObjectFact(obj, &rec) {
		s.Recovers = rec.Params
	}
	if s.empty() {
		return nil
	}
	return &s
}

// findReads records the package-level variables that the package reads:
// any use of one other than storing into it. Exported variables count as
// read, by other packages.
func (c *checker) findReads() {
	c.read = map[*ssa.Global]bool{}
	for _, m := range c.pkg.Members {
		if g, ok := m.(*ssa.Global); ok && g.Object() != nil && g.Object().Exported() {
			c.read[g] = true
		}
	}
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if _, ok := instr.(*ssa.DebugRef); ok {
					continue
				}
				var rands [8]*ssa.Value
				for _, p := range instr.Operands(rands[:0]) {
					g, ok := (*p).(*ssa.Global)
					if !ok {
						continue
					}
					if st, ok := instr.(*ssa.Store); ok && st.Addr == g {
						continue
					}
					c.read[g] = true
				}
			}
		}
	}
}
