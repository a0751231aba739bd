// Package lifecheck is the container side of the checked build: built with
// -tags bumpdebug, a container that holds a [Tag] for its creation and for
// each storage allocation panics at the point of use once its arena has
// released that memory (by Reset, or by ResetTo a checkpoint taken before
// it). Without the tag a Tag is empty and every method compiles to
// nothing.
//
// A Tag is registered with the allocator's cleanup list (see
// [bump.Cleaner]), which runs exactly when the arena releases memory
// allocated after the registration. Its state is a scalar id, looked up in
// a registry of live ids, so a Tag inside a container header that lives in
// the arena still reads as stale after the checked build poisons the
// released header: a poisoned id is not in the registry.
package lifecheck
