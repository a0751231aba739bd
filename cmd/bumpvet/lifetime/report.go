package lifetime

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// reportUses turns the uses of freed memory that flow found into findings.
func (c *checker) reportUses(fs *fnState, uses []use) {
	sort.Slice(uses, func(i, j int) bool { return uses[i].instr.Pos() < uses[j].instr.Pos() })
	for _, u := range uses {
		pos := c.usePos(fs, u.instr, u.operand)
		rel := c.releaseText(u.rel)
		if u.item == nil {
			if u.rel.kind == opJoin {
				c.report("arenareset", pos, fmt.Sprintf(
					"arena %s is used after %s handed it to its parent; allocate from the parent, or fork another child",
					c.exprText(fs, u.operand, pos), rel))
				continue
			}
			c.report("arenareset", pos, fmt.Sprintf(
				"arena %s is used after %s gave it back to the pool; take another with Get, or Put it later",
				c.exprText(fs, u.operand, pos), rel))
			continue
		}
		what, cp := c.describeCopy(fs, u.item, u.operand, pos)
		_, isReturn := u.instr.(*ssa.Return)
		if _, ok := u.instr.(*ssa.MakeClosure); ok {
			what += ", captured by this func literal,"
		}
		switch {
		case isReturn && u.rel.deferred:
			c.report("arenaescape", pos, fmt.Sprintf(
				"%s is returned, but the deferred %s releases its arena when the function returns: return %s instead, or let the caller pass the arena",
				what, rel, or(cp, "a copy")))
		case u.rel.kind == opPut:
			c.report("arenareset", pos, fmt.Sprintf(
				"%s is used after %s released its arena: copy it before the Put%s",
				what, rel, paren(cp)))
		case u.rel.kind == opRewind:
			c.report("arenareset", pos, fmt.Sprintf(
				"%s is used after %s freed it (it was allocated after the checkpoint): copy it before the ResetTo%s, or allocate it before the checkpoint",
				what, rel, paren(cp)))
		default:
			c.report("arenareset", pos, fmt.Sprintf(
				"%s is used after %s freed it: copy it before the reset%s, or allocate it again after",
				what, rel, paren(cp)))
		}
	}
}

// checkEscapes reports arena memory that outlives its arena through a
// package-level variable, a channel, or a goroutine.
func (c *checker) checkEscapes(fs *fnState) {
	if len(fs.list) == 0 {
		return
	}
	// The arenas this function is responsible for: those it releases, and
	// those it takes from a pool.
	owned := func(it *item) (key, bool) {
		var ks []key
		for k := range it.keys {
			if k.path != viewPath {
				ks = append(ks, k)
			}
		}
		sort.Slice(ks, func(i, j int) bool { return ks[i].path < ks[j].path })
		for _, k := range ks {
			if isPooled(k) {
				return k, true
			}
		}
		for _, r := range append(fs.releases[:len(fs.releases):len(fs.releases)], fs.deferred...) {
			if r.kind != opJoin && fs.arenaOf(it, r.key) {
				return r.key, true
			}
		}
		return key{}, false
	}
	for _, b := range fs.fn.Blocks {
		for i, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Store:
				g := globalRoot(x.Addr)
				it := fs.items[x.Val]
				if g == nil && it != nil && !it.cell && !isHandle(it.v.Type()) {
					c.checkParamStore(fs, b, i, x, it)
				}
				if g == nil || it == nil || !c.read[g] || isHandle(it.v.Type()) {
					continue
				}
				if _, ok := owned(it); ok {
					// What a value appended to the variable holds.
					v := x.Val
					if h := heldItem(it); it.contains && h != nil {
						it, v = h, h.v
					}
					what, cp := c.describeCopy(fs, it, v, x.Pos())
					c.report("arenaescape", c.usePos(fs, x, x.Val), fmt.Sprintf(
						"%s is stored in package-level variable %s, which outlives its arena %s: store %s instead",
						what, g.Name(), c.arenaOf(fs, it), or(cp, "a copy")))
				}
			case *ssa.MapUpdate:
				g := globalRoot(x.Map)
				if g == nil {
					continue
				}
				for _, v := range []ssa.Value{x.Key, x.Value} {
					if it := fs.items[v]; it != nil {
						if _, ok := owned(it); ok {
							what, cp := c.describeCopy(fs, it, v, x.Pos())
							c.report("arenaescape", c.usePos(fs, x, v), fmt.Sprintf(
								"%s is stored in package-level map %s, which outlives its arena %s: store %s instead",
								what, g.Name(), c.arenaOf(fs, it), or(cp, "a copy")))
							break
						}
					}
				}
			case *ssa.Send:
				it := fs.items[x.X]
				if it == nil {
					continue
				}
				if k, ok := owned(it); ok {
					if r := fs.releasedAfter(b, i, k); r != nil {
						what, cp := c.describeCopy(fs, it, x.X, x.Pos())
						c.report("arenaescape", c.usePos(fs, x, x.X), fmt.Sprintf(
							"%s is sent on a channel, but %s may release its arena before the receiver is done with it: send %s instead, or wait for the receiver before the release",
							what, c.releaseText(r), or(cp, "a copy")))
					}
				}
			case *ssa.Go:
				c.checkGoroutine(fs, b, i, x.Common(), owned)
			case *ssa.Call:
				// wg.Go(f) and errgroup's g.Go(f) start goroutines too.
				if fn := x.Call.StaticCallee(); fn != nil && fn.Name() == "Go" && fn.Signature.Recv() != nil && len(x.Call.Args) == 2 {
					if mc, ok := x.Call.Args[1].(*ssa.MakeClosure); ok {
						c.checkGoroutine(fs, b, i, &ssa.CallCommon{Value: mc}, owned)
					}
				}
			}
		}
	}
}

// checkParamStore reports arena memory stored into what a parameter
// points to (the caller's object, which outlives the call) when the
// function then releases the arena.
func (c *checker) checkParamStore(fs *fnState, b *ssa.BasicBlock, i int, x *ssa.Store, it *item) {
	p := paramRoot(x.Addr)
	if p == nil || isArenaType(p.Type()) {
		return
	}
	keys := make([]key, 0, len(it.keys))
	for k := range it.keys {
		if k.path != viewPath {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].path < keys[j].path })
	for _, k := range keys {
		r := fs.releaseAfter(b, i, k, false)
		if r == nil {
			continue
		}
		v := x.Val
		if h := heldItem(it); it.contains && h != nil {
			it, v = h, h.v
		}
		what, cp := c.describeCopy(fs, it, v, x.Pos())
		target := c.addrText(fs, x.Addr)
		if target == "" {
			target = "memory of parameter " + p.Name()
		}
		c.report("arenaescape", c.usePos(fs, x, x.Val), fmt.Sprintf(
			"%s is stored in %s, which outlives the call, but %s releases its arena: store %s instead",
			what, target, c.releaseText(r), or(cp, "a copy")))
		return
	}
}

// paramRoot returns the parameter whose memory the address addr points
// into, through field and element selections and loads, or nil.
func paramRoot(addr ssa.Value) *ssa.Parameter {
	p, ok := memoryRoot(addr).(*ssa.Parameter)
	if !ok {
		return nil
	}
	switch p.Type().Underlying().(type) {
	case *types.Pointer, *types.Slice:
		return p
	}
	return nil
}

// addrText returns the source text of the location addr: s.f, x[i].
func (c *checker) addrText(fs *fnState, addr ssa.Value) string {
	var e ast.Expr
	switch x := addr.(type) {
	case *ssa.FieldAddr:
		if sel := c.selectors[x.Pos()]; sel != nil {
			e = sel
		}
	case *ssa.IndexAddr:
		if ix := c.indexes[x.Pos()]; ix != nil {
			e = ix
		}
	}
	if e == nil {
		return ""
	}
	return types.ExprString(e)
}

func (c *checker) checkGoroutine(fs *fnState, b *ssa.BasicBlock, i int, call *ssa.CallCommon, owned func(*item) (key, bool)) {
	vals := append([]ssa.Value{call.Value}, call.Args...)
	if mc, ok := call.Value.(*ssa.MakeClosure); ok {
		vals = append(vals, mc.Bindings...)
	}
	for _, v := range vals {
		it := fs.items[v]
		if it == nil {
			continue
		}
		k, ok := owned(it)
		if !ok {
			continue
		}
		if r := fs.releasedAfter(b, i, k); r != nil {
			what := c.describe(fs, it, v, b.Instrs[i].Pos())
			if _, ok := v.(*ssa.MakeClosure); ok || it.cell {
				what = "memory of arena " + c.arenaOf(fs, it)
			}
			c.report("arenaescape", c.stmtPos(b.Instrs[i]), fmt.Sprintf(
				"goroutine uses %s, but %s may release the arena while it runs: wait for the goroutine before the release (sync.WaitGroup), or pass it a copy",
				what, c.releaseText(r)))
			return
		}
	}
}

// releasedAfter returns a release of arena k that may run after
// instruction i of block b, on a path that does not first wait for other
// goroutines (a Wait method, a channel receive or a select), or nil.
func (fs *fnState) releasedAfter(b *ssa.BasicBlock, i int, k key) *release {
	return fs.releaseAfter(b, i, k, true)
}

// releaseAfter returns a release of arena k that may run after
// instruction i of block b (if stopAtJoins, on a path that does not first
// wait for other goroutines), or nil.
func (fs *fnState) releaseAfter(b *ssa.BasicBlock, i int, k key, stopAtJoins bool) *release {
	var deferred *release
	for _, r := range fs.deferred {
		if frees(r) && fs.arenaOfKey(k, r.key) {
			deferred = r
			break
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock, from int) *release
	walk = func(b *ssa.BasicBlock, from int) *release {
		for _, instr := range b.Instrs[from:] {
			if stopAtJoins && isJoin(instr) {
				return nil
			}
			switch instr.(type) {
			case *ssa.Call:
				for _, r := range fs.releases {
					if r.instr == instr && frees(r) && fs.arenaOfKey(k, r.key) {
						return r
					}
				}
			case *ssa.RunDefers:
				if deferred != nil {
					return deferred
				}
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if r := walk(s, 0); r != nil {
					return r
				}
			}
		}
		return nil
	}
	return walk(b, i+1)
}

// frees reports whether r frees all of its arena's memory. A ResetTo
// frees only what was allocated after its checkpoint, which these checks,
// made once for the whole function, cannot tell.
func frees(r *release) bool {
	return r.kind == opRelease || r.kind == opPut
}

// isJoin reports whether instr may wait for another goroutine.
func isJoin(instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.UnOp:
		return x.Op == token.ARROW
	case *ssa.Select:
		return x.Blocking
	case ssa.CallInstruction:
		c := x.Common()
		if c.IsInvoke() {
			return c.Method.Name() == "Wait"
		}
		if fn := c.StaticCallee(); fn != nil {
			return fn.Name() == "Wait"
		}
	}
	return false
}

// describe names the arena memory v (item it), used at pos, for a
// message, with where it was allocated.
func (c *checker) describe(fs *fnState, it *item, v ssa.Value, pos token.Pos) string {
	what, _ := c.describeCopy(fs, it, v, pos)
	return what
}

// describeCopy is describe, and also says how to copy the memory out:
// "strings.Clone(s)", or "" where the checker cannot say.
func (c *checker) describeCopy(fs *fnState, it *item, v ssa.Value, pos token.Pos) (what, copy string) {
	// Look through variables kept in memory (captured ones, the result
	// slots of a function with defers) to the value stored in them.
	for range 8 {
		if !it.cell {
			if l, ok := v.(*ssa.UnOp); !ok || l.Op != token.MUL || fs.items[l.X] == nil || !fs.items[l.X].cell {
				break
			}
		}
		if len(it.srcs) == 0 {
			break
		}
		it = it.srcs[0]
		v = it.v
	}
	if it.contains {
		if _, ok := v.(*ssa.MakeClosure); !ok {
			// What the composite value holds: the appended string, the
			// field's value; named after the variable holding it, if any.
			if src := heldItem(it); src != nil {
				held, heldCopy := c.describeCopy(fs, src, src.v, pos)
				if name := c.exprText(fs, v, pos); token.IsIdentifier(name) {
					if heldCopy != "" {
						heldCopy = "a copy holding " + heldCopy
					}
					return fmt.Sprintf("%s, which holds %s,", name, held), heldCopy
				}
				return held, heldCopy
			}
		}
	}
	name := c.exprText(fs, v, pos)
	if it.contains {
		if _, ok := v.(*ssa.MakeClosure); ok || name == "" {
			name = "a func value"
		}
		return name + " holding memory of arena " + c.arenaOf(fs, it), ""
	}
	copy = copyHint(v.Type(), name)
	if name == "" {
		name = "arena memory"
	}
	if call, ok := it.origin.(*ssa.Call); ok && call.Pos().IsValid() {
		alloc := c.callText(call.Pos(), "")
		if alloc != "" && alloc != name {
			return fmt.Sprintf("%s (from %s, line %d)", name, alloc, c.line(call.Pos())), copy
		}
		return fmt.Sprintf("%s (line %d)", name, c.line(call.Pos())), copy
	}
	return name, copy
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// copyHint says how to copy the memory of expr, of type t, to the Go heap.
func copyHint(t types.Type, expr string) string {
	if expr == "" || strings.HasSuffix(expr, "...") {
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.String {
			return "strings.Clone(" + expr + ")"
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return "bytes.Clone(" + expr + ")"
		}
		return "slices.Clone(" + expr + ")"
	case *types.Map:
		return "maps.Clone(" + expr + ")"
	}
	switch {
	case isNamed(t, "vec", "Vec"):
		return "slices.Clone(" + expr + ".Slice())"
	case isNamed(t, "str", "String"):
		return "strings.Clone(" + expr + ".String())"
	}
	return ""
}

// heldItem returns an arena value that the composite value it holds, or
// nil.
func heldItem(it *item) *item {
	seen := map[*item]bool{}
	queue := []*item{it}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if !x.contains && !x.cell {
			return x
		}
		for _, s := range x.srcs {
			if !seen[s] {
				seen[s] = true
				queue = append(queue, s)
			}
		}
	}
	return nil
}

// arenaOf names the arena of item it.
func (c *checker) arenaOf(fs *fnState, it *item) string {
	for k := range it.keys {
		if k.path == viewPath {
			continue
		}
		if name := c.exprText(fs, k.root, token.NoPos); name != "" {
			if strings.HasPrefix(k.path, "*") && len(k.path) == 1 {
				return name
			}
			if k.path == "" {
				return strings.TrimPrefix(name, "&")
			}
		}
	}
	if call, ok := it.origin.(*ssa.Call); ok {
		if ce := c.calls[call.Pos()]; ce != nil && len(ce.Args) > 0 {
			arg := ce.Args[0]
			if sel, ok := ce.Fun.(*ast.SelectorExpr); ok && call.Call.Signature().Recv() != nil {
				arg = sel.X
			}
			return strings.TrimPrefix(types.ExprString(arg), "&")
		}
	}
	return "?"
}

// exprText returns the source text of v: preferably the name of a
// variable holding it, the one written nearest before pos.
func (c *checker) exprText(fs *fnState, v ssa.Value, pos token.Pos) string {
	// Ranked: a variable's name, a call, anything else.
	rank := func(d *ssa.DebugRef) int {
		switch d.Expr.(type) {
		case *ast.Ident:
			if v, ok := d.Object().(*types.Var); ok && !v.IsField() {
				return 2
			}
		case *ast.CallExpr:
			return 1
		}
		return 0
	}
	var best ast.Expr
	var bestPos token.Pos
	bestRank := -1
	for _, b := range fs.fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.DebugRef)
			if !ok || d.X != v || d.IsAddr {
				continue
			}
			p, r := d.Pos(), rank(d)
			better := false
			switch {
			case r != bestRank:
				better = r > bestRank
			case pos.IsValid() && p <= pos:
				better = bestPos > pos || p > bestPos
			}
			if better {
				best, bestPos, bestRank = d.Expr, p, r
			}
		}
	}
	if best == nil {
		switch v := v.(type) {
		case *ssa.Parameter, *ssa.Global, *ssa.FreeVar:
			return v.Name()
		case *ssa.Call:
			return c.callText(v.Pos(), "")
		}
		return ""
	}
	s := types.ExprString(best)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// callText returns the source text of the call at Lparen pos.
func (c *checker) callText(pos token.Pos, fallback string) string {
	if ce := c.calls[pos]; ce != nil {
		s := types.ExprString(ce)
		if len(s) > 60 {
			s = types.ExprString(ce.Fun) + "(...)"
		}
		return s
	}
	return fallback
}

// releaseText describes a release: "a.Reset() at line 12", "the deferred
// pool.Put(a) (line 8)".
func (c *checker) releaseText(r *release) string {
	var text string
	if r.call != nil {
		if _, isDefer := r.instr.(*ssa.Defer); isDefer {
			// The call itself, or the one inside the deferred literal.
			if st, ok := c.stmts[r.instr.Pos()].(*ast.DeferStmt); ok {
				text = types.ExprString(st.Call)
				if _, lit := st.Call.Fun.(*ast.FuncLit); lit {
					text = "func literal"
					if p := r.call.Pos(); p.IsValid() {
						text = c.callText(p, text)
					}
				}
			}
		} else {
			text = c.callText(r.call.Pos(), "")
		}
	}
	if text == "" {
		text = "a release"
	}
	if r.deferred {
		return fmt.Sprintf("%s (deferred at line %d)", text, c.line(r.instr.Pos()))
	}
	return fmt.Sprintf("%s at line %d", text, c.line(r.instr.Pos()))
}

func (c *checker) line(pos token.Pos) int {
	return c.pass.Fset.Position(pos).Line
}

// usePos returns where to report a use of v by instr: the instruction's
// position, or for an implicit one (a conversion to an interface) the
// expression denoting v, or the position of the instruction's first user.
func (c *checker) usePos(fs *fnState, instr ssa.Instruction, v ssa.Value) token.Pos {
	if mc, ok := instr.(*ssa.MakeClosure); ok && !mc.Pos().IsValid() {
		// The body of a range over a function.
		if p := mc.Fn.Pos(); p.IsValid() {
			return p
		}
	}
	if p := instr.Pos(); p.IsValid() {
		if _, ok := instr.(*ssa.Return); !ok {
			if _, ok := instr.(*ssa.Store); !ok {
				return p
			}
		}
	}
	// The expression denoting v nearest before instr in its block.
	b := instr.Block()
	var pos token.Pos
	for _, in := range b.Instrs {
		if in == instr {
			break
		}
		if d, ok := in.(*ssa.DebugRef); ok && d.X == v {
			pos = d.Pos()
		}
	}
	if pos.IsValid() {
		return pos
	}
	if p := instr.Pos(); p.IsValid() {
		return p
	}
	if val, ok := instr.(ssa.Value); ok && val.Referrers() != nil {
		for _, r := range *val.Referrers() {
			if r.Pos().IsValid() {
				return r.Pos()
			}
		}
	}
	return fs.fn.Pos()
}

// stmtPos returns the position of a go statement or call.
func (c *checker) stmtPos(instr ssa.Instruction) token.Pos {
	if p := instr.Pos(); p.IsValid() {
		return p
	}
	return instr.Parent().Pos()
}
