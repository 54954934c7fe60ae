// Package replicates writes and reads the replicate values of Monte Carlo
// tests (package inference's CUG shards) as Apache Parquet files, the
// columnar format that DuckDB, Spark, Polars and Arrow read.
//
// A file holds one row per replicate: every value of every statistic of a
// run or of one shard of it, with what identifies the value. The columns,
// in the order Parquet stores them (by name), are:
//
//	null       string  the null model, as its sampler reports it
//	observed   double  the statistic on the observed graph
//	replicate  int64   the replicate's index i in the whole run, 0 ≤ i < samples
//	samples    int64   R, the number of replicates of the whole run
//	seed       uint64  the run's seed: replicate i draws from PCG(seed, i)
//	shard      int32   the shard, 1 ≤ shard ≤ shards (1 and 1 for a whole run)
//	shards     int32   the number of shards of the run
//	statistic  string  the statistic's name
//	value      double  the statistic on replicate i; null where undefined
//
// value is stored plain (8 bytes a replicate); the columns that are the
// same on every row of a statistic are dictionary-encoded and replicate is
// delta-encoded, so they cost next to nothing. Row groups hold at most
// RowGroupRows rows, so writing needs memory for one row group whatever
// the number of replicates; Read holds 9 bytes a value (the value and a
// flag that it was read).
package replicates

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"slices"

	"github.com/parquet-go/parquet-go"

	"github.com/ecosys-sna/ecosys/metrics/inference"
)

// RowGroupRows is the largest number of rows in one row group of a file
// that Write writes.
const RowGroupRows = 1 << 16

// Row is a row of a replicates file; see the package documentation.
type Row struct {
	Statistic string   `parquet:"statistic,dict"`
	Null      string   `parquet:"null,dict"`
	Observed  float64  `parquet:"observed,dict"`
	Seed      uint64   `parquet:"seed,dict"`
	Samples   int64    `parquet:"samples,dict"`
	Shard     int32    `parquet:"shard,dict"`
	Shards    int32    `parquet:"shards,dict"`
	Replicate int64    `parquet:"replicate,delta"`
	Value     *float64 `parquet:"value,optional,plain"`
}

// Write writes the replicate values of shards (each the shard of one
// statistic; a whole run is its shard 1 of 1) to w as a Parquet file, in
// the order of shards and, within a shard, of the replicates. Undefined
// values (NaN) are written as null. The file is the same bytes for the
// same shards.
func Write(w io.Writer, shards []*inference.CUGShard) error {
	return WriteSeq(w, slices.Values(shards))
}

// WriteSeq is Write for shards that a sequence makes one at a time (as
// analysis.EcosystemRun.Replicates does), so that only the shard being
// written and one row group are in memory: the file is the same bytes as
// Write's of the shards collected in a slice.
func WriteSeq(w io.Writer, shards iter.Seq[*inference.CUGShard]) error {
	pw := newWriter(w)
	buf := make([]Row, 0, 4096)
	vals := make([]float64, cap(buf)) // the values buf points to
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if _, err := pw.Write(buf); err != nil {
			return fmt.Errorf("replicates: %w", err)
		}
		buf = buf[:0]
		return nil
	}
	for s := range shards {
		if s == nil {
			return errors.New("replicates: nil shard")
		}
		index, count := s.Shard.Index, max(s.Shard.Count, 1)
		for j, v := range s.Values {
			if len(buf) == cap(buf) {
				if err := flush(); err != nil {
					return err
				}
			}
			r := Row{Statistic: s.Statistic, Null: s.Null, Observed: s.Observed, Seed: s.Seed,
				Samples: int64(s.Samples), Shard: int32(index + 1), Shards: int32(count),
				Replicate: int64(index + j*count)}
			if !math.IsNaN(v) {
				vals[len(buf)] = v
				r.Value = &vals[len(buf)]
			}
			buf = append(buf, r)
		}
		if err := flush(); err != nil {
			return err
		}
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("replicates: %w", err)
	}
	return nil
}

// newWriter returns the Parquet writer of Write.
func newWriter(w io.Writer) *parquet.GenericWriter[Row] {
	return parquet.NewGenericWriter[Row](w,
		parquet.MaxRowsPerRowGroup(RowGroupRows),
		parquet.CreatedBy("ecosys", "", ""))
}

// Read reads a file that Write wrote (or any Parquet file with its
// columns) from r, of size bytes, and returns its shards in the order of
// their first row: one per statistic and shard, the form that
// inference.Merge takes. name names the file in errors. It is an error if
// the file is not Parquet, lacks a column, or its rows do not make whole
// shards (a replicate missing, repeated, outside the run or of another
// shard; settings that differ within a statistic's shard).
func Read(name string, r io.ReaderAt, size int64) ([]*inference.CUGShard, error) {
	if err := checkFooter(r, size); err != nil {
		return nil, fmt.Errorf("%s: not a Parquet file: %w", name, err)
	}
	f, err := openFile(r, size)
	if err != nil {
		return nil, fmt.Errorf("%s: not a Parquet file: %w", name, err)
	}
	for _, col := range []string{"statistic", "null", "observed", "seed", "samples", "shard", "shards", "replicate", "value"} {
		if _, ok := f.Schema().Lookup(col); !ok {
			return nil, fmt.Errorf("%s: not a replicates file: no column %q", name, col)
		}
	}
	pr, err := newReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: not a replicates file: %w", name, err)
	}
	defer pr.Close()
	type key struct {
		stat  string
		shard int32
	}
	byKey := map[key]*shardRows{}
	var order []*shardRows
	buf := make([]Row, 4096)
	line := int64(0)
	for {
		n, err := readRows(pr, buf)
		for _, row := range buf[:n] {
			line++
			k := key{row.Statistic, row.Shard}
			sr := byKey[k]
			if sr == nil {
				if sr, err = newShardRows(row); err != nil {
					return nil, fmt.Errorf("%s: row %d: %w", name, line, err)
				}
				byKey[k] = sr
				order = append(order, sr)
			}
			if err := sr.add(row); err != nil {
				return nil, fmt.Errorf("%s: row %d: %w", name, line, err)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("%s: no replicates", name)
	}
	out := make([]*inference.CUGShard, len(order))
	for i, sr := range order {
		if err := sr.finish(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[i] = sr.s
	}
	return out, nil
}

// openFile opens a Parquet file as parquet.OpenFile does, without its
// page index and bloom filters (Read needs neither), and with a panic of
// the library on a malformed file (v0.32.0 slices out of range in
// ReadPageIndex, found by FuzzRead) returned as an error.
func openFile(r io.ReaderAt, size int64) (f *parquet.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("malformed: %v", p)
		}
	}()
	return parquet.OpenFile(r, size, parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
}

// newReader returns the reader of Row of f, with a panic of the library
// on a column of another type than Row's (v0.32.0 panics comparing a MAP
// column with a leaf, found by FuzzRead) returned as an error.
func newReader(f *parquet.File) (pr *parquet.GenericReader[Row], err error) {
	defer func() {
		if p := recover(); p != nil {
			pr, err = nil, fmt.Errorf("columns of other types: %v", p)
		}
	}()
	return parquet.NewGenericReader[Row](f), nil
}

// readRows reads rows into buf as pr.Read does, with a panic of the
// library on a malformed page returned as an error.
func readRows(pr *parquet.GenericReader[Row], buf []Row) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			n, err = 0, fmt.Errorf("malformed data: %v", p)
		}
	}()
	return pr.Read(buf)
}

// checkFooter checks that the footer length a Parquet file declares in
// its last 8 bytes fits in the file. parquet.OpenFile (v0.32.0) allocates
// the declared length, up to 4 GiB, before it reads the footer: a file of
// a few bytes made FuzzRead's worker run out of memory.
func checkFooter(r io.ReaderAt, size int64) error {
	if size < 12 {
		return fmt.Errorf("%d bytes, fewer than the 12 of the smallest Parquet file", size)
	}
	var tail [8]byte
	if n, err := r.ReadAt(tail[:], size-8); n < len(tail) {
		return err // io.ReaderAt may return io.EOF with all 8 bytes
	}
	if magic := string(tail[4:]); magic == "PAR1" || magic == "PARE" {
		if n := int64(binary.LittleEndian.Uint32(tail[:4])); n > size-12 {
			return fmt.Errorf("its footer of %d bytes is longer than the file (%d bytes)", n, size)
		}
	}
	return nil
}

// shardRows gathers the rows of one statistic's shard. Its memory follows
// the rows read, never the number of samples the rows declare (a file of
// a few bytes can declare 2³¹ samples): rows in replicate order, as Write
// writes them, are appended to s.Values; any other row waits in later
// until finish places it.
type shardRows struct {
	s     *inference.CUGShard
	n     int // replicates of the shard
	later []placed
}

// placed is a value at its place j in the shard's values.
type placed struct {
	j int
	v float64
}

// newShardRows starts the shard of row, checking its settings.
func newShardRows(row Row) (*shardRows, error) {
	if row.Shards < 1 || row.Shard < 1 || row.Shard > row.Shards || row.Samples < 1 || row.Samples > math.MaxInt32 {
		return nil, fmt.Errorf("bad shard %d/%d of %d samples", row.Shard, row.Shards, row.Samples)
	}
	index, count := int(row.Shard)-1, int(row.Shards)
	n := 0
	if int64(index) < row.Samples {
		n = int((row.Samples - int64(index) + int64(count) - 1) / int64(count))
	}
	return &shardRows{n: n, s: &inference.CUGShard{Statistic: row.Statistic, Null: row.Null, Observed: row.Observed, Seed: row.Seed,
		Samples: int(row.Samples), Shard: inference.Shard{Index: index, Count: count}}}, nil
}

// add adds row's value to the shard.
func (sr *shardRows) add(row Row) error {
	s := sr.s
	switch {
	case row.Null != s.Null || math.Float64bits(row.Observed) != math.Float64bits(s.Observed) ||
		row.Seed != s.Seed || row.Samples != int64(s.Samples) || int(row.Shards) != s.Shard.Count:
		return fmt.Errorf("statistic %s, shard %d/%d: settings differ from its first row", s.Statistic, row.Shard, row.Shards)
	case row.Replicate < 0 || row.Replicate >= row.Samples || int(row.Replicate%int64(row.Shards)) != s.Shard.Index:
		return fmt.Errorf("replicate %d is not in shard %d/%d of %d samples", row.Replicate, row.Shard, row.Shards, row.Samples)
	}
	if len(s.Values)+len(sr.later) == sr.n {
		// Every place is taken or claimed, so this one is a repeat.
		return fmt.Errorf("statistic %s: replicate %d repeated", s.Statistic, row.Replicate)
	}
	v := math.NaN()
	if row.Value != nil {
		v = *row.Value
	}
	j := int(row.Replicate) / s.Shard.Count
	switch {
	case j == len(s.Values) && len(sr.later) == 0:
		s.Values = append(s.Values, v)
	case j < len(s.Values) && len(sr.later) == 0:
		return fmt.Errorf("statistic %s: replicate %d repeated", s.Statistic, row.Replicate)
	default:
		sr.later = append(sr.later, placed{j, v})
	}
	return nil
}

// finish places the rows that came out of order and checks that every
// replicate of the shard is there once. It allocates nothing beyond the
// rows read: the values that waited are sorted by place, and the first
// place that is not the next one names the replicate missing or repeated.
func (sr *shardRows) finish() error {
	s := sr.s
	slices.SortStableFunc(sr.later, func(a, b placed) int { return cmp.Compare(a.j, b.j) })
	for _, p := range sr.later {
		switch next := len(s.Values); {
		case p.j < next:
			return fmt.Errorf("statistic %s: replicate %d repeated", s.Statistic, s.Shard.Index+p.j*s.Shard.Count)
		case p.j > next:
			return sr.missing(next)
		}
		s.Values = append(s.Values, p.v)
	}
	sr.later = nil
	if len(s.Values) < sr.n {
		return sr.missing(len(s.Values))
	}
	return nil
}

// missing is the error for the shard's value at place j.
func (sr *shardRows) missing(j int) error {
	s := sr.s
	return fmt.Errorf("statistic %s, shard %d/%d: replicate %d missing", s.Statistic, s.Shard.Index+1, s.Shard.Count, s.Shard.Index+j*s.Shard.Count)
}
