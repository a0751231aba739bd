//go:build bumpdebug

package bumpjson_test

import (
	"runtime"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

var sink byte

// TestDebugUseAfterReset: in the checked build, data decoded into an arena
// and used after the arena's Reset does not read as data: the bytes of
// decoded strings fault, and the decoded structs in typed arena memory
// read as poison (pointers and lengths zero, numbers the pattern).
func TestDebugUseAfterReset(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" || runtime.GOOS == "plan9" {
		t.Skip("no mprotect: released memory is only poisoned")
	}
	b := new(bump.Bump)
	var doc struct {
		Name  string
		Items []tT
	}
	if err := bumpjson.Unmarshal(b, []byte(`{"Name": "a decoded string", "Items": [{"X": "x", "Y": 5}, {"X": "z", "Y": 6}]}`), &doc); err != nil {
		t.Fatal(err)
	}
	name, items := doc.Name, doc.Items
	if name != "a decoded string" || items[1].Y != 6 {
		t.Fatalf("decoded %+v", doc)
	}
	b.Reset()
	if _, ok := alloctest.Fault(func() { sink = name[3] }); !ok { //bumpvet:ignore must fault
		t.Error("reading a decoded string's bytes after Reset did not fault")
	}
	//bumpvet:ignore reads the released memory to check that it is poisoned
	if items[1].X != "" || items[1].Y == 6 || items[1].Y == 0 {
		t.Errorf("a decoded struct after Reset reads %+v, want poison (empty string, pattern in Y)", items[1])
	}
}
