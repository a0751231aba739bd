package proptest

import (
	"fmt"
	"math/bits"
	"runtime"
	"strings"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
)

// An opKind describes one kind of generated command: its name, how often it
// is drawn relative to the others, and the exclusive upper bound of each of
// its integer arguments.
//
// Arguments are raw numbers that the machine reduces to valid values when it
// runs the op (an index becomes index % len, say). Every sequence is thus
// valid in every state, which lets gopter drop any command while shrinking
// without preconditions.
type opKind struct {
	name   string
	weight int
	args   []int
}

// An op is one generated command. It implements commands.Command; the
// gopter state is unused (the model lives in the machine) because the
// outcome of an op may depend on the system under test, for example on
// whether an allocation limit is hit.
type op struct {
	kind *opKind
	args [3]int
}

// arg returns the i'th argument.
func (o op) arg(i int) int { return o.args[i] }

func (o op) String() string {
	var b strings.Builder
	b.WriteString(o.kind.name)
	b.WriteByte('(')
	for i := range o.kind.args {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, o.args[i])
	}
	b.WriteByte(')')
	return b.String()
}

// A machine is a system under test together with its reference model.
// step applies o to both and returns a description of the first difference
// or broken invariant it finds, or nil.
type machine interface {
	step(o op) error
}

// harness runs the ops of one sequence on a machine, stops at the first
// failure, and turns panics into failures so that they are shrunk too.
type harness struct {
	m     machine
	steps int
	err   error
}

func (h *harness) run(o op) (err error) {
	if h.err != nil {
		return nil // the sequence already failed; later ops would only add noise
	}
	h.steps++
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
		if err != nil {
			err = fmt.Errorf("step %d, %v: %w", h.steps, o, err)
			h.err = err
		}
	}()
	return h.m.step(o)
}

func (o op) Run(sut commands.SystemUnderTest) commands.Result {
	if err := sut.(*harness).run(o); err != nil {
		return err
	}
	return nil
}

func (o op) NextState(state commands.State) commands.State { return state }
func (o op) PreCondition(commands.State) bool              { return true }

func (o op) PostCondition(_ commands.State, result commands.Result) *gopter.PropResult {
	if result == nil {
		return &gopter.PropResult{Status: gopter.PropTrue}
	}
	return gopter.NewPropResult(false, result.(error).Error())
}

// genOp draws ops from kinds by weight. Arguments are log-uniform below
// their bound, so small values (the interesting edges) are common and
// large ones still appear.
func genOp(kinds []opKind) gopter.Gen {
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	return func(p *gopter.GenParameters) *gopter.GenResult {
		r := p.Rng.Intn(total)
		k := 0
		for r >= kinds[k].weight {
			r -= kinds[k].weight
			k++
		}
		o := op{kind: &kinds[k]}
		for i, bound := range kinds[k].args {
			width := bits.Len(uint(bound))
			o.args[i] = p.Rng.Intn(min(bound, 1<<p.Rng.Intn(width+1)))
		}
		return gopter.NewGenResult(o, shrinkOp)
	}
}

// shrinkOp offers smaller arguments: each argument towards zero by
// replacing it with 0, half, and one less.
func shrinkOp(v any) gopter.Shrink {
	o := v.(op)
	var cands []op
	for i := range o.kind.args {
		a := o.args[i]
		seen := map[int]bool{a: true}
		for _, smaller := range []int{0, a / 2, a - 1} {
			if smaller >= 0 && !seen[smaller] {
				seen[smaller] = true
				c := o
				c.args[i] = smaller
				cands = append(cands, c)
			}
		}
	}
	return func() (any, bool) {
		if len(cands) == 0 {
			return nil, false
		}
		c := cands[0]
		cands = cands[1:]
		return c, true
	}
}

func protoCommands(config string, kinds []opKind, newMachine func() machine) *commands.ProtoCommands {
	return &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest {
			gcCalls = 0
			return &harness{m: newMachine()}
		},
		// The state is only a label for the report: see op.
		InitialStateGen: gopterConst(config),
		GenCommandFunc: func(commands.State) gopter.Gen {
			return genOp(kinds)
		},
	}
}

func gopterConst(v any) gopter.Gen {
	return func(*gopter.GenParameters) *gopter.GenResult {
		return gopter.NewGenResult(v, gopter.NoShrinker)
	}
}

// fuzzing is set while a fuzz target runs; see collect.
var fuzzing bool

// fastFuzz is set while a fuzz target runs in the fast mode (see
// fastFuzzMode); fuzzStep is then the index of the op running, and
// fuzzLast whether it is the input's last.
var (
	fastFuzz bool
	fuzzStep int
	fuzzLast bool
)

// fastCheckEvery is how often, in ops, the fast fuzzing mode compares a
// whole container with its model.
const fastCheckEvery = 16

// fullCheck reports whether a machine compares the whole container with
// its model after the op running: always, except in the fast fuzzing mode,
// where it does on every fastCheckEvery'th op and the last. The results
// of the op itself (what a Pop returned, say) are compared every time.
func fullCheck() bool {
	return !fastFuzz || fuzzLast || fuzzStep%fastCheckEvery == fastCheckEvery-1
}

// gcCalls counts the GC ops of the current sequence; see collect.
var gcCalls int

// collect runs the garbage collector for a GC op of a container's model.
// A collection costs milliseconds, far more than any other op, so only the
// first GC op of a sequence and every third one after it collect. Under
// fuzzing, where throughput is what finds bugs, only every eighth GC op
// collects, counting across inputs, so that most inputs run without a
// collection. TestGCSafety, whose subject is the collector, collects at
// every GC op. The fast fuzzing mode does not collect.
func collect() {
	if fastFuzz {
		return
	}
	gcCalls++
	every := 3
	if fuzzing {
		every = 8
	}
	if gcCalls%every == 1 {
		runtime.GC()
	}
}
