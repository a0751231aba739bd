package proptest

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
)

var (
	flagN    = flag.Int("proptest.n", 0, "generated command sequences per property; overrides -proptest.time (or $PROPTEST_N)")
	flagTime = flag.Duration("proptest.time", 0, "time each property runs for (default 1s, also under -race, 150ms with -short; or $PROPTEST_TIME)")
	flagSeed = flag.Int64("proptest.seed", 0, "random seed to replay a reported failure (default: time-based; or $PROPTEST_SEED)")
	flagSize = flag.Int("proptest.size", 0, "maximum commands in one sequence (default 100; or $PROPTEST_SIZE)")
	flagFuzz = flag.String("proptest.fuzz", "", "fuzzing mode: thorough (the default: collections within inputs, full checks after every op) or fast (neither; or $PROPTEST_FUZZ): see docs/testing.md")
)

// fastFuzzMode reports whether the fuzz targets run in the fast mode
// (-proptest.fuzz=fast): no garbage collection within inputs, and the
// full comparison of container and model only every fastCheckEvery ops
// and after the last, so that a long campaign runs hundreds of
// thousands of inputs a minute. The thorough mode, and the property
// tests, keep both.
func fastFuzzMode() bool {
	mode := *flagFuzz
	if mode == "" {
		mode = os.Getenv("PROPTEST_FUZZ")
	}
	switch mode {
	case "", "thorough":
		return false
	case "fast":
		return true
	}
	panic(fmt.Sprintf("proptest: fuzzing mode %q: want thorough or fast", mode))
}

// roundSize is how many sequences a property runs between two looks at
// the clock. Sequences grow from empty to maxSize within each round.
const roundSize = 20

// budget returns how long each property runs, in rounds of roundSize
// sequences (at least one round), unless a number of sequences is set
// with -proptest.n. The defaults make the whole package (about 20
// properties) spend about a minute on a 2-core machine, a few seconds
// with -short, and keep the slower race-detector run of CI short; long
// campaigns raise it (see docs/testing.md).
func budget() time.Duration {
	if *flagTime != 0 {
		return *flagTime
	}
	if s := os.Getenv("PROPTEST_TIME"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			panic(fmt.Sprintf("proptest: $PROPTEST_TIME=%q is not a duration", s))
		}
		return d
	}
	if testing.Short() {
		return 150 * time.Millisecond
	}
	return time.Second
}

// iterations returns the number of sequences set with -proptest.n (or
// $PROPTEST_N), or 0 to run for budget().
func iterations() int {
	return int(flagOrEnv(*flagN, "PROPTEST_N"))
}

// maxSize is the longest command sequence gopter generates; sequences grow
// linearly from empty to this length over the run.
func maxSize() int {
	if n := flagOrEnv(*flagSize, "PROPTEST_SIZE"); n > 0 {
		return int(n)
	}
	return 100
}

func seed() int64 {
	if s := flagOrEnv(*flagSeed, "PROPTEST_SEED"); s != 0 {
		return s
	}
	return time.Now().UnixNano()
}

func flagOrEnv[T int | int64](v T, env string) int64 {
	if v != 0 {
		return int64(v)
	}
	if s := os.Getenv(env); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			panic(fmt.Sprintf("proptest: $%s=%q is not an integer", env, s))
		}
		return n
	}
	return 0
}

// logWriter sends gopter's report to the test log, so that it appears next
// to the failure (and with -v) instead of on stdout.
type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// checkMachine runs gopter's stateful test of newMachine: random sequences of
// ops drawn from kinds, each applied by a fresh machine, which compares the
// system under test with its model after every op. It runs rounds of
// sequences until budget() is spent (or the -proptest.n sequences). A
// failing sequence is shrunk and reported with the seed that replays it.
func checkMachine(t *testing.T, config string, kinds []opKind, newMachine func() machine) {
	t.Helper()
	base := seed()
	n, rounds := iterations(), 0
	for start := time.Now(); ; rounds++ {
		s, size := base+int64(rounds), roundSize
		if n > 0 {
			s, size = base, n
		}
		params := gopter.DefaultTestParametersWithSeed(s)
		params.MinSuccessfulTests = size
		params.MaxSize = maxSize()
		props := gopter.NewProperties(params)
		props.Property(t.Name(), commands.Prop(protoCommands(config, kinds, newMachine)))
		props.TestingRun(t, gopter.NewFormatedReporter(testing.Verbose(), 160, logWriter{t}))
		if t.Failed() {
			t.Logf("replay with: go test ./proptest -run '^%s$' -proptest.seed=%d -proptest.n=%d", t.Name(), s, size)
			return
		}
		if n > 0 || time.Since(start) >= budget() {
			break
		}
	}
	if n == 0 {
		t.Logf("%d sequences in %v", (rounds+1)*roundSize, budget())
	}
}
