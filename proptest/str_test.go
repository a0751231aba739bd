package proptest

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/bumpkit/bumpkit/str"
)

// text returns n runes of 1 to 4 bytes each, so that byte indexes may fall
// inside a UTF-8 sequence.
func text(n, x int) string {
	alphabet := []string{"a", "b", "é", "€", "😀", "z"}
	var b strings.Builder
	for i := range n {
		b.WriteString(alphabet[(x+i*5)%len(alphabet)])
	}
	return b.String()
}

// boundary returns the byte index of the i'th rune boundary of s, counting
// len(s) as the last, modulo their number.
func boundary(s string, i int) int {
	var bs []int
	for j := range s {
		bs = append(bs, j)
	}
	bs = append(bs, len(s))
	return bs[i%len(bs)]
}

var strOps = []opKind{
	{name: "WriteString", weight: 6, args: []int{32, 100}},
	{name: "Write", weight: 3, args: []int{32, 100}},
	{name: "WriteByte", weight: 2, args: []int{128}},
	{name: "WriteRune", weight: 2, args: []int{5}},
	{name: "Fprintf", weight: 1, args: []int{1000}},
	{name: "Insert", weight: 3, args: []int{64, 8, 100}},
	{name: "Remove", weight: 3, args: []int{64, 64}},
	{name: "Truncate", weight: 2, args: []int{64}},
	{name: "Clear", weight: 1},
	{name: "Reset", weight: 1},
	{name: "Grow", weight: 1, args: []int{256}},
	{name: "TryGrow", weight: 1, args: []int{2048}},
	{name: "Bytes", weight: 1, args: []int{64}},
	{name: "String", weight: 6},
	{name: "Sprintf", weight: 1, args: []int{1000, 8}},
	{name: "From", weight: 1},
	{name: "SplitRune", weight: 1, args: []int{3, 64}},
	{name: "GC", weight: 1},
	{name: "AppendInt", weight: 2, args: []int{1 << 20, 35, 2}},
	{name: "AppendUint", weight: 1, args: []int{1 << 20, 35}},
	{name: "AppendFloat", weight: 2, args: []int{1 << 20, 8, 20}},
	{name: "AppendBool", weight: 1, args: []int{2}},
	{name: "AppendQuote", weight: 2, args: []int{32, 100}},
	{name: "GrowThenWrite", weight: 2, args: []int{300, 8, 100}},
	{name: "Copy", weight: 1, args: []int{4}},
	{name: "JSON", weight: 1},
	{name: "UnmarshalJSON", weight: 1, args: []int{32, 100}},
	{name: "Text", weight: 1, args: []int{32, 100}},
	{name: "Format", weight: 2, args: []int{len(strFormats)}},
	{name: "WriteOwn", weight: 2, args: []int{64, 64}},
	{name: "InsertShared", weight: 2, args: []int{16, 64}},
}

// strFormats are the fmt directives a String must print exactly as its
// content, a Go string, prints.
var strFormats = []string{"%s", "%v", "%q", "%+q", "%#q", "%x", "% X", "%#v", "%12s", "%-12s|", "%.4s", "%08q", "%d"}

// floatFormats are strconv's formats for AppendFloat.
var floatFormats = []byte{'b', 'e', 'E', 'f', 'g', 'G', 'x', 'X'}

// snapshot is a string returned earlier, which must never change.
type snapshot struct {
	what      string
	got, want string
}

// strMachine compares a str.String with a Go string, and checks that
// every string String or Sprintf returned keeps its contents.
type strMachine struct {
	env   allocEnv
	s     *str.String
	model string
	snaps []snapshot
}

func TestStr(t *testing.T) {
	forEachEnv(t, strOps, newStrMachine)
}

func newStrMachine(env allocEnv) machine {
	return &strMachine{env: env, s: str.New(env.a)}
}

func (m *strMachine) snap(what, s string) {
	m.snaps = append(m.snaps, snapshot{what: what, got: s, want: strings.Clone(s)})
	if len(m.snaps) > 16 {
		m.snaps = m.snaps[1:]
	}
}

func (m *strMachine) step(o op) error {
	if err := m.apply(o); err != nil {
		return err
	}
	if !fullCheck() {
		return nil
	}
	return m.check()
}

// wrote checks the result of a write of x.
func (m *strMachine) wrote(n int, err error, x string) error {
	failed, bug := m.env.failed(err)
	if bug != nil {
		return bug
	}
	if failed {
		if n != 0 {
			return fmt.Errorf("failed write reported %d bytes written", n)
		}
		return nil
	}
	if n != len(x) {
		return fmt.Errorf("write of %d bytes reported %d", len(x), n)
	}
	m.model += x
	return nil
}

func (m *strMachine) apply(o op) error {
	s := m.s
	switch o.kind.name {
	case "WriteString":
		x := text(o.arg(0), o.arg(1))
		n, err := s.WriteString(x)
		return m.wrote(n, err, x)
	case "Write":
		x := text(o.arg(0), o.arg(1))
		n, err := s.Write([]byte(x))
		return m.wrote(n, err, x)
	case "WriteByte":
		c := byte(o.arg(0))
		err := s.WriteByte(c)
		n := 1
		if err != nil {
			n = 0
		}
		return m.wrote(n, err, string(rune(c)))
	case "WriteRune":
		r := []rune{'x', 'ß', '€', '😀', -1}[o.arg(0)]
		n, err := s.WriteRune(r)
		return m.wrote(n, err, string(r))
	case "Fprintf":
		want := fmt.Sprintf("<%d:%x>", o.arg(0), o.arg(0))
		n, err := str.Fprintf(s, "<%d:%x>", o.arg(0), o.arg(0))
		return m.wrote(n, err, want)
	case "Insert":
		i, x := boundary(m.model, o.arg(0)), text(o.arg(1), o.arg(2))
		if failed, bug := m.env.failed(alloctest.Catch(func() { s.Insert(i, x) })); bug != nil || failed {
			return bug
		}
		m.model = m.model[:i] + x + m.model[i:]
	case "Remove":
		i, j := boundary(m.model, o.arg(0)), boundary(m.model, o.arg(1))
		i, j = min(i, j), max(i, j)
		if failed, bug := m.env.failed(alloctest.Catch(func() { s.Remove(i, j) })); bug != nil || failed {
			return bug
		}
		m.model = m.model[:i] + m.model[j:]
	case "Truncate":
		n := boundary(m.model, o.arg(0))
		s.Truncate(n)
		m.model = m.model[:n]
	case "Clear":
		s.Clear()
		m.model = ""
	case "Reset":
		s.Reset()
		m.model = ""
		if s.Cap() != 0 {
			return fmt.Errorf("Cap() = %d after Reset", s.Cap())
		}
	case "Grow", "TryGrow":
		n := o.arg(0)
		var err error
		if o.kind.name == "Grow" {
			err = alloctest.Catch(func() { s.Grow(n) })
		} else {
			err = s.TryGrow(n)
		}
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		if s.Cap()-s.Len() < n {
			return fmt.Errorf("room for %d bytes after Grow(%d)", s.Cap()-s.Len(), n)
		}
	case "Bytes":
		var b []byte
		if failed, bug := m.env.failed(alloctest.Catch(func() { b = s.Bytes() })); bug != nil || failed {
			return bug
		}
		if string(b) != m.model {
			return fmt.Errorf("Bytes() = %q, want %q", b, m.model)
		}
		// The caller may modify the bytes: swap an ASCII letter's case.
		if len(b) > 0 {
			i := o.arg(0) % len(b)
			if c := b[i]; c >= 'a' && c <= 'z' {
				b[i] = c - 'a' + 'A'
				m.model = m.model[:i] + string(rune(b[i])) + m.model[i+1:]
			}
		}
	case "String":
		got := s.String()
		if got != m.model {
			return fmt.Errorf("String() = %q, want %q", got, m.model)
		}
		m.snap(o.String(), got)
	case "Sprintf":
		x := text(o.arg(1), o.arg(0))
		want := fmt.Sprintf("%d/%s/%v", o.arg(0), x, []int{o.arg(1)})
		var got string
		if failed, bug := m.env.failed(alloctest.Catch(func() { got = str.Sprintf(m.env.a, "%d/%s/%v", o.arg(0), x, []int{o.arg(1)}) })); bug != nil || failed {
			return bug
		}
		if got != want {
			return fmt.Errorf("Sprintf = %q, want %q", got, want)
		}
		m.snap(o.String(), got)
	case "From":
		var w *str.String
		if failed, bug := m.env.failed(alloctest.Catch(func() { w = str.From(m.env.a, m.model) })); bug != nil || failed {
			return bug
		}
		m.s = w
	case "SplitRune":
		// Every method taking a byte index must reject one inside a rune.
		var inside []int
		for i := range len(m.model) {
			if !utf8.RuneStart(m.model[i]) {
				inside = append(inside, i)
			}
		}
		if len(inside) == 0 {
			return nil
		}
		i := inside[o.arg(1)%len(inside)]
		if s.IsBoundary(i) {
			return fmt.Errorf("IsBoundary(%d) inside a rune of %q", i, m.model)
		}
		msg := panicMessage(func() {
			switch o.arg(0) {
			case 0:
				s.Truncate(i)
			case 1:
				s.Insert(i, "x")
			case 2:
				s.Remove(i, len(m.model))
			}
		})
		if msg == "" {
			return fmt.Errorf("byte index %d inside a rune of %q was accepted", i, m.model)
		}
	case "GC":
		collect()
	case "AppendInt", "AppendUint", "AppendFloat", "AppendBool", "AppendQuote":
		return m.appendOp(o)
	case "GrowThenWrite":
		return m.growThenWrite(o)
	case "Copy":
		// Writing through a copy, or calling String on one, panics and
		// leaves the original as it was.
		c := alloctest.CopyOf(s)
		msg := panicMessage(func() {
			switch o.arg(0) {
			case 0:
				c.WriteString("x")
			case 1:
				_ = c.String()
			case 2:
				c.AppendInt(1, 10)
			case 3:
				c.Truncate(0)
			}
		})
		if s.Cap() > 0 && !strings.Contains(msg, "String copied by value after first use") {
			return fmt.Errorf("using a copy of a String with storage: panic %q", msg)
		}
	case "JSON":
		got, err := json.Marshal(s)
		want, _ := json.Marshal(m.model)
		if err != nil || string(got) != string(want) {
			return fmt.Errorf("json.Marshal = %s, %v; want %s", got, err, want)
		}
		// Round trip into a fresh String on the same allocator.
		var w *str.String
		if failed, bug := m.env.failed(alloctest.Catch(func() { w = str.New(m.env.a) })); bug != nil || failed {
			return bug
		}
		err = json.Unmarshal(got, w)
		if failed, bug := m.env.failed(err); bug != nil || failed {
			return bug
		}
		if back := strings.ToValidUTF8(m.model, "\uFFFD"); w.String() != back {
			return fmt.Errorf("JSON round trip = %q, want %q", w.String(), back)
		}
	case "UnmarshalJSON":
		x := text(o.arg(0), o.arg(1))
		data, _ := json.Marshal(x)
		if failed, bug := m.env.failed(json.Unmarshal(data, s)); bug != nil || failed {
			return bug
		}
		m.model = x
	case "Text":
		x := text(o.arg(0), o.arg(1))
		got, err := s.MarshalText()
		if err != nil || string(got) != m.model {
			return fmt.Errorf("MarshalText = %q, %v; want %q", got, err, m.model)
		}
		if failed, bug := m.env.failed(s.UnmarshalText([]byte(x))); bug != nil || failed {
			return bug
		}
		m.model = x
	case "WriteOwn":
		// Write a piece of the String's own storage, as from Bytes: growth
		// must not give the storage back before the copy.
		i, j := boundary(m.model, o.arg(0)), boundary(m.model, o.arg(1))
		i, j = min(i, j), max(i, j)
		var b []byte
		if failed, bug := m.env.failed(alloctest.Catch(func() { b = s.Bytes() })); bug != nil || failed {
			return bug
		}
		n, err := s.Write(b[i:j])
		return m.wrote(n, err, m.model[i:j])
	case "InsertShared":
		// Insert a string that shares the String's storage (one String
		// returned).
		if len(m.snaps) == 0 {
			return nil
		}
		x := m.snaps[o.arg(0)%len(m.snaps)].got
		i := boundary(m.model, o.arg(1))
		if failed, bug := m.env.failed(alloctest.Catch(func() { s.Insert(i, x) })); bug != nil || failed {
			return bug
		}
		m.model = m.model[:i] + x + m.model[i:]
	case "Format":
		f := strFormats[o.arg(0)]
		if got, want := fmt.Sprintf(f, s), fmt.Sprintf(f, m.model); got != want {
			return fmt.Errorf("Sprintf(%q) = %q, want %q", f, got, want)
		}
	default:
		panic("unknown op " + o.kind.name)
	}
	return nil
}

// appendOp checks a strconv-style appender against strconv itself.
func (m *strMachine) appendOp(o op) error {
	s := m.s
	var want []byte
	var f func()
	switch o.kind.name {
	case "AppendInt":
		i := int64(o.arg(0)) * int64(1-2*o.arg(2)) << (o.arg(0) % 40)
		base := 2 + o.arg(1)
		want, f = strconv.AppendInt(nil, i, base), func() { s.AppendInt(i, base) }
	case "AppendUint":
		u := uint64(o.arg(0)) << (o.arg(0) % 44)
		base := 2 + o.arg(1)
		want, f = strconv.AppendUint(nil, u, base), func() { s.AppendUint(u, base) }
	case "AppendFloat":
		x := math.Ldexp(float64(o.arg(0))/7, o.arg(2)*50-500)
		format, prec := floatFormats[o.arg(1)], o.arg(2)-1
		bits := 64
		if o.arg(0)%2 == 1 {
			bits = 32
		}
		want, f = strconv.AppendFloat(nil, x, format, prec, bits), func() { s.AppendFloat(x, format, prec, bits) }
	case "AppendBool":
		b := o.arg(0) == 1
		want, f = strconv.AppendBool(nil, b), func() { s.AppendBool(b) }
	case "AppendQuote":
		x := text(o.arg(0), o.arg(1)) + "\x00\xff\n\u2028"
		want, f = strconv.AppendQuote(nil, x), func() { s.AppendQuote(x) }
	}
	if failed, bug := m.env.failed(alloctest.Catch(f)); bug != nil || failed {
		return bug
	}
	m.model += string(want)
	return nil
}

// growThenWrite checks Grow's guarantee: after Grow(n) succeeds, n bytes
// of writes (of every kind) neither allocate nor fail, even in an arena
// at its limit.
func (m *strMachine) growThenWrite(o op) error {
	s, n := m.s, o.arg(0)
	if failed, bug := m.env.failed(s.TryGrow(n)); bug != nil || failed {
		return bug
	}
	c, before := s.Cap(), m.allocated()
	for written := 0; written < n; {
		var x string
		var err error
		switch k := (o.arg(1) + written) % 8; {
		case k == 0 && n-written >= 20:
			x = strconv.Itoa(-written * 7919)
			s.AppendInt(int64(-written*7919), 10)
		case k == 1 && n-written >= 5:
			x = "false"
			s.AppendBool(false)
		case k == 2:
			x = "b"
			err = s.WriteByte('b')
		case k == 3 && n-written >= 3:
			x = "€"
			_, err = s.WriteRune('€')
		case k == 4:
			x = text(1, o.arg(2))[:1]
			if !utf8.ValidString(x) {
				x = "a"
			}
			_, err = s.Write([]byte(x))
		default:
			x = "0123456789"[:min(10, n-written)]
			_, err = s.WriteString(x)
		}
		if err != nil {
			return fmt.Errorf("write after Grow(%d) failed: %v", n, err)
		}
		written += len(x)
		m.model += x
	}
	if s.Cap() != c || m.allocated() != before {
		return fmt.Errorf("writes within Grow(%d) allocated: Cap %d -> %d, arena %d -> %d bytes", n, c, s.Cap(), before, m.allocated())
	}
	return nil
}

// allocated is the arena's chunk memory in use, or 0 on the heap.
func (m *strMachine) allocated() int {
	if m.env.b == nil {
		return 0
	}
	return m.env.b.AllocatedBytes()
}

func (m *strMachine) check() error {
	s := m.s
	if s.Len() != len(m.model) || s.Cap() < s.Len() {
		return fmt.Errorf("Len() = %d, Cap() = %d, want length %d", s.Len(), s.Cap(), len(m.model))
	}
	for i := 0; i <= len(m.model)+1; i++ {
		want := i == len(m.model) || i < len(m.model) && utf8.RuneStart(m.model[i])
		if s.IsBoundary(i) != want {
			return fmt.Errorf("IsBoundary(%d) = %v in %q", i, !want, m.model)
		}
	}
	for _, sn := range m.snaps {
		if sn.got != sn.want {
			return fmt.Errorf("string returned by %s changed from %q to %q", sn.what, sn.want, sn.got)
		}
	}
	return m.env.checkArena()
}
