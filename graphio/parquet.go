package graphio

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/parquet-go/parquet-go"
)

// keyColumns are the columns that name nodes in a table (the node table's
// id, the edge table's endpoints source and target, or from and to as
// ecosys build writes them): always strings, so that the two tables
// join whatever the names look like.
var keyColumns = []string{"id", "source", "target", "from", "to"}

// TableTypes returns the type of each column of table (a header row and
// its records, as the table formats write them): the key columns id,
// source and target are strings; every other column is typed by TypeOf
// from all its values, that is by the attribute-type table where its
// values fit it. A record shorter than the header lacks the missing
// values.
func TableTypes(table [][]string) []AttrType {
	if len(table) == 0 {
		return nil
	}
	header := table[0]
	types := make([]AttrType, len(header))
	for i, name := range header {
		if slices.Contains(keyColumns, name) {
			types[i] = AttrString
			continue
		}
		types[i] = TypeOf(name, func(yield func(string) bool) {
			for _, rec := range table[1:] {
				v := ""
				if i < len(rec) {
					v = rec[i]
				}
				if !yield(v) {
					return
				}
			}
		})
	}
	return types
}

// writeParquetTable writes table as an Apache Parquet file (format
// version 2 pages, no compression), one column per column of the header,
// typed by TableTypes: string as BYTE_ARRAY with the STRING annotation
// (UTF-8, byte for byte), long as INT64, double as DOUBLE, boolean as
// BOOLEAN. Every column but the keys is optional: an empty value is null.
// A double column that the attribute-type table gives an exact companion
// (amount_cny → amount_cny_exact) is followed by the companion, a string
// with the text unchanged, unless the table has it already. Parquet stores
// the columns in the order of their names.
func writeParquetTable(w io.Writer, table [][]string) error {
	if len(table) == 0 {
		return fmt.Errorf("graphio: parquet: no header")
	}
	header, types := table[0], TableTypes(table)
	typeOf := make(map[string]AttrType, len(header))
	for i, name := range header {
		if _, dup := typeOf[name]; dup {
			return fmt.Errorf("graphio: parquet: column %q twice", name)
		}
		typeOf[name] = types[i]
	}
	cols := AttrColumns(header, typeOf)
	group := parquet.Group{}
	for _, c := range cols {
		var node parquet.Node
		switch c.Type {
		case AttrLong:
			node = parquet.Int(64)
		case AttrDouble:
			node = parquet.Leaf(parquet.DoubleType)
		case AttrBoolean:
			node = parquet.Leaf(parquet.BooleanType)
		default:
			node = parquet.String()
		}
		if !slices.Contains(keyColumns, c.Name) {
			node = parquet.Optional(node)
		}
		group[c.Name] = node
	}
	schema := parquet.NewSchema("table", group)
	// The column index of each column of cols, in the schema's order.
	index := make([]int, len(cols))
	for i, path := range schema.Columns() {
		index[slices.IndexFunc(cols, func(c AttrColumn) bool { return c.Name == path[0] })] = i
	}
	at := make(map[string]int, len(header))
	for i, name := range header {
		at[name] = i
	}
	pw := parquet.NewWriter(w, schema, parquet.CreatedBy("ecosys", "", ""), parquet.MaxRowsPerRowGroup(1<<16))
	row := make(parquet.Row, len(cols))
	for r, rec := range table[1:] {
		for i, c := range cols {
			v := ""
			if j := at[c.Attr]; j < len(rec) {
				v = rec[j]
			}
			val, err := parquetValue(c, v)
			if err != nil {
				return fmt.Errorf("graphio: parquet: record %d, column %q: %w", r+1, c.Name, err)
			}
			def := 1
			if slices.Contains(keyColumns, c.Name) {
				def = 0
			} else if val.IsNull() {
				def = 0
			}
			row[index[i]] = val.Level(0, def, index[i])
		}
		if _, err := pw.WriteRows([]parquet.Row{row}); err != nil {
			return fmt.Errorf("graphio: parquet: %w", err)
		}
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("graphio: parquet: %w", err)
	}
	return nil
}

// parquetValue is v as a value of column c: null when v is empty and c is
// not a string or is an exact companion (an empty string attribute stays
// an empty string).
func parquetValue(c AttrColumn, v string) (parquet.Value, error) {
	if c.Type == AttrString && !c.Exact {
		return parquet.ByteArrayValue([]byte(v)), nil
	}
	if v == "" {
		return parquet.NullValue(), nil
	}
	if c.Exact {
		return parquet.ByteArrayValue([]byte(v)), nil
	}
	switch c.Type {
	case AttrLong:
		n, err := strconv.ParseInt(v, 10, 64)
		return parquet.Int64Value(n), err
	case AttrDouble:
		f, err := strconv.ParseFloat(v, 64)
		return parquet.DoubleValue(f), err
	case AttrBoolean:
		return parquet.BooleanValue(v == "true"), nil
	}
	return parquet.NullValue(), fmt.Errorf("unknown type %q", c.Type)
}
