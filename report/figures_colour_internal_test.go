package report

import (
	"testing"

	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/network"
	"github.com/ecosys-sna/ecosys/plots"
)

// TestLevelColoursOrdinal checks that the administrative levels take a
// sequential palette in their order (darker to lighter), the levels
// outside the order grey, and no level a categorical colour.
func TestLevelColoursOrdinal(t *testing.T) {
	tally := metrics.Tally{Groups: []metrics.Group{{Key: string(network.Prefectural), Contracts: 3}, {Key: string(network.UnknownLevel), Contracts: 1},
		{Key: string(network.NotApplicable), Contracts: 2}, {Key: string(network.County), Contracts: 1}}}
	cats := levelCategories(tally)
	lum := func(i int) float64 {
		r, g, b, _ := cats[i].Color.RGBA()
		return 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
	}
	for i := 1; i < 5; i++ {
		if lum(i) <= lum(i-1) {
			t.Errorf("level %s not lighter than %s", cats[i].Label, cats[i-1].Label)
		}
	}
	for i, c := range cats {
		for k := range 7 {
			if c.Color == plots.DataColor(k) {
				t.Errorf("level %d %s has categorical colour %d", i, c.Label, k)
			}
		}
		if i >= 5 && c.Color != plots.NeutralColor() {
			t.Errorf("%s is not grey", c.Label)
		}
	}
}

// TestClientTypeUnknownWord checks that the figures name an unprinted
// client type as the tables do ("unknown"), not "Not printed".
func TestClientTypeUnknownWord(t *testing.T) {
	cats := clientTypeCategories(metrics.Tally{Groups: []metrics.Group{{Key: string(network.UnknownClient), Contracts: 1}}})
	if len(cats) != 1 || cats[0].Label != "Unknown" {
		t.Errorf("categories %+v", cats)
	}
	if c := greyUnknown(cats)[0].Color; c != plots.NeutralColor() {
		t.Errorf("unknown client type coloured %v, want grey", c)
	}
}
