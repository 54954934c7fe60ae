package network

import (
	"testing"
)

func TestParsePeriod(t *testing.T) {
	for _, tt := range []struct {
		in         string
		start, end string
		prec       Precision
	}{
		{"2016.07.08", "2016-07-08", "2016-07-08", Day},
		{"2017.9.20", "2017-09-20", "2017-09-20", Day},
		{"2018-05-17", "2018-05-17", "2018-05-17", Day},
		{"2018/5/17", "2018-05-17", "2018-05-17", Day},
		{"2016.12", "2016-12-01", "2016-12-31", Month},
		{"2018.6", "2018-06-01", "2018-06-30", Month},
		{"2016-02", "2016-02-01", "2016-02-29", Month},
		{"2018", "2018-01-01", "2018-12-31", Year},
		{"2018.13", "", "", ""},
		{"2018.02.30", "", "", ""},
		{"2018.1.0", "", "", ""},
		{"18.1.1", "", "", ""},
		{"2018.001", "", "", ""},
		{"", "", "", ""},
		{"2018.5.17.1", "", "", ""},
		{"May 2018", "", "", ""},
		{"0001.1", "", "", ""}, // found by FuzzParsePeriod: year 1 read as an unknown date
		{"0999", "", "", ""},
		{"2018.02.29", "", "", ""}, // not a leap year
		{"2016.02.29", "2016-02-29", "2016-02-29", Day},
		{"2018-04-31", "", "", ""},
		{"2018-05-32", "", "", ""},
		{"2018-00", "", "", ""},
		{"2018-05-", "", "", ""},
		{"2018--05", "", "", ""},
		{"-2018-05", "", "", ""},
		{"2018-05/17", "", "", ""}, // mixed separators
		{"2018.+5", "", "", ""},
		{"2018-5-017", "", "", ""},
		{" 2018-05-17 ", "2018-05-17", "2018-05-17", Day},
		// Chinese forms.
		{"2018年5月17日", "2018-05-17", "2018-05-17", Day},
		{"2018年05月07日", "2018-05-07", "2018-05-07", Day},
		{"2018年5月", "2018-05-01", "2018-05-31", Month},
		{"2018年", "2018-01-01", "2018-12-31", Year},
		{"２０１８年５月１７日", "2018-05-17", "2018-05-17", Day},
		{"２０１８．５．１７", "2018-05-17", "2018-05-17", Day},
		{"２０１８－０５", "2018-05-01", "2018-05-31", Month},
		{"\u30002018年2月\u3000", "2018-02-01", "2018-02-28", Month},
		{"2018年2月30日", "", "", ""},
		{"2018年4月31日", "", "", ""},
		{"2018年13月", "", "", ""},
		{"2018年0月", "", "", ""},
		{"2018年5月0日", "", "", ""},
		{"2018年5月17", "", "", ""},
		{"2018年5", "", "", ""},
		{"2018年5月17日下午", "", "", ""},
		{"2018年 5月", "", "", ""},
		{"18年5月", "", "", ""},
		{"年5月", "", "", ""},
		{"2018年月", "", "", ""},
		{"二〇一八年", "", "", ""},
		{"2018-5月", "", "", ""},
	} {
		p, err := ParsePeriod(tt.in)
		if tt.prec == "" {
			if err == nil {
				t.Errorf("ParsePeriod(%q) = %v, want error", tt.in, p)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
			continue
		}
		if got := p.Start.Format("2006-01-02"); got != tt.start {
			t.Errorf("ParsePeriod(%q).Start = %s, want %s", tt.in, got, tt.start)
		}
		if got := p.End.Format("2006-01-02"); got != tt.end {
			t.Errorf("ParsePeriod(%q).End = %s, want %s", tt.in, got, tt.end)
		}
		if p.Precision != tt.prec {
			t.Errorf("ParsePeriod(%q).Precision = %s, want %s", tt.in, p.Precision, tt.prec)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2018.1", "2018-05-17", "2018", "2016.02.29", "x",
		"2018年5月17日", "2018年5月", "2018年", "２０１８年５月１７日", "２０１８．５", "2018-5/17"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.End.Before(p.Start) {
			t.Fatalf("%q: end %v before start %v", s, p.End, p.Start)
		}
		q, err := ParsePeriod(p.String())
		if err != nil || q != p {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, p.String(), q, err)
		}
	})
}
