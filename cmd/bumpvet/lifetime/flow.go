package lifetime

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// state is what is known at a program point, on some path to it.
type state struct {
	// stale[i] is the id of a release that freed item i's memory on
	// some path here, or -1.
	stale []int32
	// since[cp][i]: item i was allocated after checkpoint cp was taken.
	since map[ssa.Value][]bool
	// put[k] is the id of a Pool.Put that gave arena k back, or -1 (absent).
	put map[key]int32
}

func (fs *fnState) newState() *state {
	s := &state{stale: make([]int32, len(fs.list)), since: map[ssa.Value][]bool{}, put: map[key]int32{}}
	for i := range s.stale {
		s.stale[i] = -1
	}
	return s
}

func (s *state) clone() *state {
	t := &state{stale: slices.Clone(s.stale), since: make(map[ssa.Value][]bool, len(s.since)), put: make(map[key]int32, len(s.put))}
	for cp, b := range s.since {
		t.since[cp] = slices.Clone(b)
	}
	for k, v := range s.put {
		t.put[k] = v
	}
	return t
}

func minID(a, b int32) int32 {
	if a == -1 || b != -1 && b < a {
		return b
	}
	return a
}

// merge adds t to s and reports whether s changed.
func (s *state) merge(t *state) bool {
	changed := false
	for i, v := range t.stale {
		if m := minID(s.stale[i], v); m != s.stale[i] {
			s.stale[i] = m
			changed = true
		}
	}
	for cp, b := range t.since {
		sb, ok := s.since[cp]
		if !ok {
			s.since[cp] = slices.Clone(b)
			changed = true
			continue
		}
		for i, v := range b {
			if v && !sb[i] {
				sb[i] = true
				changed = true
			}
		}
	}
	for k, v := range t.put {
		old, ok := s.put[k]
		if !ok {
			s.put[k] = v
			changed = true
		} else if m := minID(old, v); m != old {
			s.put[k] = m
			changed = true
		}
	}
	return changed
}

// A use is an instruction that touches freed memory.
type use struct {
	instr   ssa.Instruction
	operand ssa.Value
	item    *item // nil for an arena used after Put
	rel     *release
}

// flow runs the dataflow over fs.fn and returns the uses of freed memory.
func (fs *fnState) flow() []use {
	if len(fs.releases) == 0 && len(fs.deferred) == 0 {
		return nil
	}
	in := map[*ssa.BasicBlock]*state{}
	entry := fs.fn.Blocks[0]
	in[entry] = fs.newState()
	work := []*ssa.BasicBlock{entry}
	queued := map[*ssa.BasicBlock]bool{entry: true}
	found := map[[2]any]use{}
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b] = false
		s := in[b].clone()
		for _, instr := range b.Instrs {
			fs.step(s, instr, found)
		}
		for _, succ := range b.Succs {
			t := fs.edge(s, b, succ)
			if in[succ] == nil {
				in[succ] = t
			} else if !in[succ].merge(t) {
				continue
			}
			if !queued[succ] {
				queued[succ] = true
				work = append(work, succ)
			}
		}
	}
	uses := make([]use, 0, len(found))
	for _, u := range found {
		uses = append(uses, u)
	}
	return uses
}

// edge returns the state on the edge from b to succ: succ's phis take the
// state of their operand on that edge.
func (fs *fnState) edge(s *state, b, succ *ssa.BasicBlock) *state {
	t := s.clone()
	pred := slices.Index(succ.Preds, b)
	for _, instr := range succ.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		it := fs.items[phi]
		if it == nil {
			continue
		}
		t.stale[it.id] = -1
		for _, bits := range t.since {
			bits[it.id] = false
		}
		if src := fs.items[phi.Edges[pred]]; src != nil {
			t.stale[it.id] = s.stale[src.id]
			for cp, bits := range t.since {
				bits[it.id] = s.since[cp][src.id]
			}
		}
	}
	return t
}

// step applies instr to s, recording uses of freed memory in found.
func (fs *fnState) step(s *state, instr ssa.Instruction, found map[[2]any]use) {
	if _, ok := instr.(*ssa.Phi); ok {
		return // applied on the edges
	}
	if _, ok := instr.(*ssa.DebugRef); ok {
		return
	}

	// Uses.
	if !fs.propagates(instr) {
		var rands [8]*ssa.Value
		for _, p := range instr.Operands(rands[:0]) {
			v := *p
			if v == nil {
				continue
			}
			it := fs.items[v]
			if it == nil || s.stale[it.id] == -1 || harmless(instr, v) {
				continue
			}
			if it.contains {
				if _, ok := instr.(*ssa.Return); !ok {
					continue
				}
			}
			if isHandle(it.v.Type()) && !usesHandle(instr, v) {
				continue
			}
			if mc, ok := instr.(*ssa.MakeClosure); ok && it.cell && (!readsBinding(mc, v) || fs.expectsPanic(mc)) {
				// The literal never reads the variable, or a test expects
				// it to panic.
				continue
			}
			rel := fs.release(s.stale[it.id])
			// One finding per variable and release: each load of a
			// captured variable is a value of its own.
			k := [2]any{it, rel}
			if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
				if src := fs.items[l.X]; src != nil && src.cell {
					k[0] = src
				}
			}
			if old, ok := found[k]; !ok || instr.Pos() < old.instr.Pos() && instr.Pos().IsValid() {
				found[k] = use{instr: instr, operand: v, item: it, rel: rel}
			}
		}
		// An arena given back to its pool, allocated from or reset.
		if call, ok := instr.(ssa.CallInstruction); ok && len(s.put) > 0 {
			for _, a := range fs.arenaArgs(call.Common()) {
				if k, ok := canon(a); ok {
					if id, ok := s.put[k]; ok && id != -1 {
						rel := fs.release(id)
						fk := [2]any{k, rel}
						if _, ok := found[fk]; !ok {
							found[fk] = use{instr: instr, operand: a, rel: rel}
						}
					}
				}
			}
		}
	}

	// Definitions.
	switch x := instr.(type) {
	case *ssa.Store:
		if it := fs.items[x.Addr]; it != nil && it.cell {
			fs.define(s, it, fs.items[x.Val])
		}
		// Storing a new arena into a variable gives it back its life.
		for k := range s.put {
			if k.root == x.Addr && k.path == "*" {
				delete(s.put, k)
			}
		}
	case ssa.Value:
		if it := fs.items[x]; it != nil {
			var src *item
			if l, ok := x.(*ssa.UnOp); ok && l.Op == token.MUL {
				src = fs.items[l.X]
			}
			fs.define(s, it, src)
		}
		for k := range s.put {
			if k.root == x && k.path == "" {
				delete(s.put, k)
			}
		}
		if call, ok := x.(*ssa.Call); ok {
			if o, ok := lookup(&call.Call); ok && o.kind == opCheckpoint {
				s.since[call] = make([]bool, len(fs.list))
			}
		}
	}

	// A decoder fills its target again.
	if call, ok := instr.(*ssa.Call); ok {
		if o, ok := lookup(&call.Call); ok && o.kind == opFill && o.target < len(call.Call.Args) {
			if a := fillTarget(call.Call.Args[o.target]); a != nil {
				if it := fs.items[a]; it != nil && it.holder {
					s.stale[it.id] = -1
					for _, bits := range s.since {
						bits[it.id] = true
					}
				}
			}
		}
	}

	// Releases.
	switch instr.(type) {
	case *ssa.Call:
		for _, r := range fs.releases {
			if r.instr == instr {
				fs.apply(s, r)
			}
		}
	case *ssa.RunDefers:
		for _, r := range fs.deferred {
			fs.apply(s, r)
		}
	}
}

// propagates reports whether instr moves a value between a variable and
// its cell rather than using it.
func (fs *fnState) propagates(instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.Store:
		it := fs.items[x.Addr]
		return it != nil && it.cell
	case *ssa.UnOp:
		it := fs.items[x.X]
		return x.Op == token.MUL && it != nil && it.cell
	}
	return false
}

// define records that it gets a new value: for a load from a cell or a
// store into one, the value src had; for a load from a variable a decoder
// filled, that variable's state; otherwise memory allocated here (fresh)
// or shared with its sources.
func (fs *fnState) define(s *state, it, src *item) {
	s.stale[it.id] = -1
	if src != nil && src.root != nil && !it.holder {
		src = src.root
	}
	if it.holder && src == nil {
		return // the variable is filled by the decoding call, not here
	}
	if it.cell || src != nil && (src.cell || src.holder) {
		if src != nil {
			s.stale[it.id] = s.stale[src.id]
		}
		for _, bits := range s.since {
			bits[it.id] = src != nil && bits[src.id]
		}
		return
	}
	for _, bits := range s.since {
		v := it.fresh
		for _, o := range it.srcs {
			v = v || bits[o.id]
		}
		bits[it.id] = v
	}
}

func (fs *fnState) apply(s *state, r *release) {
	var since []bool
	if r.kind == opRewind {
		if r.cp == nil {
			return
		}
		since = s.since[r.cp]
		if since == nil {
			return
		}
	}
	if r.kind == opJoin {
		// The child's memory now lives with its parent; the child is
		// gone.
		if _, ok := s.put[r.key]; !ok {
			s.put[r.key] = int32(r.id)
		}
		return
	}
	for _, it := range fs.list {
		if !fs.arenaOfAt(s, it, r.key) || s.stale[it.id] != -1 {
			continue
		}
		if since != nil && !since[it.id] {
			continue
		}
		s.stale[it.id] = int32(r.id)
	}
	if r.kind == opPut {
		if _, ok := s.put[r.key]; !ok {
			s.put[r.key] = int32(r.id)
		}
	}
}

// arenaOf reports whether item it may be memory of arena k: allocated
// from it, or from a child joined into it.
func (fs *fnState) arenaOf(it *item, k key) bool {
	for c := range it.keys {
		if fs.arenaOfKey(c, k) {
			return true
		}
	}
	return false
}

// arenaOfAt is arenaOf where the analysis is at state s: a child's memory
// is its parent's only once the Join may have run. Before it, releasing
// the parent (a ResetTo to a checkpoint taken after the fork) leaves the
// child's memory alone.
func (fs *fnState) arenaOfAt(s *state, it *item, k key) bool {
	for c := range it.keys {
		if fs.parentOf(c, k, func(c key) bool { _, ok := s.put[c]; return ok }) {
			return true
		}
	}
	return false
}

// arenaOfKey reports whether memory of arena c is memory of arena k: c is
// k, or a child joined into it.
func (fs *fnState) arenaOfKey(c, k key) bool {
	return fs.parentOf(c, k, func(key) bool { return true })
}

// parentOf reports whether c is k or a descendant of k by joins for whose
// children joined reports true.
func (fs *fnState) parentOf(c, k key, joined func(key) bool) bool {
	for range 8 {
		if c == k {
			return true
		}
		p, ok := fs.parents[c]
		if !ok || !joined(c) {
			return false
		}
		c = p
	}
	return false
}

func (fs *fnState) release(id int32) *release {
	if int(id) < len(fs.releases) {
		return fs.releases[id]
	}
	return fs.deferred[int(id)-len(fs.releases)]
}

// harmless reports whether instr only looks at the header of v, not at
// the memory it refers to: comparing it with nil, len and cap, and the
// methods that stay valid after a reset.
func harmless(instr ssa.Instruction, v ssa.Value) bool {
	switch x := instr.(type) {
	case *ssa.BinOp:
		if x.Op == token.EQL || x.Op == token.NEQ {
			other := x.X
			if other == v {
				other = x.Y
			}
			c, ok := other.(*ssa.Const)
			return ok && c.IsNil()
		}
	case ssa.CallInstruction:
		c := x.Common()
		if b, ok := c.Value.(*ssa.Builtin); ok {
			switch b.Name() {
			case "len", "cap":
				return true
			}
		}
		if o, ok := lookup(c); ok && o.kind == opSafe {
			return len(c.Args) > o.arg && c.Args[o.arg] == v
		}
		if fn := c.StaticCallee(); fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "runtime" && fn.Name() == "KeepAlive" {
			return true
		}
	}
	return false
}

// arenaArgs returns the arguments of a call that it uses as arenas: to
// allocate from, reset or check point, as the table or a summary says,
// or as the receiver of a Bump method.
func (fs *fnState) arenaArgs(c *ssa.CallCommon) []ssa.Value {
	if o, ok := lookup(c); ok {
		switch o.kind {
		case opAlloc, opHandle, opRelease, opRewind, opCheckpoint:
			// (Put twice panics at once with a clear message.)
			if o.arg < len(c.Args) {
				return []ssa.Value{c.Args[o.arg]}
			}
		}
		return nil
	}
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	if recv := fn.Signature.Recv(); recv != nil && isBumpType(recv.Type(), "Bump") && len(c.Args) > 0 && !readOnly[fn.Name()] {
		return c.Args[:1]
	}
	var args []ssa.Value
	if s := fs.c.summaryOf(fn); s != nil {
		for _, r := range s.Results {
			for _, p := range r.Alloc {
				if p.Path == "" && p.Param < len(c.Args) {
					args = append(args, c.Args[p.Param])
				}
			}
		}
		for _, p := range s.Releases {
			if p.Path == "" && p.Param < len(c.Args) {
				args = append(args, c.Args[p.Param])
			}
		}
	}
	return args
}

// readOnly lists the Bump methods that only report on the arena: a test
// may look at an arena it put back, to check what Put did.
var readOnly = map[string]bool{
	"AllocatedBytes": true, "AllocatedBytesIncludingMetadata": true,
	"ChunkCapacity": true, "Chunks": true, "AllocationLimit": true, "Stats": true,
}

// isHandle reports whether t is a type whose values stay valid after their
// arena's reset for some methods (a boxed.Box may be dropped, or asked
// whether it was): only the other methods touch the freed memory.
func isHandle(t types.Type) bool {
	_, ptr := types.Unalias(t).(*types.Pointer)
	return !ptr && isNamed(t, "boxed", "Box")
}

// usesHandle reports whether instr calls a method of the handle v that
// touches its memory.
func usesHandle(instr ssa.Instruction, v ssa.Value) bool {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		return false
	}
	c := call.Common()
	fn := c.StaticCallee()
	if fn == nil || len(c.Args) == 0 || c.Args[0] != v {
		return false
	}
	o, ok := lookup(c)
	return strings.HasPrefix(funcKey(fn), "boxed.Box.") && !(ok && o.kind == opSafe)
}

// readsBinding reports whether the function literal of mc reads the
// captured variable bound to v.
func readsBinding(mc *ssa.MakeClosure, v ssa.Value) bool {
	fv := freeVarOf(mc, v)
	if fv == nil {
		return true
	}
	for _, r := range *fv.Referrers() {
		l, ok := r.(*ssa.UnOp)
		if !ok || l.Op != token.MUL {
			continue
		}
		for _, u := range *l.Referrers() {
			if _, ok := u.(*ssa.DebugRef); !ok && !harmless(u, l) {
				return true
			}
		}
	}
	return false
}

// expectsPanic reports whether the function literal mc is passed to a
// call that expects it to panic: testify's Panics, PanicsWithValue...,
// or a function that calls it under a deferred recover. A test checking
// that the checked build catches a stale use makes one on purpose.
func (fs *fnState) expectsPanic(mc *ssa.MakeClosure) bool {
	vals := []ssa.Value{mc}
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.ChangeType: // to assert.PanicTestFunc
			vals = append(vals, r)
		case *ssa.MakeInterface:
			vals = append(vals, r)
		}
	}
	for _, v := range vals {
		for _, r := range *v.Referrers() {
			if call, ok := r.(ssa.CallInstruction); ok {
				if i := slices.Index(call.Common().Args, v); i >= 0 && fs.c.runsRecovered(call.Common(), i) {
					return true
				}
			}
		}
	}
	return false
}
