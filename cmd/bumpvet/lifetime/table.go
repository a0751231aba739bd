package lifetime

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// The module whose API the table describes. Keys of the table are
// package-relative: "bump.New", "vec.Vec.Slice" (type name without type
// arguments or pointer).
const module = "github.com/bumpkit/bumpkit/"

// An opKind says what a call in the table does to arena memory.
type opKind int

const (
	// opAlloc: the results are new memory of the arena passed as
	// argument arg (a *bump.Bump, a bump.Allocator holding one, or a
	// *bump.Typed handle).
	opAlloc opKind = iota + 1
	// opAllocLike: the results are new memory of the arena that the
	// arena value passed as argument arg lives in (Vec.Clone).
	opAllocLike
	// opView: the results share the memory of the arena value passed as
	// argument arg (Vec.Slice, String.String, Map.Ptr, the iterators).
	opView
	// opHandle: the result is a handle on the arena passed as argument
	// arg (bump.Of): allocating through it allocates from that arena.
	opHandle
	// opRelease: frees everything allocated from the arena in argument
	// arg (Bump.Reset).
	opRelease
	// opRewind: frees what the arena in argument arg allocated since the
	// checkpoint in argument arg+1 (Bump.ResetTo).
	opRewind
	// opPut: frees everything of the arena in argument arg, and the arena
	// itself goes back to a pool (Pool.Put).
	opPut
	// opCheckpoint: the result is a checkpoint of the arena in argument
	// arg (Bump.Checkpoint).
	opCheckpoint
	// opGet: the result is an arena that will be released by a Put
	// (Pool.Get).
	opGet
	// opSafe: a method that stays valid on a value whose arena was
	// released (Box.Drop).
	opSafe
	// opFill: decodes into the variable that argument target points to,
	// allocating what it creates from the arena in argument arg
	// (bumpjson.Unmarshal): the variable's fields are then arena memory.
	opFill
	// opJoin: the arena in argument target (a child forked from the arena
	// in argument arg) hands its memory to arg, and is used no more.
	// A fork itself needs no row: the child is an arena like any other.
	opJoin
)

// An op is one row of the table.
type op struct {
	kind opKind
	// arg is the index of the argument the op is about, counting the
	// receiver of a method as argument 0.
	arg int
	// results lists the results that are arena memory; nil means all.
	results []int
	// target is the argument an opFill fills.
	target int
}

// table lists the bumpkit functions and methods that allocate from an
// arena, hand out arena memory, or release it. To teach the checker a new
// API, add its rows here (and a case to testdata).
var table = map[string]op{}

func init() {
	// bump's allocation functions, and their Try forms, whose first
	// result is the allocation.
	alloc := func(arg int, names ...string) {
		for _, n := range names {
			table[n] = op{kind: opAlloc, arg: arg}
			pkg, name, _ := strings.Cut(n, ".")
			if strings.Contains(name, ".") {
				typ, m, _ := strings.Cut(name, ".")
				table[pkg+"."+typ+".Try"+m] = op{kind: opAlloc, arg: arg, results: []int{0}}
			} else {
				table[pkg+".Try"+name] = op{kind: opAlloc, arg: arg, results: []int{0}}
			}
		}
	}
	alloc(0, "bump.New", "bump.Alloc", "bump.MakeSlice", "bump.CopySlice",
		"bump.FillSlice", "bump.SliceFunc", "bump.Collect", "bump.String",
		"bump.Bytes", "bump.AlignedBytes", "bump.Append")
	// The same on an Allocator (a *Bump, or nil for the Go heap).
	alloc(0, "bump.NewIn", "bump.AllocIn", "bump.MakeSliceIn",
		"bump.CopySliceIn", "bump.StringIn")
	// Typed handles: bump.Of(b).New() allocates from b.
	table["bump.Of"] = op{kind: opHandle, arg: 0}
	alloc(0, "bump.Typed.New", "bump.Typed.Alloc", "bump.Typed.MakeSlice")
	// The raw helpers on an Allocator return (slice, error).
	for _, n := range []string{"bump.AllocateSlice", "bump.ResizeSlice"} {
		table[n] = op{kind: opAlloc, arg: 0, results: []int{0}}
	}

	table["bump.Bump.Reset"] = op{kind: opRelease, arg: 0}
	table["bump.Bump.ResetTo"] = op{kind: opRewind, arg: 0}
	table["bump.Bump.Checkpoint"] = op{kind: opCheckpoint, arg: 0}
	table["bump.Pool.Put"] = op{kind: opPut, arg: 1}
	table["bump.Pool.Get"] = op{kind: opGet}
	// Fork/join: a joined child's memory lives until the parent's release.
	table["bump.Bump.Join"] = op{kind: opJoin, arg: 0, target: 1}

	// Containers made on an Allocator: in an arena when it is a *Bump,
	// on the Go heap when it is nil.
	for _, n := range []string{
		"vec.New", "vec.WithCapacity", "vec.From", "vec.Collect",
		"str.New", "str.WithCapacity", "str.From", "str.Sprintf",
		"hashmap.New", "hashmap.NewWithHasher", "hashmap.WithCapacity", "hashmap.Collect",
		"deque.New", "deque.WithCapacity",
		"boxed.New",
	} {
		table[n] = op{kind: opAlloc, arg: 0}
	}
	table["boxed.TryNew"] = op{kind: opAlloc, arg: 0, results: []int{0}}

	// The containers of issue 24: btree's ordered Map and Set, pqueue's
	// Queue, hashmap's Set.
	for _, n := range []string{
		"btree.New", "btree.NewFunc", "btree.Collect", "btree.NewSet", "btree.NewSetFunc",
		"pqueue.New", "pqueue.NewFunc", "pqueue.NewIndexed", "pqueue.Collect",
		"hashmap.NewSet", "hashmap.NewSetWithCapacity", "hashmap.NewSetWithHasher", "hashmap.CollectSet",
	} {
		table[n] = op{kind: opAlloc, arg: 0}
	}

	// What containers hand out: views of their storage...
	view := func(names ...string) {
		for _, n := range names {
			table[n] = op{kind: opView, arg: 0}
		}
	}
	view("vec.Vec.Slice", "vec.Vec.IntoSlice", "vec.Vec.All", "vec.Vec.Values",
		"vec.Vec.Backward", "vec.Vec.SplitOff",
		"str.String.String", "str.String.Bytes",
		"hashmap.Map.Ptr", "hashmap.Map.All", "hashmap.Map.Keys", "hashmap.Map.Values",
		"deque.Deque.Slices", "deque.Deque.All", "deque.Deque.Values", "deque.Deque.Backward",
		"boxed.Box.Ptr",
		"btree.Map.Ptr", "btree.Map.All", "btree.Map.Keys", "btree.Map.Values",
		"btree.Map.Backward", "btree.Map.Ascend", "btree.Map.Descend",
		"btree.Set.All", "btree.Set.Backward", "btree.Set.Ascend", "btree.Set.Descend",
		"pqueue.Queue.All", "pqueue.Queue.Values", "pqueue.Queue.Drain",
		"hashmap.Set.All")
	table["btree.Map.Entry"] = op{kind: opView, arg: 0, results: []int{0}}
	table["hashmap.Map.Entry"] = op{kind: opView, arg: 0, results: []int{0}}
	// ... and copies in the same arena.
	for _, n := range []string{
		"vec.Vec.Clone", "hashmap.Map.Clone", "deque.Deque.Clone",
		"btree.Map.Clone", "btree.Set.Clone", "pqueue.Queue.Clone", "hashmap.Set.Clone",
		// A new set from s1's allocator.
		"hashmap.Union", "hashmap.Intersection", "hashmap.Difference",
	} {
		table[n] = op{kind: opAllocLike, arg: 0}
	}
	// A Box may be dropped, or asked whether it was, after its arena
	// released it.
	table["boxed.Box.Drop"] = op{kind: opSafe, arg: 0}
	table["boxed.Box.Dropped"] = op{kind: opSafe, arg: 0}

	// JSON decoded into an arena: the target's strings, slices and
	// pointers (not its maps, which stay on the Go heap).
	table["bumpjson.Unmarshal"] = op{kind: opFill, arg: 0, target: 2}
	table["bumpjson.NewDecoder"] = op{kind: opHandle, arg: 0}
	table["bumpjson.Decoder.Decode"] = op{kind: opFill, arg: 0, target: 1}
	table["bumpjson.UnmarshalEntries"] = op{kind: opAlloc, arg: 0, results: []int{0, 1}}
	// JSON encoded into an arena: dst grows there.
	table["bumpjson.Append"] = op{kind: opAlloc, arg: 0, results: []int{0}}
}

// lookup returns the table's row for the function a call calls.
func lookup(c *ssa.CallCommon) (op, bool) {
	fn := c.StaticCallee()
	if fn == nil {
		return op{}, false
	}
	name := funcKey(fn)
	if name == "" {
		return op{}, false
	}
	o, ok := table[name]
	return o, ok
}

// funcKey returns the table key of a bumpkit function, or "".
func funcKey(fn *ssa.Function) string {
	obj := funcObject(fn)
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	path, ok := strings.CutPrefix(obj.Pkg().Path(), module)
	if !ok {
		return ""
	}
	name := obj.Name()
	if recv := obj.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return ""
		}
		name = named.Origin().Obj().Name() + "." + name
	}
	return path + "." + name
}

// funcObject returns the declared function of fn (for an instantiation,
// the generic one), or nil for a function literal or a wrapper.
func funcObject(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	if obj != nil {
		obj = obj.Origin()
	}
	return obj
}

// isBumpType reports whether t is bump's named type name, or a pointer to it.
func isBumpType(t types.Type, name string) bool {
	return isNamed(t, "bump", name)
}

// isNamed reports whether t is the named type name of bumpkit's package
// pkg, or a pointer to it.
func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Origin().Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == module+pkg && obj.Name() == name
}
