// Package testkit is the floor of the repository that imports the library:
// what its tests, benchmarks, examples and cmd/bumpbench share (allocator
// sets for tests, benchmark bodies, the inlining check, the JSON tree
// workload), and the test of the contract every container keeps
// (contract_test.go). The library itself (bump, the containers,
// internal/header and internal/lifecheck) must never import anything
// under testkit; TestFloors enforces it.
package testkit
