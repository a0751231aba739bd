// Package testkit is the floor of the repository that imports the library:
// what its tests, benchmarks, examples and cmd/bumpbench share
// (allocator sets for tests, benchmark bodies, the JSON tree workload).
// The library itself (bump, the containers, internal/lifecheck) must never
// import anything under testkit; TestFloors enforces it.
package testkit
