package analysis

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/claims"
	"github.com/ecosys-sna/ecosys/metrics"
	"github.com/ecosys-sna/ecosys/metrics/inference"
	"github.com/ecosys-sna/ecosys/network"
)

// ResultsOptions configure the random procedures of Results.
type ResultsOptions struct {
	// Samples is the number of replicates of the ledger description's
	// missing-data check and of the sensitivity curves; 0 means 1000.
	Samples int
	// Seed seeds every random procedure; Workers is the number of
	// goroutines (0: all cores), on which no result depends.
	Seed    uint64
	Workers int
	// Ecosystem configures the verdict (its Seed and Workers default to
	// Seed and Workers); EcosystemData how the ledger and the case data
	// become its ecosystem.
	Ecosystem     EcosystemOptions
	EcosystemData EcosystemDataOptions
	// Claims are the claims that Results.Claims checks.
	Claims ClaimsInput
}

// ClaimsInput are the claims of Results.Claims: the built-in claims (the
// datasets resource "claims", read by claims.Read) and claims of one's
// own, evaluated in that order.
type ClaimsInput struct {
	Builtin, User []claims.Claim
	// OtherLedger says that the ledger is not the one the built-in claims
	// are about: those that refer to ledger or metrics are left out.
	OtherLedger bool
	// Version is the version of the data package of the built-in claims.
	Version string
}

// Results are what ecosys computes from a ledger and case data: the
// tabulations, the ledger network and its measures, the parties, the
// ledger's description, the ecosystem verdict, the case network and the
// data of the figures. Each is computed once, when first asked for, so
// the report, the notebooks and the command line render the same value
// without computing it again. Results are not safe for concurrent use.
type Results struct {
	l   *network.Ledger
	d   *cases.Data
	opt ResultsOptions

	net      *network.Network
	tallies  map[string]metrics.Tally
	measures *metrics.Report
	desc     *LedgerDescription
	eco      *EcosystemVerdict
	meta     *cases.Meta
	claims   *claims.Report
	errs     map[string]error
	gin      *GraphInput // a network of one's own (NewGraphResults); nil for a ledger
}

// NewResults returns the results of the ledger l and the case data d (nil
// for none).
func NewResults(l *network.Ledger, d *cases.Data, opt ResultsOptions) *Results {
	if opt.Samples == 0 {
		opt.Samples = 1000
	}
	return &Results{l: l, d: d, opt: opt, tallies: map[string]metrics.Tally{}, errs: map[string]error{}}
}

// Ledger returns the ledger.
func (r *Results) Ledger() *network.Ledger { return r.l }

// Cases returns the case data, nil when there are none.
func (r *Results) Cases() *cases.Data { return r.d }

// Options returns the options of the results, with their defaults.
func (r *Results) Options() ResultsOptions { return r.opt }

// Network returns the ledger network (network.BuildLedger), nil for the
// results of a network of one's own (NewGraphResults).
func (r *Results) Network() *network.Network {
	if r.l == nil {
		return nil
	}
	if r.net == nil {
		r.net = network.BuildLedger(r.l)
	}
	return r.net
}

// Tally returns the contracts counted and summed along dimensions (more
// than one: a cross-tabulation); years are in year order.
func (r *Results) Tally(d network.Dimension, more ...network.Dimension) (metrics.Tally, error) {
	key := string(d)
	for _, m := range more {
		key += "," + string(m)
	}
	if t, ok := r.tallies[key]; ok {
		return t, nil
	}
	if r.l == nil {
		return metrics.Tally{}, ErrNoLedger
	}
	g, err := r.l.GroupBy(d, more...)
	if err != nil {
		return metrics.Tally{}, err
	}
	t := metrics.Tabulate(g)
	if len(more) == 0 && d == network.DimYear {
		t.SortByKey()
	}
	r.tallies[key] = t
	return t, nil
}

// once runs f the first time key is asked for and remembers its error.
func (r *Results) once(key string, done bool, f func() error) error {
	if err, ok := r.errs[key]; ok {
		return err
	}
	if done {
		return nil
	}
	err := f()
	r.errs[key] = err
	return err
}

// Measures returns every measure of the ledger network, directed and
// weighted by amount (paths count edges); for a network of one's own
// (NewGraphResults), every measure of that network, weighted, two-mode
// and grouped as its GraphInput says.
func (r *Results) Measures() (*metrics.Report, error) {
	err := r.once("measures", r.measures != nil, func() (err error) {
		if r.gin != nil {
			r.measures, err = r.graphMeasures()
			return err
		}
		r.measures, err = metrics.Compute(r.Network().Directed(network.ByAmount), nil, metrics.Options{Weighted: true, Seed: r.opt.Seed, Workers: r.opt.Workers})
		return err
	})
	return r.measures, err
}

// Description returns the ledger's description (DescribeLedger).
func (r *Results) Description() (*LedgerDescription, error) {
	err := r.once("description", r.desc != nil, func() (err error) {
		if r.l == nil {
			return ErrNoLedger
		}
		r.desc, err = DescribeLedger(r.l, DescribeOptions{Samples: r.opt.Samples, Seed: r.opt.Seed, Workers: r.opt.Workers})
		return err
	})
	return r.desc, err
}

// Ecosystem returns the ecosystem verdict on the ledger and the case data
// (EcosystemOf, EcosystemTest).
func (r *Results) Ecosystem() (*EcosystemVerdict, error) {
	err := r.once("ecosystem", r.eco != nil, func() error {
		if r.l == nil {
			return ErrNoLedger
		}
		e, err := EcosystemOf([]*network.Ledger{r.l}, r.d, r.opt.EcosystemData)
		if err != nil {
			return err
		}
		eo := r.opt.Ecosystem
		if eo.Seed == 0 {
			eo.Seed = r.opt.Seed
		}
		if eo.Workers == 0 {
			eo.Workers = r.opt.Workers
		}
		r.eco, err = EcosystemTest(e, eo)
		return err
	})
	return r.eco, err
}

// Sensitivity returns how a ledger statistic moves as contracts go
// missing (Sensitivity, with the results' samples and seed).
func (r *Results) Sensitivity(stat string, fractions []float64) ([]inference.SensitivityPoint, error) {
	if r.l == nil {
		return nil, ErrNoLedger
	}
	return Sensitivity(r.l, stat, RemoveContracts, fractions, inference.BootOptions{Samples: r.opt.Samples, Seed: r.opt.Seed, Workers: r.opt.Workers})
}

// CaseMeta returns the network of the case data as the case-network
// figure draws it: the organizations view of the ledger, the case
// relations and the hierarchy, without the foreign authorities that
// prosecute or sanction (they are not part of the ecosystem; the
// sanctions stay in the data).
func (r *Results) CaseMeta() (*cases.Meta, error) {
	err := r.once("meta", r.meta != nil, func() error {
		if r.d == nil {
			return fmt.Errorf("no case data")
		}
		layers := []string{cases.LayerCases, cases.LayerHierarchy}
		if r.l != nil {
			layers = append(layers, cases.LayerLedger)
		}
		var kinds []network.Kind
		for _, k := range cases.OrganizationKinds {
			if k != cases.ForeignGovernment {
				kinds = append(kinds, k)
			}
		}
		kinds = append(kinds, cases.PersonKind)
		m, err := cases.BuildMeta(r.l, r.d, cases.MetaOptions{Layers: layers, Kinds: kinds})
		if err != nil {
			return err
		}
		r.meta = m.Organizations()
		return nil
	})
	return r.meta, err
}

// Claims returns the claims of the options checked on the ledger and the
// case data (claims.Check). Built-in claims about data the results do
// not have — another ledger (ClaimsInput.OtherLedger), no case data —
// are left out and counted. It is an error if there are no claims.
func (r *Results) Claims() (*claims.Report, error) {
	err := r.once("claims", r.claims != nil, func() error {
		if r.gin != nil {
			return ErrNoLedger
		}
		in := r.opt.Claims
		if len(in.Builtin)+len(in.User) == 0 {
			return errors.New("no claims to check")
		}
		opt := claims.Options{Version: in.Version}
		if in.OtherLedger {
			opt.LeaveOut = append(opt.LeaveOut, claims.OtherLedger...)
		}
		if r.d == nil {
			opt.LeaveOut = append(opt.LeaveOut, "cases")
		}
		env := claims.NewEnv(r.l, r.d)
		if r.l != nil {
			// The report's measures, not a second computation of them.
			m, err := r.Measures()
			if err != nil {
				return err
			}
			if err := env.UseGraphMeasures(m.Graph); err != nil {
				return err
			}
		}
		r.claims = claims.Check(env, in.Builtin, in.User, opt)
		return nil
	})
	return r.claims, err
}

// Party is a party of the ledger network with its degree and strength.
type Party struct {
	ID           string      `json:"id"`
	NameEN       string      `json:"name_en"`
	NameZH       string      `json:"name_zh"`
	Role         string      `json:"role"`
	Kind         string      `json:"kind"`
	Ministry     string      `json:"ministry"`
	Level        string      `json:"level"`
	Province     string      `json:"province"`
	InDegree     int         `json:"in_degree"`      // distinct partners on incoming ties
	OutDegree    int         `json:"out_degree"`     // distinct partners on outgoing ties
	ContractsIn  int         `json:"contracts_in"`   // in-strength counted in contracts
	ContractsOut int         `json:"contracts_out"`  // out-strength counted in contracts
	AmountIn     json.Number `json:"amount_in_cny"`  // in-strength in CNY, exact
	AmountOut    json.Number `json:"amount_out_cny"` // out-strength in CNY, exact
}

// Parties returns one Party per node of the ledger network, in node order.
// Degrees count distinct partners; strengths add the contract counts and
// the amounts of the ties (metrics.Degrees on the count-weighted graph;
// amounts are summed exactly from the edges).
func (r *Results) Parties() []Party {
	if r.l == nil {
		return nil
	}
	return Parties(r.Network())
}

// Parties returns one Party per node of the ledger network n (see
// Results.Parties).
func Parties(n *network.Network) []Party {
	deg := metrics.Degrees(n.Directed(network.ByContracts))
	in := make([]network.Amount, len(n.Nodes))
	out := make([]network.Amount, len(n.Nodes))
	for _, e := range n.Edges {
		out[e.From] += e.Amount
		in[e.To] += e.Amount
	}
	ps := make([]Party, len(n.Nodes))
	for i, v := range n.Nodes {
		d, e := deg[v.ID], v.Entity
		ps[i] = Party{ID: e.ID, NameEN: e.Name(), NameZH: e.NameZH, Role: string(v.Role), Kind: string(e.Kind),
			Ministry: string(e.Ministry), Level: string(e.Level), Province: e.Province,
			InDegree: d.In, OutDegree: d.Out, ContractsIn: int(d.InStrength), ContractsOut: int(d.OutStrength),
			AmountIn: json.Number(in[i].String()), AmountOut: json.Number(out[i].String())}
	}
	return ps
}

// ISOONLedgerData says how the embedded i-SOON ledger enters the
// ecosystem verdict: a leaked document reproduced in a research paper
// (graded B2: a published paper reproducing the primary text, not
// contradicted), one contractor's client list.
var ISOONLedgerData = EcosystemDataOptions{LedgerGrade: "B2",
	LedgerSelection: "the ledger is one contractor's (i-SOON's Sichuan company) client list, leaked in 2024, so it shows that contractor's clients only"}

// ISOONResultsOptions are the options of the results of the embedded
// i-SOON ledger and case data, as the command line, the report and the
// notebooks compute them: the ledger as ISOONLedgerData says, and the
// unobserved-bureau scenario up to the 43 bureaus of the i-SOON
// indictment.
func ISOONResultsOptions(samples int, seed uint64) ResultsOptions {
	return ResultsOptions{Samples: samples, Seed: seed, EcosystemData: ISOONLedgerData,
		Ecosystem: EcosystemOptions{Population: UnobservedTarget, PopulationNote: UnobservedTargetNote}}
}
