//lint:file-ignore U1000 benchmark sinks are written, never read, by design

package workload

// Sinks keep the compiler from optimising allocations away. The arena
// variants clear them before their arena is reset, so that nothing keeps
// a pointer into reused memory.
var (
	sinkSmall  *Small
	sinkNode   *Node
	sinkBytes  []byte
	sinkString string
	sinkInts   []int
	sinkInt    int
)
