package tree_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/examples/jsontree/tree"
	"github.com/stretchr/testify/require"
)

var nodeAPI = filepath.Join("..", "..", "..", "testdata", "node-api.json.gz")

// toAny converts a tree to the value encoding/json decodes into an any.
func toAny(n *tree.Node) any {
	switch n.Kind {
	case tree.Null:
		return nil
	case tree.False:
		return false
	case tree.True:
		return true
	case tree.Number:
		return n.Num
	case tree.String:
		return n.Str
	case tree.Array:
		a := make([]any, len(n.Children))
		for i := range n.Children {
			a[i] = toAny(&n.Children[i])
		}
		return a
	case tree.Object:
		m := make(map[string]any, len(n.Children))
		for i := range n.Children {
			m[n.Children[i].Key] = toAny(&n.Children[i])
		}
		return m
	}
	panic(fmt.Sprintf("bad kind %v", n.Kind))
}

func stdDecode(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	return v
}

// decoders returns the allocators under test, fresh for each call.
func decoders() map[string]func([]byte) (tree.Node, error) {
	return map[string]func([]byte) (tree.Node, error){
		"heap": func(data []byte) (tree.Node, error) { return tree.Decode(tree.Heap{}, data) },
		"arena": func(data []byte) (tree.Node, error) {
			return tree.Decode(tree.Arena{B: new(bump.Bump)}, data)
		},
	}
}

func TestDecodeValid(t *testing.T) {
	docs := []string{
		`null`, `true`, `false`, `0`, `-0.5`, `1e3`, `-12.5E-2`,
		`""`, `"plain"`, `"esc \" \\ \/ \b \f \n \r \t"`, `"\u00e9\u4e2d"`,
		`"\ud83d\ude00 pair"`, `"\ud83d lone high"`, `"\ude00 lone low"`, `"\ud83d\ud83d\ude00"`,
		`"héllo, 世界"`, `[]`, `{}`, ` [1, "two", [3], {"four": 4}] `,
		`{"a": {"b": {"c": [true, false, null]}}, "d": ""}`,
		"[\n\t1 ,\r\n2\n]",
	}
	for name, decode := range decoders() {
		for _, doc := range docs {
			t.Run(name+"/"+doc, func(t *testing.T) {
				n, err := decode([]byte(doc))
				require.NoError(t, err)
				require.Equal(t, stdDecode(t, []byte(doc)), toAny(&n))
			})
		}
	}
}

func TestDecodeInvalid(t *testing.T) {
	docs := []string{
		``, ` `, `nul`, `tru`, `[1,]`, `[1 2]`, `{"a" 1}`, `{"a":1,}`, `{1:2}`,
		`"unterminated`, `"bad \x escape"`, `"\u12"`, `"\u12zz"`, "\"ctl \x01\"",
		`01`, `-`, `1.`, `1e`, `.5`, `+1`, `[1] [2]`, `{"a":1}}`, `[`, `{`, `{"a":`,
	}
	for name, decode := range decoders() {
		for _, doc := range docs {
			t.Run(name+"/"+doc, func(t *testing.T) {
				require.False(t, json.Valid([]byte(doc)), "test case must be invalid JSON")
				_, err := decode([]byte(doc))
				require.ErrorIs(t, err, tree.ErrSyntax)
			})
		}
	}
}

func TestDecodeOutOfRange(t *testing.T) {
	n, err := tree.Decode(tree.Heap{}, []byte(`[1e400, -1e400]`))
	require.NoError(t, err)
	require.True(t, math.IsInf(n.Children[0].Num, 1))
	require.True(t, math.IsInf(n.Children[1].Num, -1))
}

func TestDecodeMaxDepth(t *testing.T) {
	deep := make([]byte, 0, 2*(tree.MaxDepth+1))
	for range tree.MaxDepth + 1 {
		deep = append(deep, '[')
	}
	for range tree.MaxDepth + 1 {
		deep = append(deep, ']')
	}
	_, err := tree.Decode(tree.Heap{}, deep)
	require.ErrorIs(t, err, tree.ErrSyntax)
	_, err = tree.Decode(tree.Heap{}, deep[1:len(deep)-1])
	require.NoError(t, err)
}

// TestDecodeNodeAPI decodes the real document with both allocators and
// checks them against encoding/json, the arena tree after several
// garbage collections: its nodes and strings are referenced only from
// arena memory.
func TestDecodeNodeAPI(t *testing.T) {
	data, err := tree.ReadFile(nodeAPI)
	require.NoError(t, err)
	want := stdDecode(t, data)

	heapTree, err := tree.Decode(tree.Heap{}, data)
	require.NoError(t, err)
	require.Equal(t, want, toAny(&heapTree))

	var b bump.Bump
	arenaTree, err := tree.Decode(tree.Arena{B: &b}, data)
	require.NoError(t, err)
	for range 3 {
		runtime.GC()
	}
	require.Equal(t, want, toAny(&arenaTree))
	require.Greater(t, b.AllocatedBytes(), len(data)/4, "the tree lives in the arena")
}

func TestDecoderReuse(t *testing.T) {
	var b bump.Bump
	d := tree.NewDecoder(tree.Arena{B: &b})
	for i := range 3 {
		doc := fmt.Sprintf(`{"round": %d, "items": [1, 2, {"x": "y"}]}`, i)
		n, err := d.Decode([]byte(doc))
		require.NoError(t, err)
		require.Equal(t, stdDecode(t, []byte(doc)), toAny(&n))
		b.Reset()
	}
	// A failed decode leaves the decoder usable.
	_, err := d.Decode([]byte(`[1, [2, [3,`))
	require.Error(t, err)
	n, err := d.Decode([]byte(`[4]`))
	require.NoError(t, err)
	require.Equal(t, []any{4.0}, toAny(&n))
}

func TestNodeGetAll(t *testing.T) {
	n, err := tree.Decode(tree.Heap{}, []byte(`{"a": [1, 2], "b": {"c": "d"}, "a": 3}`))
	require.NoError(t, err)
	require.Equal(t, tree.Array, n.Get("a").Kind, "Get returns the first duplicate")
	require.Equal(t, "d", n.Get("b").Get("c").Str)
	require.Nil(t, n.Get("missing"))
	require.Nil(t, n.Get("a").Get("x"), "Get on a non-object")

	var kinds []tree.Kind
	for m := range n.All() {
		kinds = append(kinds, m.Kind)
		if m.Kind == tree.Object && m.Key == "b" {
			break
		}
	}
	require.Equal(t, []tree.Kind{tree.Object, tree.Array, tree.Number, tree.Number, tree.Object}, kinds)
}

func TestKindString(t *testing.T) {
	require.Equal(t, "object", tree.Object.String())
	require.Equal(t, "Kind(42)", tree.Kind(42).String())
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.json")
	require.NoError(t, os.WriteFile(plain, []byte(`[1]`), 0o644))
	data, err := tree.ReadFile(plain)
	require.NoError(t, err)
	require.Equal(t, `[1]`, string(data))

	_, err = tree.ReadFile(filepath.Join(dir, "missing"))
	require.True(t, errors.Is(err, os.ErrNotExist))
}
