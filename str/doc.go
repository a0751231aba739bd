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
// returned needs no copy.
//
// # Lifetimes
//
// With a [*bump.Bump], the bytes of the strings a String returns live in
// the arena, and stay valid only until the arena is reset (by
// [bump.Bump.Reset], or [bump.Bump.ResetTo] a checkpoint taken before the
// bytes were written). After that the arena zeroes the memory and hands it
// out again, so a string kept across a reset reads zero bytes or, later,
// whatever new data is written there. Such a bug never corrupts the
// runtime, but it corrupts data: copy a string that must outlive its
// arena (strings.Clone does). Likewise a String must not be used after
// its arena is reset, except for [String.Reset], which forgets its storage
// so that it can be used again.
//
// Built with the bumpdebug build tag (go test -tags bumpdebug), a String
// whose allocator is a [bump.Cleaner], such as a *bump.Bump, notices when
// the arena releases its storage and panics if it is used afterwards
// (other than by Reset). The strings it returned cannot be checked.
//
// A nil allocator, and the zero String, use the Go heap, with the same
// guarantees and no lifetime restriction.
package str
