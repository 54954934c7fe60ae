package network

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ecosys-sna/ecosys/internal/csvio"
)

// Precision is how precisely a date is known.
type Precision string

// Date precisions.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// Period is a date known to lie between Start and End inclusive (both at
// midnight UTC). A zero Period means the date is unknown.
type Period struct {
	Start, End time.Time
	Precision  Precision
}

// IsZero reports whether the date is unknown.
func (p Period) IsZero() bool { return p.Precision == "" }

// Year returns the calendar year of the start of the period, or 0 when the
// date is unknown. A period may in principle straddle a year boundary; the
// ledger's periods never do (they are a day or a month).
func (p Period) Year() int {
	if p.IsZero() {
		return 0
	}
	return p.Start.Year()
}

// String formats the period as 2018-05-17, 2018-05 or 2018 by its precision.
func (p Period) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Precision == Month:
		return p.Start.Format("2006-01")
	case p.Precision == Year:
		return p.Start.Format("2006")
	default:
		return p.Start.Format("2006-01-02")
	}
}

// ParsePeriod parses a date written as YYYY-MM-DD, YYYY-MM or YYYY, with "-",
// "." or "/" as separator (the same throughout) and month and day with or
// without a leading zero (2018-05-17, 2018.5.17, 2018/05, 2018), or in the
// Chinese form 2018年5月17日, 2018年5月 or 2018年. Full-width digits and
// separators (２０１８．５．１７, ２０１８年５月) are read as ASCII (foldWidth),
// and surrounding spaces are ignored. The precision follows from the number
// of parts. Years must have four digits, from 1000 to 9999; months and days
// one or two, and must exist (2018-02-30 is refused).
func ParsePeriod(s string) (Period, error) {
	s = csvio.Trim(foldWidth(s))
	var parts []string
	if strings.Contains(s, "年") {
		parts = chineseDate(s)
	} else if i := strings.IndexAny(s, "-./"); i < 0 {
		parts = []string{s}
	} else {
		parts = strings.Split(s, s[i:i+1])
	}
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return Period{}, ErrBadDate
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		if p == "" || (i > 0 && len(p) > 2) || strings.Trim(p, "0123456789") != "" {
			return Period{}, ErrBadDate
		}
		n[i], _ = strconv.Atoi(p)
	}
	y := n[0]
	if y < 1000 {
		return Period{}, fmt.Errorf("%w: year %d", ErrBadDate, y)
	}
	switch len(n) {
	case 1:
		return Period{date(y, 1, 1), date(y, 12, 31), Year}, nil
	case 2:
		if n[1] < 1 || n[1] > 12 {
			return Period{}, fmt.Errorf("%w: month %d", ErrBadDate, n[1])
		}
		start := date(y, n[1], 1)
		return Period{start, start.AddDate(0, 1, -1), Month}, nil
	}
	d := date(y, n[1], n[2])
	if n[1] < 1 || n[1] > 12 || d.Month() != time.Month(n[1]) || n[2] < 1 {
		return Period{}, fmt.Errorf("%w: no such day", ErrBadDate)
	}
	return Period{d, d, Day}, nil
}

// chineseDate splits 2018年5月17日, 2018年5月 or 2018年 into its numbers,
// and returns nil for anything else.
func chineseDate(s string) []string {
	var parts []string
	for _, unit := range []string{"年", "月", "日"} {
		if s == "" {
			break
		}
		p, rest, ok := strings.Cut(s, unit)
		if !ok {
			return nil
		}
		parts, s = append(parts, p), rest
	}
	if s != "" {
		return nil
	}
	return parts
}

// parseISODay parses YYYY-MM-DD strictly.
func parseISODay(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Year() < 1000 {
		return time.Time{}, ErrBadDate
	}
	return t, nil
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Range is the precision of a period that is neither a day, a month nor a
// year.
const Range Precision = "range"

// Ambiguous is the date_precision of a ledger row whose printed date has
// two readings (row 18 of the i-SOON ledger, "2018.1": January or October
// 2018). It is a value of the ledger's date_precision column, not of a
// Period: the reader keeps the first reading as Contract.Date, with the
// precision of its bounds, and the second as Contract.DateAlt.
const Ambiguous Precision = "ambiguous"

// inferPrecision names the precision of the period [start, end].
func inferPrecision(start, end time.Time) Precision {
	switch {
	case start.Equal(end):
		return Day
	case start.Day() == 1 && end.Equal(start.AddDate(0, 1, -1)):
		return Month
	case start.YearDay() == 1 && end.Equal(start.AddDate(1, 0, -1)):
		return Year
	}
	return Range
}

// MarshalText writes the period as String does ("" when unknown), so that
// JSON output shows dates as written in the tables.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }
