// Package bumpjson decodes JSON into an arena: [Unmarshal] and
// [Decoder] are encoding/json's, with one more argument, the
// [bump.Allocator] that what decoding creates is allocated from.
//
//	var req Request
//	if err := bumpjson.Unmarshal(arena, body, &req); err != nil { ... }
//	// use req until arena.Reset()
//
// The package is named bumpjson rather than json so that it can be
// imported beside encoding/json, whose types it uses: json.RawMessage,
// json.Number, json.Unmarshaler and the error types.
//
// # What lands where
//
// With a [*bump.Bump] (or any other Allocator), decoding allocates from it:
//   - the bytes of every string, and of []byte values (base64);
//   - the backing array of every slice it makes or grows, and the values
//     new pointers point to (a nil *T field gets a T in the arena);
//   - for an interface target (any), the box of each value: strings,
//     float64, json.Number and []any are in the arena;
//   - json.RawMessage's copy of the raw value.
//
// Pointer-holding values are placed in memory the garbage collector scans
// with their type, as everything in a Bump is, so that a Go-heap object
// referred to only from decoded arena values stays alive.
//
// Go maps cannot live in an arena (the runtime allocates their tables).
// A map, and everything decoded into it (its keys, its values, their
// strings, slices and pointers, to any depth), is on the Go heap, exactly
// as encoding/json makes it: a map may therefore be kept after the arena
// is reset. This includes the map[string]any that a JSON object decodes
// to in an interface target. A struct whose field is a map is in the arena
// as usual; only the map is not.
//
// What decoding does not create is not moved: decoding into an existing
// slice reuses its backing array when it has the capacity (encoding/json
// does the same), and a non-nil pointer is decoded through. Types with
// their own UnmarshalJSON or UnmarshalText methods allocate as those
// methods do (usually on the Go heap), with the exception of
// json.RawMessage.
//
// # Lifetime
//
// Values decoded into an arena are valid until the arena's next Reset (or
// ResetTo a checkpoint taken before the decoding). The checked build
// (-tags bumpdebug) makes a use after that visible: released byte chunks
// are protected and released typed values poisoned, as for everything in
// a Bump.
//
// # Semantics
//
// Decoding follows encoding/json (v1) exactly: struct tags and their
// options (including "-" and ",string"), case-insensitive field
// matching, embedded structs and pointers to them, json.Unmarshaler and
// encoding.TextUnmarshaler, RawMessage and Number, unknown fields ignored
// (or rejected with DisallowUnknownFields), the same inputs accepted, the
// same values produced and the same errors, of the same types with the
// same messages and offsets. A differential test over encoding/json's own
// cases and a real document, and a fuzz target, hold the two together.
//
// # Encoding
//
// [Append] and [Encoder] are json.Marshal and json.Encoder with an
// allocator: the same bytes and the same errors, with the output, the
// encoder's state and the storage that sorting a map's keys needs in the
// arena. Types that implement [Appender] (bumpkit's containers, and the
// user's own types) encode straight to the output rather than through a
// MarshalJSON []byte; [BeginArray], [BeginMap] and [BeginObject] build
// an array or an object element by element for those whose elements are
// not in one slice. Once warm, encoding takes nothing from the Go heap
// but what the values' own MarshalJSON and MarshalText methods allocate.
//
// # Cost
//
// The first decoding of a type computes a plan for it with reflect, cached
// for the life of the program. Once the arena is warm, decoding takes
// nothing from the Go heap but maps and what user methods allocate; see
// docs/benchmarks.md for the figures against encoding/json.
package bumpjson
