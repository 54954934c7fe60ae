package cases

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/ecosys-sna/ecosys/network"
)

// FuzzReadCaseData fuzzes the relations table (the one with the most
// checks) with the other tables of the v2 fixture beside it: the reader
// must return data or an error, never panic, and data it returns follow
// the rules it checks.
func FuzzReadCaseData(f *testing.F) {
	good, err := os.ReadFile("testdata/good/relations.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	v2, err := os.ReadFile("testdata/v2/relations.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(v2)
	f.Add([]byte("id,from,to,type,source,evidence,reliability,allegation,corroboration,share\nr1,officer-a,front-co,owner_of,s-news,secondary_report,C1,false,s-wire|s-copy,0.5\n"))
	f.Add([]byte("id,from,to,type,source,evidence,reliability,allegation\nr1,officer-a,bureau,officer_of,s-court,court_document,A2,true\n"))
	f.Add([]byte("id,from,to,type,source,evidence,reliability,allegation,date_start,date_end\nr1,bureau,ministry,subordinate_of,s-struct,government_release,b2,false,2018年5月,2018.5.1\n"))
	base := fstest.MapFS{}
	entries, err := os.ReadDir("testdata/v2")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile("testdata/v2/" + e.Name())
		base["d/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	ledger := []network.Entity{{ID: "contractor", Kind: network.Company}, {ID: "bureau", Kind: network.StateSecurityOrgan}, {ID: "broker", Kind: network.Company}}
	f.Fuzz(func(t *testing.T, rel []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["d/relations.csv"] = &fstest.MapFile{Data: rel}
		d, err := Read(fsys, "d", ledger, network.ReadOptions{})
		if err != nil {
			return
		}
		for _, r := range d.Relations {
			if _, ok := d.KindOf(r.From); !ok {
				t.Fatalf("relation %s from unknown %q accepted", r.ID, r.From)
			}
			if r.Reliability.IsZero() || r.Source == "" {
				t.Fatalf("relation %s without grade or source accepted", r.ID)
			}
			if r.Share != 0 && (r.Type != OwnerOf || !(r.Share > 0 && r.Share <= 1)) {
				t.Fatalf("relation %s: share %v on %s accepted", r.ID, r.Share, r.Type)
			}
			if d.URLRule(r.Reliability, r.Source) != nil {
				t.Fatalf("relation %s: %s on a source without URL accepted", r.ID, r.Reliability)
			}
			if r.Corroboration != nil && d.IndependenceRule(r.Reliability, append([]string{r.Source}, r.Corroboration...)) != nil {
				t.Fatalf("relation %s: %s on %s %v accepted", r.ID, r.Reliability, r.Source, r.Corroboration)
			}
			for _, c := range r.Corroboration {
				if _, ok := d.Source(c); !ok || c == r.Source {
					t.Fatalf("relation %s: corroboration %q accepted", r.ID, c)
				}
			}
		}
		if _, err := BuildMeta(nil, d, MetaOptions{Layers: []string{LayerCases, LayerHierarchy}}); err != nil {
			t.Fatal(err)
		}
	})
}
