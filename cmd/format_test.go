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
