// Package str provides String, a string builder whose storage comes from a
// [bump.Allocator], and Sprintf, which formats into arena memory: the
// analogues of bumpalo's collections::String and format! macro.
//
// A String is used like a [strings.Builder]: write to it, then call
// [String.String] to get the result as a Go string without copying it.
// Unlike a strings.Builder it can also be edited ([String.Truncate],
// [String.Insert], [String.Remove], [String.Clear]) after String has been
// called, and the strings it returned never change: an edit that would
// overwrite bytes a returned string shares first moves the content to
// fresh storage (copy on write), and storage a returned string shares is
// never given back to the allocator. Appending past the end of what was
// returned needs no copy. The strconv-style appenders
// ([String.AppendInt], [String.AppendFloat], [String.AppendQuote], ...)
// format numbers and quoted strings straight into the storage, several
// times faster than fmt.
//
// What changes the content or the capacity is a method; everything that
// only reads it works on the result of String with the standard strings
// package, which costs no copy:
//
//	i := strings.Index(s.String(), "needle")
//	if strings.HasPrefix(s.String(), "GET ") { ... }
//
// # Where a String lives
//
// [New], [WithCapacity] and [From] allocate the String itself from their
// allocator too, so that with a [*bump.Bump] making a String costs no
// Go-heap allocation once the arena is warm; the zero String (var s
// str.String) is ready to use and stores its content on the Go heap. A
// nil *String reads like an empty one: Len, Cap, String, Format,
// MarshalJSON and MarshalText work on it, Clear and Reset do nothing, and
// the writes panic with "str: Method: write to nil String".
//
// # Growth
//
// On the Go heap storage doubles when it must grow, as a bytes.Buffer's
// does, and is rounded up to the Go allocator's size class; in an arena,
// storage that is the arena's newest allocation grows in place, without
// a copy. [String.Grow](n) guarantees room for n more bytes.
//
// # Failure
//
// Every method that may allocate follows one rule. [String.TryGrow]
// returns an error (wrapping [bump.ErrAllocationLimit] when the arena's
// limit is the cause); after TryGrow(n) succeeds, the next n bytes of
// writes do not allocate and cannot fail. The io.Writer family (Write,
// WriteString, WriteByte, WriteRune, and [Fprintf]) returns the
// allocator's error as its error, as those interfaces expect, having
// written nothing; so do UnmarshalJSON and UnmarshalText. The other
// methods that may allocate (Grow, Insert, Remove, Bytes, the Append
// methods, the constructors and [Sprintf]) panic with the allocator's
// error wrapped as "str: Method: ...", as the allocating methods of every
// bumpkit container do. A failed call leaves the String as it was.
// Insert, Remove and Bytes allocate only to copy bytes a returned string
// shares, which calling String after TryGrow can make necessary again.
//
// # Copies and concurrency
//
// A String must not be copied after first use: go vet's copylocks check
// reports copies, and a write through a copy, or String called on one,
// panics (str: WriteString: String copied by value after first use), as
// strings.Builder's copy check does.
//
// A String is not safe for concurrent use, but its read-only methods may
// be called from any number of goroutines at once while no goroutine
// writes to it, as a Go string or slice may be read: Len, Cap, Allocator,
// IsBoundary, String, Format, MarshalJSON, MarshalText and AppendText.
// None of them writes to the String except String, which records with
// one atomic operation how much of the storage the strings it returned
// share (what later edits must not overwrite).
//
// # Lifetimes
//
// With a [*bump.Bump], the String made by New and the bytes of the
// strings it returns live in the arena, and stay valid only until the
// arena is reset (by [bump.Bump.Reset], or [bump.Bump.ResetTo] a
// checkpoint taken before they were allocated). After that the arena
// zeroes the memory and hands it out again, so a string kept across a
// reset reads zero bytes or, later, whatever new data is written there.
// Such a bug never corrupts the runtime, but it corrupts data: copy a
// string that must outlive its arena (strings.Clone does), and make a new
// String after a reset. [String.Reset] forgets the storage, so a String
// whose storage (but not the String itself) was released by ResetTo may
// be reset and used again.
//
// Built with the bumpdebug build tag (go test -tags bumpdebug), every
// method of a String used after its arena released it, or the storage it
// still uses, panics with "str: String used after its arena was reset"
// (the arena poisons a released String, and holds its memory back from
// reuse for a while, so that the check still works). The strings it
// returned cannot be checked.
package str
