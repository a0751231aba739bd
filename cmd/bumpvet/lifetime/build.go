package lifetime

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A release is a call that frees arena memory.
type release struct {
	id    int
	instr ssa.Instruction
	kind  opKind // opRelease, opRewind, opPut or opJoin
	key   key
	cp    ssa.Value // the checkpoint of an opRewind, nil if unknown
	// deferred releases run at the function's return (RunDefers).
	deferred bool
	// call is the release call as written (inside the deferred
	// function literal, for a deferred closure), for messages.
	call *ssa.CallCommon
}

// fnState is the analysis of one function.
type fnState struct {
	c     *checker
	fn    *ssa.Function
	items map[ssa.Value]*item
	list  []*item
	// releases made where they are called, and those deferred to the
	// function's return.
	releases []*release
	deferred []*release
	// parents maps a child arena joined into a parent (by a Join in this
	// function) to the parent: releasing the parent releases the child's
	// memory.
	parents map[key]key
}

func newFnState(c *checker, fn *ssa.Function) *fnState {
	fs := &fnState{c: c, fn: fn, items: map[ssa.Value]*item{}}
	// A parameter that is not an arena may be arena memory of the
	// caller's; values derived from it are views of argument j, which is
	// what a summary needs to say.
	for _, p := range fn.Params {
		if mayHoldPointers(p.Type()) && !isArenaType(p.Type()) {
			it := fs.newItem(p)
			it.keys[key{p, viewPath}] = true
		}
	}
	// Items are found flow-insensitively: a value derived from an item on
	// any path is one. Phis and cells refer to later values, hence the
	// iteration.
	for changed := true; changed; {
		changed = false
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if fs.visit(instr) {
					changed = true
				}
			}
		}
	}
	fs.findReleases()
	return fs
}

func (fs *fnState) newItem(v ssa.Value) *item {
	it := &item{id: len(fs.list), v: v, keys: map[key]bool{}}
	fs.items[v] = it
	fs.list = append(fs.list, it)
	return it
}

// fresh records v as new memory of the arenas keys.
func (fs *fnState) fresh(v ssa.Value, keys []key, results []int) bool {
	if !mayHoldPointers(v.Type()) {
		return false
	}
	it := fs.items[v]
	changed := false
	if it == nil {
		it = fs.newItem(v)
		it.fresh = true
		it.results = results
		it.origin = v.(ssa.Instruction)
		changed = true
	}
	for _, k := range keys {
		if !it.keys[k] {
			it.keys[k] = true
			changed = true
		}
	}
	return changed
}

// derive records v as sharing the memory of src (or, with contains, as
// holding it).
func (fs *fnState) derive(v ssa.Value, src *item, contains bool, results []int) bool {
	if src == nil || v == src.v || !mayHoldPointers(v.Type()) {
		return false
	}
	contains = contains || src.contains
	it := fs.items[v]
	changed := false
	if it == nil {
		it = fs.newItem(v)
		it.contains = contains
		it.results = results
		it.origin = src.origin
		changed = true
	} else if it.contains && !contains {
		it.contains = false
		changed = true
	}
	if it.origin == nil && src.origin != nil {
		it.origin = src.origin
	}
	known := false
	for _, s := range it.srcs {
		if s == src {
			known = true
		}
	}
	if !known {
		it.srcs = append(it.srcs, src)
		changed = true
	}
	for k := range src.keys {
		if !it.keys[k] {
			it.keys[k] = true
			changed = true
		}
	}
	return changed
}

func (fs *fnState) deriveFrom(v, x ssa.Value) bool {
	return fs.derive(v, fs.items[x], false, nil)
}

// deriveAddr derives the address v within x, keeping the holder it points
// into.
func (fs *fnState) deriveAddr(v, x ssa.Value) bool {
	changed := fs.deriveFrom(v, x)
	if src, it := fs.items[x], fs.items[v]; src != nil && it != nil && src.root != nil && it.root == nil {
		it.root = src.root
		changed = true
	}
	return changed
}

// fill records the variable that an opFill call decodes into as a holder
// of arena memory.
func (fs *fnState) fill(call *ssa.Call, o op) bool {
	c := &call.Call
	if o.target >= len(c.Args) {
		return false
	}
	k, ok := canon(c.Args[o.arg])
	if !ok {
		return false
	}
	a := fillTarget(c.Args[o.target])
	if a == nil {
		return false
	}
	changed := fs.fresh(a, []key{k}, nil)
	it := fs.items[a]
	if !it.holder {
		it.holder, it.contains, it.root = true, true, it
		changed = true
	}
	if it.origin == a {
		it.origin = call
	}
	return changed
}

// fillTarget returns the local variable v points to, through conversions
// to an interface, or nil.
func fillTarget(v ssa.Value) *ssa.Alloc {
	for range 8 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Alloc:
			return x
		default:
			return nil
		}
	}
	return nil
}

// heldType reports whether a value of type t loaded from a holder is
// arena memory: maps (and interfaces, which may hold one) stay on the Go
// heap.
func heldType(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Map, *types.Interface:
		return false
	}
	return mayHoldPointers(t)
}

// visit records the items instr defines.
func (fs *fnState) visit(instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.Call:
		return fs.visitCall(x)
	case *ssa.Extract:
		if t := fs.items[x.Tuple]; t != nil && t.hasResult(x.Index) {
			return fs.derive(x, t, false, nil)
		}
	case *ssa.Slice:
		return fs.deriveFrom(x, x.X)
	case *ssa.FieldAddr:
		return fs.deriveAddr(x, x.X)
	case *ssa.IndexAddr:
		return fs.deriveAddr(x, x.X)
	case *ssa.ChangeType:
		return fs.deriveFrom(x, x.X)
	case *ssa.MakeInterface:
		return fs.deriveFrom(x, x.X)
	case *ssa.SliceToArrayPointer:
		return fs.deriveFrom(x, x.X)
	case *ssa.TypeAssert:
		return fs.deriveFrom(x, x.X)
	case *ssa.Convert:
		// Conversions between pointers and unsafe.Pointer keep the
		// memory; string([]byte) and []byte(string) copy it.
		if isUnsafePointer(x.Type()) || isUnsafePointer(x.X.Type()) {
			return fs.deriveFrom(x, x.X)
		}
	case *ssa.Phi:
		changed := false
		for _, e := range x.Edges {
			if fs.deriveFrom(x, e) {
				changed = true
			}
		}
		return changed
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		// A load from a cell reads the variable; a load from a local
		// composite literal copies what it holds. Loads from other memory
		// (arena memory included) give values the checker does not follow.
		src := fs.items[x.X]
		if src != nil && src.root != nil {
			// A field of a variable a decoder filled.
			if !heldType(x.Type()) {
				return false
			}
			changed := fs.derive(x, src, false, nil)
			if it := fs.items[x]; it != nil && it.contains {
				it.contains = false
				changed = true
			}
			return changed
		}
		if src != nil && (src.cell || src.contains) {
			return fs.derive(x, src, !src.cell, nil)
		}
	case *ssa.Store:
		src := fs.items[x.Val]
		if src == nil {
			return false
		}
		if a, ok := x.Addr.(*ssa.Alloc); ok && isCell(a) {
			changed := fs.derive(a, src, false, nil)
			if it := fs.items[a]; it != nil && !it.cell {
				it.cell = true
				changed = true
			}
			return changed
		}
		if a := localRoot(x.Addr); a != nil {
			return fs.derive(a, src, true, nil)
		}
	case *ssa.MakeClosure:
		changed := false
		for _, b := range x.Bindings {
			if fs.derive(x, fs.items[b], true, nil) {
				changed = true
			}
		}
		return changed
	}
	return false
}

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

func (fs *fnState) visitCall(x *ssa.Call) bool {
	c := &x.Call
	if o, ok := lookup(c); ok {
		if o.arg >= len(c.Args) {
			return false
		}
		switch o.kind {
		case opAlloc:
			if k, ok := canon(c.Args[o.arg]); ok {
				return fs.fresh(x, []key{k}, o.results)
			}
		case opAllocLike:
			if src := fs.items[c.Args[o.arg]]; src != nil && !src.contains {
				var keys []key
				for k := range src.keys {
					keys = append(keys, k)
				}
				return fs.fresh(x, keys, o.results)
			}
		case opView:
			return fs.derive(x, fs.items[c.Args[o.arg]], false, o.results)
		case opFill:
			return fs.fill(x, o)
		}
		return false
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append":
			// append(s, ...) may return s's storage; what it appends
			// is held by the result.
			changed := fs.deriveFrom(x, c.Args[0])
			for _, a := range c.Args[1:] {
				if fs.derive(x, fs.items[a], true, nil) {
					changed = true
				}
			}
			return changed
		case "String", "Slice", "StringData", "SliceData": // unsafe
			return fs.deriveFrom(x, c.Args[0])
		}
		return false
	}
	fn := c.StaticCallee()
	if fn == nil {
		return false
	}
	s := fs.c.summaryOf(fn)
	if s == nil || len(s.Results) == 0 {
		return false
	}
	changed := false
	var results []int
	if len(s.Results) > 1 {
		for i, r := range s.Results {
			if len(r.Alloc) > 0 || len(r.View) > 0 {
				results = append(results, i)
			}
		}
	}
	for _, r := range s.Results {
		for _, p := range r.Alloc {
			if p.Param >= len(c.Args) {
				continue
			}
			if k, ok := canon(c.Args[p.Param]); ok {
				if fs.fresh(x, []key{{k.root, k.path + p.Path}}, results) {
					changed = true
				}
			}
		}
		for _, j := range r.View {
			if j < len(c.Args) && fs.derive(x, fs.items[c.Args[j]], false, results) {
				changed = true
			}
		}
	}
	return changed
}

// findReleases lists the calls of fs.fn that free arena memory, now or
// when the function returns.
func (fs *fnState) findReleases() {
	for _, b := range fs.fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Call:
				fs.releases = append(fs.releases, fs.releasesOf(x, &x.Call, false)...)
			case *ssa.Defer:
				fs.deferred = append(fs.deferred, fs.releasesOf(x, &x.Call, true)...)
				// defer func() { pool.Put(a) }(): the literal's releases of
				// captured arenas are the outer function's.
				if mc, ok := x.Call.Value.(*ssa.MakeClosure); ok {
					fs.deferred = append(fs.deferred, fs.closureReleases(x, mc)...)
				}
			}
		}
	}
	for i, r := range fs.releases {
		r.id = i
	}
	for i, r := range fs.deferred {
		r.id = len(fs.releases) + i
	}
}

func (fs *fnState) releasesOf(instr ssa.Instruction, c *ssa.CallCommon, deferred bool) []*release {
	mk := func(kind opKind, arena ssa.Value, cp ssa.Value) *release {
		k, ok := canon(arena)
		if !ok {
			return nil
		}
		return &release{instr: instr, kind: kind, key: k, cp: cp, deferred: deferred, call: c}
	}
	if o, ok := lookup(c); ok {
		if o.arg >= len(c.Args) {
			return nil
		}
		var r *release
		switch o.kind {
		case opRelease, opPut:
			r = mk(o.kind, c.Args[o.arg], nil)
		case opRewind:
			if o.arg+1 < len(c.Args) {
				r = mk(o.kind, c.Args[o.arg], checkpointOf(c.Args[o.arg+1]))
			}
		case opJoin:
			if o.target < len(c.Args) {
				parent, ok1 := canon(c.Args[o.arg])
				r = mk(o.kind, c.Args[o.target], nil)
				if r != nil && ok1 && !deferred {
					if fs.parents == nil {
						fs.parents = map[key]key{}
					}
					fs.parents[r.key] = parent
				}
			}
		}
		if r == nil {
			return nil
		}
		return []*release{r}
	}
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	s := fs.c.summaryOf(fn)
	if s == nil {
		return nil
	}
	var rs []*release
	for _, p := range s.Releases {
		if p.Param < len(c.Args) {
			if k, ok := canon(c.Args[p.Param]); ok {
				rs = append(rs, &release{instr: instr, kind: opRelease, key: key{k.root, k.path + p.Path}, deferred: deferred, call: c})
			}
		}
	}
	return rs
}

// closureReleases returns the releases that the deferred function literal
// mc makes on arenas it captures, as releases of the outer function.
func (fs *fnState) closureReleases(d *ssa.Defer, mc *ssa.MakeClosure) []*release {
	inner := newFnState(fs.c, mc.Fn.(*ssa.Function))
	var rs []*release
	for _, r := range inner.releases {
		fv, ok := r.key.root.(*ssa.FreeVar)
		if !ok {
			continue
		}
		for i, f := range inner.fn.FreeVars {
			if f != fv {
				continue
			}
			k, ok := canon(mc.Bindings[i])
			if !ok {
				continue
			}
			r2 := *r
			r2.instr = d
			r2.key = key{k.root, k.path + r.key.path}
			r2.deferred = true
			r2.cp = nil
			if r.kind == opRewind {
				continue // the checkpoint lives in the literal
			}
			rs = append(rs, &r2)
		}
	}
	return rs
}

// checkpointOf returns the Checkpoint call whose result v is, looking
// through a captured variable stored once, or nil.
func checkpointOf(v ssa.Value) ssa.Value {
	if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
		if a, ok := l.X.(*ssa.Alloc); ok {
			var stored ssa.Value
			for _, r := range *a.Referrers() {
				if s, ok := r.(*ssa.Store); ok && s.Addr == a {
					if stored != nil {
						return nil
					}
					stored = s.Val
				}
			}
			v = stored
		}
	}
	if call, ok := v.(*ssa.Call); ok {
		if o, ok := lookup(&call.Call); ok && o.kind == opCheckpoint {
			return call
		}
	}
	return nil
}

// isPooled reports whether k is an arena taken from a Pool in this
// function (directly, or through a variable).
func isPooled(k key) bool {
	isGet := func(v ssa.Value) bool {
		call, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		o, ok := lookup(&call.Call)
		return ok && o.kind == opGet
	}
	switch {
	case k.path == "":
		return isGet(k.root)
	case k.path == "*":
		a, ok := k.root.(*ssa.Alloc)
		if !ok {
			return false
		}
		for _, r := range *a.Referrers() {
			if s, ok := r.(*ssa.Store); ok && s.Addr == a && isGet(s.Val) {
				return true
			}
		}
	}
	return false
}
