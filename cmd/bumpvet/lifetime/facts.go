package lifetime

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A Place is an arena reached from a parameter: the parameter itself
// (Path ""), or a field of it (Path ".2*": field 2, loaded).
type Place struct {
	Param int // index among the parameters, the receiver first
	Path  string
}

func (p Place) String() string { return fmt.Sprintf("%d%s", p.Param, p.Path) }

// An Origin says where a result's memory may come from: new memory of the
// arenas at Alloc, or the memory of the arguments at View.
type Origin struct {
	Alloc []Place
	View  []int
}

// Results is the fact about a function that some of its results are arena
// memory: Results[i] is the Origin of result i.
type Results struct {
	Results []Origin
}

func (*Results) AFact() {}

func (r *Results) String() string {
	var b strings.Builder
	b.WriteString("results(")
	for i, o := range r.Results {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%d:", i)
		for _, p := range o.Alloc {
			fmt.Fprintf(&b, " alloc %s", p)
		}
		for _, j := range o.View {
			fmt.Fprintf(&b, " view %d", j)
		}
	}
	b.WriteString(")")
	return b.String()
}

// Releases is the fact about a function that it frees the arenas at
// Params (with Reset, Pool.Put, or by calling a function that does).
type Releases struct {
	Params []Place
}

func (*Releases) AFact() {}

func (r *Releases) String() string { return fmt.Sprintf("releases%v", r.Params) }

// Recovers is the fact about a function that it calls its function
// parameters at Params under a deferred recover: a test helper expecting
// them to panic (as the checked build makes a stale use do).
type Recovers struct {
	Params []int
}

func (*Recovers) AFact() {}

func (r *Recovers) String() string { return fmt.Sprintf("recovers%v", r.Params) }

// A summary is what a caller needs to know of a function.
type summary struct {
	Results  []Origin
	Releases []Place
	Recovers []int
}

func (s *summary) empty() bool {
	if s == nil {
		return true
	}
	for _, o := range s.Results {
		if len(o.Alloc) > 0 || len(o.View) > 0 {
			return false
		}
	}
	return len(s.Releases) == 0 && len(s.Recovers) == 0
}

func (s *summary) equal(t *summary) bool {
	if s.empty() || t.empty() {
		return s.empty() == t.empty()
	}
	return fmt.Sprint(s.Results, s.Releases, s.Recovers) == fmt.Sprint(t.Results, t.Releases, t.Recovers)
}

func (s *summary) export(pass *analysis.Pass, obj *types.Func) {
	if slices.ContainsFunc(s.Results, func(o Origin) bool { return len(o.Alloc) > 0 || len(o.View) > 0 }) {
		pass.ExportObjectFact(obj, &Results{Results: s.Results})
	}
	if len(s.Releases) > 0 {
		pass.ExportObjectFact(obj, &Releases{Params: s.Releases})
	}
	if len(s.Recovers) > 0 {
		pass.ExportObjectFact(obj, &Recovers{Params: s.Recovers})
	}
}

// summarize computes fs.fn's summary: the parameters its results come
// from, and the parameters' arenas it releases.
func summarize(fs *fnState) *summary {
	params := map[ssa.Value]int{}
	for i, p := range fs.fn.Params {
		params[p] = i
	}
	s := &summary{}
	n := fs.fn.Signature.Results().Len()
	s.Results = make([]Origin, n)
	for _, b := range fs.fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for i, r := range ret.Results {
			it := fs.items[r]
			if it == nil || it.contains || i >= n {
				continue
			}
			o := &s.Results[i]
			for k := range it.keys {
				j, ok := params[k.root]
				switch {
				case !ok:
				case k.path == viewPath:
					if !slices.Contains(o.View, j) {
						o.View = append(o.View, j)
					}
				default:
					if p := (Place{j, k.path}); !slices.Contains(o.Alloc, p) {
						o.Alloc = append(o.Alloc, p)
					}
				}
			}
		}
	}
	for _, o := range s.Results {
		slices.SortFunc(o.Alloc, comparePlace)
		slices.Sort(o.View)
	}
	for _, r := range append(slices.Clone(fs.releases), fs.deferred...) {
		if r.kind == opRewind || r.kind == opJoin {
			continue
		}
		if j, ok := params[r.key.root]; ok {
			if p := (Place{j, r.key.path}); !slices.Contains(s.Releases, p) {
				s.Releases = append(s.Releases, p)
			}
		}
	}
	slices.SortFunc(s.Releases, comparePlace)
	s.Recovers = runsRecovered(fs)
	return s
}

// runsRecovered returns the indexes of fs.fn's function parameters that it
// calls under a deferred recover, or passes on to a function that does.
func runsRecovered(fs *fnState) []int {
	recovers := false
	for _, b := range fs.fn.Blocks {
		for _, instr := range b.Instrs {
			if d, ok := instr.(*ssa.Defer); ok && callsRecover(d.Call.StaticCallee()) {
				recovers = true
			}
		}
	}
	var params []int
	for j, p := range fs.fn.Params {
		if _, ok := p.Type().Underlying().(*types.Signature); !ok {
			continue
		}
		for _, r := range *p.Referrers() {
			call, ok := r.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := call.Common()
			i := slices.Index(c.Args, ssa.Value(p))
			if recovers && c.Value == p || i >= 0 && fs.c.runsRecovered(c, i) {
				params = append(params, j)
				break
			}
		}
	}
	return params
}

// callsRecover reports whether fn calls recover.
func callsRecover(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if b, ok := call.Call.Value.(*ssa.Builtin); ok && b.Name() == "recover" {
					return true
				}
			}
		}
	}
	return false
}

func comparePlace(a, b Place) int {
	if a.Param != b.Param {
		return a.Param - b.Param
	}
	return strings.Compare(a.Path, b.Path)
}
