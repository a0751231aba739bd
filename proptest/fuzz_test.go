package proptest

import (
	"testing"
)

// maxFuzzOps bounds the ops decoded from one input, so that every input
// runs in milliseconds; fastFuzzOps is the bound of the fast mode, whose
// inputs run in a fraction of one (the fuzzer reaches longer histories by
// growing its corpus, not by long inputs).
const (
	maxFuzzOps  = 256
	fastFuzzOps = 64
)

// decodeOps reads an op sequence from fuzzer bytes: one byte selects the
// kind, two bytes (little-endian) each argument, reduced below its bound.
// Missing bytes read as zero, so every input decodes.
func decodeOps(data []byte, kinds []opKind) []op {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	limit := maxFuzzOps
	if fastFuzzMode() {
		limit = fastFuzzOps
	}
	var ops []op
	for len(data) > 0 && len(ops) < limit {
		o := op{kind: &kinds[next()%len(kinds)]}
		for i, bound := range o.kind.args {
			o.args[i] = (next() | next()<<8) % bound
		}
		ops = append(ops, o)
	}
	return ops
}

// fuzzMachine runs the ops data encodes on a fresh machine and fails with
// the sequence up to the first failing op.
func fuzzMachine(t *testing.T, data []byte, kinds []opKind, newMachine func() machine) {
	ops := decodeOps(data, kinds)
	fuzzing = true // gcCalls goes on counting across inputs: see collect
	fastFuzz = fastFuzzMode()
	defer func() { fuzzing, fastFuzz = false, false }()
	h := &harness{m: newMachine()}
	for i, o := range ops {
		fuzzStep, fuzzLast = i, i == len(ops)-1
		if err := h.run(o); err != nil {
			t.Fatalf("%v\nsequence: %v", err, ops[:i+1])
		}
	}
}

// fuzzEnv picks the allocator from the first byte of data.
func fuzzEnv(data []byte) (allocEnv, []byte) {
	if len(data) == 0 {
		return newEnv(envNames[0]), data
	}
	return newEnv(envNames[int(data[0])%len(envNames)]), data[1:]
}

func FuzzBump(f *testing.F) {
	f.Add([]byte{0, 16, 0, 3, 0, 7, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzMachine(t, data, bumpOps, newBumpMachine)
	})
}

func FuzzVec(f *testing.F) {
	f.Add([]byte{1, 0, 1, 0, 0, 2, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		env, data := fuzzEnv(data)
		fuzzMachine(t, data, vecOps, func() machine { return newVecMachine(env) })
	})
}

func FuzzMap(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 1, 0, 0, 0, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		env, data := fuzzEnv(data)
		// The colliding hasher makes the table's layout, and so the run,
		// deterministic, as coverage-guided fuzzing needs.
		fuzzMachine(t, data, hashmapOps, func() machine { return newCollidingMapMachine(env) })
	})
}

func FuzzSet(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 1, 0, 0, 0, 10, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		env, data := fuzzEnv(data)
		fuzzMachine(t, data, setOps, func() machine { return newCollidingSetMachine(env) })
	})
}

func FuzzDeque(f *testing.F) {
	f.Add([]byte{2, 0, 1, 0, 1, 0, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		env, data := fuzzEnv(data)
		fuzzMachine(t, data, dequeOps, func() machine { return newDequeMachine(env) })
	})
}

func FuzzStr(f *testing.F) {
	f.Add([]byte{1, 0, 5, 0, 3, 0, 13})
	f.Fuzz(func(t *testing.T, data []byte) {
		env, data := fuzzEnv(data)
		fuzzMachine(t, data, strOps, func() machine { return newStrMachine(env) })
	})
}

func FuzzBTree(f *testing.F) {
	f.Add([]byte{1, 0, 5, 0, 1, 0, 3, 0, 0, 11, 0, 200, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		env, data := fuzzEnv(data)
		fuzzMachine(t, data, btreeOps, func() machine { return newBTreeMachine(env) })
	})
}

func FuzzPQueue(f *testing.F) {
	f.Add([]byte{1, 0, 5, 0, 0, 9, 0, 1, 2, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		env, data := fuzzEnv(data)
		fuzzMachine(t, data, pqueueOps, func() machine { return newPQueueMachine(env) })
	})
}
