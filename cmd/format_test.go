package cmd

import (
	"bytes"
	"testing"
)

func TestWriteTable(t *testing.T) {
	header := []string{"name", "count", "note"}
	rows := [][]string{
		{"alpha", "1", "plain"},
		{"b", "22", "has\ttab, \"quote\" | pipe\nand newline"},
	}
	tests := []struct {
		format string
		tty    bool
		want   string
	}{
		{FormatTable, false, "name\tcount\tnote\n" +
			"alpha\t1\tplain\n" +
			"b\t22\thas tab, \"quote\" | pipe and newline\n"},
		{FormatTable, true, "" +
			"NAME   COUNT  NOTE\n" +
			"alpha  1      plain\n" +
			"b      22     has tab, \"quote\" | pipe and newline\n"},
		{FormatCSV, false, "name,count,note\n" +
			"alpha,1,plain\n" +
			"b,22,\"has\ttab, \"\"quote\"\" | pipe\nand newline\"\n"},
		{FormatCSV, true, "name,count,note\n" +
			"alpha,1,plain\n" +
			"b,22,\"has\ttab, \"\"quote\"\" | pipe\nand newline\"\n"},
		{FormatMarkdown, false, "" +
			"| name | count | note |\n" +
			"| --- | --- | --- |\n" +
			"| alpha | 1 | plain |\n" +
			"| b | 22 | has\ttab, \"quote\" \\| pipe and newline |\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := writeTable(&b, tt.format, header, rows, tt.tty); err != nil {
			t.Errorf("%s tty=%v: %v", tt.format, tt.tty, err)
			continue
		}
		if b.String() != tt.want {
			t.Errorf("%s tty=%v:\n%s\nwant:\n%s", tt.format, tt.tty, b.String(), tt.want)
		}
	}
	if err := writeTable(&bytes.Buffer{}, FormatJSON, header, rows, false); err == nil {
		t.Error("writeTable(json) did not fail")
	}
}

func TestFormatFlag(t *testing.T) {
	var format string
	f := NewFormatFlag(&format, FormatTable, tableFormats...)
	if format != FormatTable || f.String() != FormatTable {
		t.Errorf("default: format %q, String %q", format, f.String())
	}
	for _, s := range tableFormats {
		if err := f.Set(s); err != nil || format != s {
			t.Errorf("Set(%q) = %v, format %q", s, err, format)
		}
	}
	err := f.Set("xml")
	if err == nil || err.Error() != "must be one of table, csv, json, markdown" {
		t.Errorf("Set(xml) = %v", err)
	}
	if format != FormatMarkdown {
		t.Errorf("failed Set changed the format to %q", format)
	}
	if (*FormatFlag)(nil).String() != "" {
		t.Error("nil FormatFlag String is not empty")
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := writeJSON(&b, map[string]any{"b": "<&>", "a": []int{1}}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": [\n    1\n  ],\n  \"b\": \"<&>\"\n}\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aaa bbb ccc 四川安洵 d", 10, "  ")
	want := "  aaa bbb\n  ccc 四川安洵\n  d\n"
	if got != want {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if wrap("   ", 10, "  ") != "" {
		t.Error("wrap of blank text is not empty")
	}
}

// TestWriteTableNumbers checks that tables and markdown print numbers for
// people and exact amounts grouped, while CSV keeps full precision.
func TestWriteTableNumbers(t *testing.T) {
	header := []string{"measure", "value", "max", "amount_cny"}
	kinds := []colKind{textCol, numberCol, numberCol}
	rows := [][]string{
		{"p", "0.000999000999000999", "1", "8270500.00"},
		{"d", "46.00000000000004", "", "94000.00"},
		{"e", "2.012082005546845e-238", "NA", "0.50"},
		{"s", "0.6658475976288646", "3.241485e+08", "1234567890123.45"},
	}
	tests := []struct {
		format string
		tty    bool
		want   string
	}{
		{FormatTable, false, "measure\tvalue\tmax\tamount_cny\n" +
			"p\t0.000999\t1\t8,270,500.00\n" +
			"d\t46\t\t94,000.00\n" +
			"e\t2.012e-238\tNA\t0.50\n" +
			"s\t0.6658\t324,148,500\t1,234,567,890,123.45\n"},
		{FormatMarkdown, false, "| measure | value | max | amount_cny |\n| --- | --- | --- | --- |\n" +
			"| p | 0.000999 | 1 | 8,270,500.00 |\n" +
			"| d | 46 |  | 94,000.00 |\n" +
			"| e | 2.012e-238 | NA | 0.50 |\n" +
			"| s | 0.6658 | 324,148,500 | 1,234,567,890,123.45 |\n"},
		{FormatCSV, false, "measure,value,max,amount_cny\n" +
			"p,0.000999000999000999,1,8270500.00\n" +
			"d,46.00000000000004,,94000.00\n" +
			"e,2.012082005546845e-238,NA,0.50\n" +
			"s,0.6658475976288646,3.241485e+08,1234567890123.45\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := writeTableKinds(&b, tt.format, header, kinds, rows, tt.tty); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.format, b.String(), tt.want)
		}
	}
	if rows[1][1] != "46.00000000000004" {
		t.Errorf("writeTableKinds changed its rows: %q", rows[1])
	}
}

// TestWritePaddedDisplayWidth checks that columns after Chinese names
// line up on a terminal, where a CJK character takes two columns.
func TestWritePaddedDisplayWidth(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{{"成都市公安局", "1"}, {"isoon", "22"}, {"北京永信至诚科技股份有限公司", "3"}}
	if err := writeTable(&b, FormatTable, []string{"name", "n"}, rows, true); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"NAME                          N\n" +
		"成都市公安局                  1\n" +
		"isoon                         22\n" +
		"北京永信至诚科技股份有限公司  3\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
