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
	flagN    = flag.Int("proptest.n", 0, "generated command sequences per property (default 100, 25 under -race; or $PROPTEST_N)")
	flagSeed = flag.Int64("proptest.seed", 0, "random seed to replay a reported failure (default: time-based; or $PROPTEST_SEED)")
	flagSize = flag.Int("proptest.size", 0, "maximum commands in one sequence (default 100; or $PROPTEST_SIZE)")
)

// iterations is how many sequences each property runs. The defaults keep the
// whole package well under a minute on a 2-core machine, race detector
// included; long campaigns raise it with -proptest.n.
func iterations() int {
	if n := flagOrEnv(*flagN, "PROPTEST_N"); n > 0 {
		return int(n)
	}
	if raceEnabled {
		return 25
	}
	return 100
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
// system under test with its model after every op. A failing sequence is
// shrunk and reported with the seed that replays it.
func checkMachine(t *testing.T, config string, kinds []opKind, newMachine func() machine) {
	t.Helper()
	s := seed()
	params := gopter.DefaultTestParametersWithSeed(s)
	params.MinSuccessfulTests = iterations()
	params.MaxSize = maxSize()
	props := gopter.NewProperties(params)
	props.Property(t.Name(), commands.Prop(protoCommands(config, kinds, newMachine)))
	props.TestingRun(t, gopter.NewFormatedReporter(testing.Verbose(), 160, logWriter{t}))
	if t.Failed() {
		t.Logf("replay with: go test ./proptest -run '^%s$' -proptest.seed=%d -proptest.n=%d", t.Name(), s, params.MinSuccessfulTests)
	}
}
