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

// A summary is what a caller needs to know of a function.
type summary struct {
	Results  []Origin
	Releases []Place
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
	return len(s.Releases) == 0
}

func (s *summary) equal(t *summary) bool {
	if s.empty() || t.empty() {
		return s.empty() == t.empty()
	}
	return fmt.Sprint(s.Results, s.Releases) == fmt.Sprint(t.Results, t.Releases)
}

func (s *summary) export(pass *analysis.Pass, obj *types.Func) {
	if slices.ContainsFunc(s.Results, func(o Origin) bool { return len(o.Alloc) > 0 || len(o.View) > 0 }) {
		pass.ExportObjectFact(obj, &Results{Results: s.Results})
	}
	if len(s.Releases) > 0 {
		pass.ExportObjectFact(obj, &Releases{Params: s.Releases})
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
		if r.kind == opRewind {
			continue
		}
		if j, ok := params[r.key.root]; ok {
			if p := (Place{j, r.key.path}); !slices.Contains(s.Releases, p) {
				s.Releases = append(s.Releases, p)
			}
		}
	}
	slices.SortFunc(s.Releases, comparePlace)
	return s
}

func comparePlace(a, b Place) int {
	if a.Param != b.Param {
		return a.Param - b.Param
	}
	return strings.Compare(a.Path, b.Path)
}
