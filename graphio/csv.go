package graphio

import (
	"bufio"
	"encoding/csv"
	"io"
)

// writeCSV writes a table as CSV (RFC 4180, as encoding/csv writes it:
// fields quoted where needed, lines ending in "\n"). It is the table writer
// of the "csv" format, which writes the tables of a meta-network
// (cases.Meta.Tables).
func writeCSV(w io.Writer, table [][]string) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	if err := cw.WriteAll(table); err != nil {
		return err
	}
	return bw.Flush()
}
