package replicates

import (
	"bytes"
	"encoding/json"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/metrics/null"
)

// cugShards returns the shards of a small CUG run of density under G(n, m)
// — constant, so a degree statistic instead — split k ways (k = 1: the
// whole run).
func cugShards(t *testing.T, samples, k int) []*inference.CUGShard {
	t.Helper()
	g := simple.NewUndirectedGraph()
	for _, e := range [][2]int64{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {3, 4}, {4, 5}, {5, 6}, {6, 7}} {
		g.SetEdge(g.NewEdge(simple.Node(e[0]), simple.Node(e[1])))
	}
	s, err := null.New(null.GNM, g, null.Options{})
	if err != nil {
		t.Fatal(err)
	}
	stat := func(h graph.Graph) metrics.Value {
		return metrics.DegreeCentralization(h, metrics.DegreeUndirected).Value
	}
	var out []*inference.CUGShard
	for i := 0; i < k; i++ {
		_, sh, err := inference.CUG(g, "centralization.degree", stat, s,
			inference.CUGOptions{Samples: samples, Seed: 7, Shard: inference.Shard{Index: i, Count: k}})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sh)
	}
	return out
}

func write(t *testing.T, shards []*inference.CUGShard) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, shards); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(t *testing.T, b []byte) []*inference.CUGShard {
	t.Helper()
	got, err := Read("x.parquet", bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRoundTrip: every shard reads back as it was written, NaN as NaN, and
// the merged shards of the Parquet files give the unsharded result.
func TestRoundTrip(t *testing.T) {
	whole := cugShards(t, 1000, 1)
	want, err := inference.Merge(whole)
	if err != nil {
		t.Fatal(err)
	}
	parts := cugShards(t, 1000, 4)
	parts[2].Values[3] = math.NaN() // an undefined replicate survives as null
	var all []*inference.CUGShard
	for _, p := range parts {
		got := read(t, write(t, []*inference.CUGShard{p}))
		if len(got) != 1 || jsonOf(t, got[0]) != jsonOf(t, p) {
			t.Fatalf("shard %d/4 read back differs:\n got %s\nwant %s", p.Shard.Index+1, jsonOf(t, got), jsonOf(t, p))
		}
		all = append(all, got...)
	}
	parts[2].Values[3] = whole[0].Values[2+3*4]
	all[2].Values[3] = parts[2].Values[3]
	res, err := inference.Merge(all)
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, res) != jsonOf(t, want) {
		t.Errorf("merged Parquet shards differ from the unsharded run:\n got %s\nwant %s", jsonOf(t, res), jsonOf(t, want))
	}
}

// TestDeterministic: the same shards give the same bytes.
func TestDeterministic(t *testing.T) {
	s := cugShards(t, 300, 2)
	if a, b := write(t, s), write(t, s); !bytes.Equal(a, b) {
		t.Error("two writes of the same shards differ")
	}
}

// TestSize: a value costs about 8 bytes, whatever the other columns.
func TestSize(t *testing.T) {
	s := cugShards(t, 200000, 1)
	b := write(t, s)
	if per := float64(len(b)) / 200000; per > 8.5 {
		t.Errorf("%d bytes for 200000 replicates: %.2f a value, want about 8", len(b), per)
	}
}

func TestReadErrors(t *testing.T) {
	good := write(t, cugShards(t, 10, 2)[:1])
	for _, c := range []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "not a Parquet file"},
		{"json", []byte(`{"shards": []}`), "not a Parquet file"},
		{"truncated", good[:len(good)/2], "not a Parquet file"},
		// parquet.OpenFile allocated a footer of the declared length (up
		// to 4 GiB) before reading it (found by FuzzRead; its corpus
		// holds this and two inputs that made the library panic).
		{"footer longer than the file", append(slices.Clone(good[:len(good)-8]), 0xf0, 0xff, 0xff, 0xff, 'P', 'A', 'R', '1'), "footer of 4294967280 bytes is longer than the file"},
		{"short", []byte("PAR1PAR1"), "fewer than the 12"},
	} {
		_, err := Read("x.parquet", bytes.NewReader(c.b), int64(len(c.b)))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "x.parquet: ") {
			t.Errorf("%s: error %v, want one naming the file and %q", c.name, err, c.want)
		}
	}
	// A shard with a replicate missing, repeated, or of another shard.
	s := cugShards(t, 10, 2)[0]
	for _, c := range []struct {
		name string
		rows func([]Row) []Row
		want string
	}{
		{"missing", func(r []Row) []Row { return r[:len(r)-1] }, "replicate 8 missing"},
		{"repeated", func(r []Row) []Row { return append(r, r[0]) }, "replicate 0 repeated"},
		{"other shard", func(r []Row) []Row { r[1].Replicate = 3; return r }, "not in shard 1/2"},
		{"bad shard", func(r []Row) []Row { r[0].Shard = 3; return r }, "bad shard 3/2"},
		{"settings", func(r []Row) []Row { r[2].Seed = 8; return r }, "settings differ"},
		{"missing, out of order", func(r []Row) []Row { slices.Reverse(r); return slices.Delete(r, 1, 2) }, "replicate 6 missing"},
		{"repeated, out of order", func(r []Row) []Row { slices.Reverse(r); r[0] = r[3]; return r }, "replicate 2 repeated"},
		{"repeated, one too many", func(r []Row) []Row { slices.Reverse(r); return append(r, r[2]) }, "replicate 4 repeated"},
		// Found by FuzzRead: a file of a few bytes can declare 2³¹−1
		// samples, and the reader allocated their values (16 GiB a
		// shard) before reading a second row.
		{"huge, out of order", func(r []Row) []Row {
			for i := range r {
				r[i].Samples = math.MaxInt32
			}
			slices.Reverse(r)
			return r
		}, "replicate 10 missing"},
		{"huge, in order", func(r []Row) []Row {
			for i := range r {
				r[i].Samples = math.MaxInt32
			}
			return r
		}, "replicate 10 missing"},
	} {
		var rows []Row
		for j, v := range s.Values {
			v := v
			rows = append(rows, Row{Statistic: s.Statistic, Null: s.Null, Observed: s.Observed, Seed: s.Seed,
				Samples: int64(s.Samples), Shard: 1, Shards: 2, Replicate: int64(2 * j), Value: &v})
		}
		rows = c.rows(rows)
		b := writeRows(t, rows)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Read("x.parquet", bytes.NewReader(b), int64(len(b)))
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
		if a := after.TotalAlloc - before.TotalAlloc; a > 64<<20 {
			t.Errorf("%s: %d bytes allocated to read %d rows", c.name, a, len(rows))
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("PAR1"))
	f.Add([]byte{})
	var b bytes.Buffer
	if err := Write(&b, []*inference.CUGShard{{Statistic: "s", Null: "gnm", Samples: 3, Shard: inference.Shard{Count: 1}, Values: []float64{1, math.NaN(), 3}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		shards, err := Read("f.parquet", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, s := range shards {
			if s.Shard.Index < 0 || s.Shard.Index >= s.Shard.Count || len(s.Values) > s.Samples {
				t.Fatalf("bad shard read: %+v", s.Shard)
			}
		}
	})
}

// Rows in any order read as rows in replicate order.
func TestReadOutOfOrder(t *testing.T) {
	s := cugShards(t, 9, 2)
	var rows []Row
	for _, sh := range s {
		for j, v := range sh.Values {
			v := v
			rows = append(rows, Row{Statistic: sh.Statistic, Null: sh.Null, Observed: sh.Observed, Seed: sh.Seed,
				Samples: int64(sh.Samples), Shard: int32(sh.Shard.Index + 1), Shards: 2, Replicate: int64(sh.Shard.Index + 2*j), Value: &v})
		}
	}
	slices.Reverse(rows)
	rows[1], rows[4] = rows[4], rows[1]
	b := writeRows(t, rows)
	got, err := Read("x.parquet", bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(s) {
		t.Fatalf("%d shards, want %d", len(got), len(s))
	}
	for _, g := range got {
		i := slices.IndexFunc(s, func(x *inference.CUGShard) bool { return x.Statistic == g.Statistic && x.Shard == g.Shard })
		if i < 0 {
			t.Errorf("%s shard %d: not written", g.Statistic, g.Shard.Index+1)
		} else if !slices.EqualFunc(g.Values, s[i].Values, func(a, b float64) bool { return a == b || a != a && b != b }) {
			t.Errorf("%s shard %d: values %v, want %v", g.Statistic, g.Shard.Index+1, g.Values, s[i].Values)
		}
	}
}

// writeRows writes rows as a replicates file, as Write's writer does.
func writeRows(t *testing.T, rows []Row) []byte {
	t.Helper()
	var b bytes.Buffer
	pw := newWriter(&b)
	if _, err := pw.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
