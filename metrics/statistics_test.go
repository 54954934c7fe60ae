package metrics_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/metrics"
)

// TestStatisticsMatchCompute checks that every registered statistic gives
// exactly the value Compute reports under its path.
func TestStatisticsMatchCompute(t *testing.T) {
	for _, tc := range []struct {
		name               string
		directed, weighted bool
	}{{"karate", false, false}, {"directed", true, false}, {"weighted", false, true}, {"outtree", true, false}, {"disconnected", false, false}} {
		g := loadGraph(t, tc.name, tc.directed, tc.weighted)
		r, err := metrics.Compute(g.G, nil, metrics.Options{Weighted: tc.weighted})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r.Graph)
		var graphJSON map[string]any
		json.Unmarshal(b, &graphJSON)
		for _, path := range metrics.StatisticPaths() {
			st, err := metrics.LookupStatistic(path, metrics.StatContext{Weighted: tc.weighted})
			if err != nil {
				t.Fatal(err)
			}
			got := st.Fn(g.G)
			want, ok := lookupPath(graphJSON, path)
			if !ok {
				continue // not in this report (e.g. two-mode, largest_component_share)
			}
			if want == nil {
				if got.OK {
					t.Errorf("%s %s = %v, Compute reports null", tc.name, path, got.V)
				}
				continue
			}
			if !got.OK || got.V != want.(float64) {
				t.Errorf("%s %s = %+v, Compute reports %v", tc.name, path, got, want)
			}
		}
	}
	// Two-mode statistics, nested two levels deep in the JSON.
	g := loadGraph(t, "davis", false, false)
	mode := func(id int64) int {
		if g.Attrs[id]["mode"] == "woman" {
			return 0
		}
		return 1
	}
	r, err := metrics.Compute(g.G, nil, metrics.Options{Mode: mode})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r.Graph)
	var graphJSON map[string]any
	json.Unmarshal(b, &graphJSON)
	for _, path := range []string{"two_mode.density", "two_mode.degree_centralization.mode0", "two_mode.degree_centralization.mode1"} {
		st, err := metrics.LookupStatistic(path, metrics.StatContext{Mode: mode})
		if err != nil {
			t.Fatal(err)
		}
		want, ok := lookupPath(graphJSON, path)
		if got := st.Fn(g.G); !ok || !got.OK || got.V != want.(float64) {
			t.Errorf("davis %s = %+v, Compute reports %v", path, got, want)
		}
	}
	if _, err := metrics.LookupStatistic("centralization.nope", metrics.StatContext{}); err == nil {
		t.Error("unknown path accepted")
	}
}

// lookupPath finds a.b or a.b.value in a decoded JSON object.
func lookupPath(m map[string]any, path string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[k]; !ok {
			return nil, false
		}
	}
	if obj, ok := cur.(map[string]any); ok {
		v, ok := obj["value"]
		return v, ok
	}
	return cur, true
}
