package lifetime

import (
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"
)

// A key names an arena within one function: an SSA value (a parameter,
// the result of Pool.Get, a local or global bump.Bump) followed by a path
// of field selections (".3") and loads ("*"), so that p.arena names the
// same arena at every use. Keys are compared, never dereferenced: two keys
// that differ may still be one arena (aliasing), which the checker then
// misses rather than reports.
type key struct {
	root ssa.Value
	path string
}

// viewPath marks the key of a parameter whose own memory a value shares;
// it is how a function's summary says "my result is a view of argument j".
const viewPath = "="

// canon returns the key of the arena v denotes, and false when v is nil
// (the Go heap) or its arena cannot be named.
func canon(v ssa.Value) (key, bool) {
	path := ""
	for range 64 {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			path = "." + strconv.Itoa(x.Field) + path
			v = x.X
		case *ssa.Field:
			path = "," + strconv.Itoa(x.Field) + path
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return key{v, path}, true
			}
			path = "*" + path
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.TypeAssert:
			v = x.X
		case *ssa.Const:
			return key{}, false // nil: the Go heap
		case *ssa.Call:
			if o, ok := lookup(&x.Call); ok && o.kind == opHandle && o.arg < len(x.Call.Args) {
				v = x.Call.Args[o.arg]
				continue
			}
			return key{v, path}, true
		case *ssa.Phi:
			// The same arena on every edge (nil edges aside), or unknown.
			var k key
			found := false
			for _, e := range x.Edges {
				if e == x {
					continue
				}
				if c, ok := e.(*ssa.Const); ok && c.IsNil() {
					continue
				}
				if _, ok := e.(*ssa.Phi); ok {
					return key{}, false
				}
				ek, ok := canon(e)
				if !ok || found && ek != k {
					return key{}, false
				}
				k, found = ek, true
			}
			if !found {
				return key{}, false
			}
			return key{k.root, k.path + path}, true
		default:
			return key{v, path}, true
		}
	}
	return key{}, false
}

// An item is a value of a function that may refer to arena memory, or a
// local variable (a cell) that may hold one.
type item struct {
	id   int
	v    ssa.Value
	keys map[key]bool
	// fresh: the value is memory allocated where it is defined; otherwise
	// it shares the memory of srcs.
	fresh bool
	srcs  []*item
	// contains: the value is not arena memory but holds some (a closure
	// capturing it, a composite literal): it matters only where it
	// outlives the arena, not when it is touched after a reset.
	contains bool
	cell     bool
	// holder: a variable that a decoder filled with arena memory (its
	// fields are arena memory); root: the holder whose memory an address
	// item points into.
	holder bool
	root   *item
	// results lists the components of a tuple that are arena memory (nil:
	// all of them).
	results []int
	// origin is the allocation the memory comes from, for messages.
	origin ssa.Instruction
}

func (it *item) hasResult(i int) bool {
	if it.results == nil {
		return true
	}
	for _, r := range it.results {
		if r == i {
			return true
		}
	}
	return false
}

// mayHoldPointers reports whether a value of type t can refer to memory:
// values that cannot (numbers, bools) are copies, never arena memory.
func mayHoldPointers(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Kind() == types.String || t.Kind() == types.UnsafePointer || t.Kind() == types.UntypedNil
	case *types.Struct:
		for i := range t.NumFields() {
			if mayHoldPointers(t.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Array:
		return t.Len() > 0 && mayHoldPointers(t.Elem())
	case *types.Tuple:
		for i := range t.Len() {
			if mayHoldPointers(t.At(i).Type()) {
				return true
			}
		}
		return false
	}
	return true
}

// isArenaType reports whether a parameter of type t is an arena to
// allocate from rather than a value that may be arena memory.
func isArenaType(t types.Type) bool {
	return isBumpType(t, "Bump") || isBumpType(t, "Allocator") || isBumpType(t, "Typed")
}

// isCell reports whether the Alloc a is a local variable that is only
// stored to, loaded from and captured by closures: a variable kept in
// memory because a closure captures it or its address is taken for
// these purposes only.
func isCell(a *ssa.Alloc) bool {
	if !mayHoldPointers(deref(a.Type())) {
		return false
	}
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == a {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.MakeClosure:
			// A variable that a function literal assigns changes when
			// the literal runs, which the checker does not follow.
			if writesBinding(r, a) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// localRoot returns the local Alloc that the address addr points into,
// through field and element selections, or nil.
func localRoot(addr ssa.Value) *ssa.Alloc {
	for range 32 {
		switch x := addr.(type) {
		case *ssa.Alloc:
			return x
		case *ssa.FieldAddr:
			addr = x.X
		case *ssa.IndexAddr:
			addr = x.X
		default:
			return nil
		}
	}
	return nil
}

// globalRoot returns the package-level variable that the address addr
// points into, through field and element selections and loads of
// pointers, or nil.
func globalRoot(addr ssa.Value) *ssa.Global {
	g, _ := memoryRoot(addr).(*ssa.Global)
	return g
}

// memoryRoot returns the value whose memory the address addr points
// into, through field and element selections and loads of pointers.
func memoryRoot(addr ssa.Value) ssa.Value {
	for range 32 {
		switch x := addr.(type) {
		case *ssa.FieldAddr:
			addr = x.X
		case *ssa.IndexAddr:
			addr = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return addr
			}
			addr = x.X
		default:
			return addr
		}
	}
	return nil
}

// writesBinding reports whether the function literal of mc stores into the
// captured variable bound to v.
func writesBinding(mc *ssa.MakeClosure, v ssa.Value) bool {
	fv := freeVarOf(mc, v)
	if fv == nil {
		return true
	}
	for _, r := range *fv.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp, *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr == fv {
				return true
			}
		case *ssa.MakeClosure:
			if writesBinding(r, fv) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// freeVarOf returns the free variable of mc's function literal that is
// bound to v, or nil if there is none or the function is unknown.
func freeVarOf(mc *ssa.MakeClosure, v ssa.Value) *ssa.FreeVar {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return nil
	}
	for i, b := range mc.Bindings {
		if b == v && i < len(fn.FreeVars) {
			return fn.FreeVars[i]
		}
	}
	return nil
}
