// Package lifetime provides the analyzers of bumpvet, which report
// mistakes in the lifetimes of bumpkit arena memory: Reset (memory used
// after its arena released it) and Escape (memory that outlives its
// arena). Both rest on Flow, which finds the memory and exports facts.
// docs/usage.md (section 9) describes what they report and what they
// cannot see.
//
// # How it works
//
// Each function is analyzed in SSA form. Values that may be arena memory
// ("items") are found flow-insensitively from the calls in a table (see
// table.go) and the facts of called functions, then through the
// operations that keep referring to the same memory: slicing, field and
// element addresses, conversions, phis, and the local variables that
// closures capture ("cells"). Loads from memory end the chain: what a
// value read from arena memory refers to is not known.
//
// Each item has the arenas it may come from, named by a key: an SSA
// value (a parameter, the result of Pool.Get, a bump.Bump variable)
// followed by a path of field selections and loads, so that p.arena is
// the same arena at every use.
//
// A forward dataflow over the control-flow graph then tracks, at each
// point, which items a release (Reset, ResetTo, Put, or a call whose fact
// says it releases an argument) may have freed on some path, and which
// were allocated after each checkpoint; a definition (the value computed
// again, the variable assigned) clears an item. An instruction that uses
// a freed item is a finding. Deferred releases take effect at the
// function's return, so that returning arena memory past a deferred
// release is found the same way. Stores into package-level variables,
// sends and goroutines are checked against the releases that may follow
// them.
//
// A function's summary says which of its results are new memory of an
// arena parameter (or of a parameter's field), which are views of a
// parameter's memory, and which parameters' arenas it releases. Within a
// package summaries are iterated to a fixed point; across packages they
// are the Results and Releases facts. Packages that do not import bump,
// directly or not, are skipped without building SSA.
//
// # Extending the table
//
// A new bumpkit function that allocates from an arena, hands out a
// container's memory, or releases memory is one row in table.go, keyed by
// its package-relative name ("bump.NewIn", "vec.Vec.Slice"), with what
// it does (opAlloc, opView, opRelease...) and which argument it is about;
// testdata/src gains a use of it. Functions of users' packages need no
// row: their summaries are computed.
package lifetime
