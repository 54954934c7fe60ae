package analysis

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/ecosys-sna/ecosys/metrics"
)

// Readings an implication can favour.
const (
	Decentralized = "decentralized"
	Centralized   = "centralized"
	Neither       = "neither"
	Descriptive   = "descriptive"
)

// Implication is an observable implication of the decentralized-ecosystem
// hypothesis: a number measured on the principal × agent view, its
// expected direction under each reading, and how it is judged.
type Implication struct {
	Name string
	// Question is what the implication asks, in words.
	Question string
	// Decentralized and Centralized say what each reading predicts.
	Decentralized, Centralized string
	// Tested reports whether the implication is tested against the null
	// model bipartite-sampled; otherwise it is a share with a jackknife
	// interval, judged against the thresholds of the decision rule.
	Tested bool
	// High and Low are the readings favoured by a high value (a share
	// above 2/3, or the upper tail of a test) and a low one. highOf, when
	// set, decides High from the view.
	High, Low string
	highOf    func(b *bipartite) string
	// Alternative names the alternative of a test's power (tested only).
	Alternative string
	// References are the literature the implication rests on.
	References string

	share func(b *bipartite) []unitShare                       // descriptive: contributions by unit
	stat  func(b *bipartite) func(g graph.Graph) metrics.Value // tested: the statistic on the view's graph
	alt   func(b *bipartite) (alternative, error)              // tested: the alternative of the power
}

// alternative is a one-parameter family of tilts of the null model
// (tilt(w), w ≥ 1, w = 1 the null itself) with the quantity whose mean
// the parameter is calibrated to reach (target).
type alternative struct {
	tilt    func(w float64) func(row, col int64) float64
	measure func(g graph.Graph) float64
	target  float64
	what    string // the calibrated quantity, in words
}

// unitShare is one unit's contribution to a share: num of den.
type unitShare struct {
	unit     string
	num, den float64
}

// Implications lists the implications of the verdict, in order. Each is
// measured on the same principal × agent view.
func Implications() []Implication { return slices.Clone(implications) }

var implications = []Implication{
	{
		Name:          "principal_level",
		Question:      "What share of the principal–agent ties run to a sub-national principal (provincial, prefectural, county or district bureau), among ties whose principal's level is known?",
		Decentralized: "high: local bureaus task, pay or are served by the agents",
		Centralized:   "low: the ties run to national headquarters",
		High:          Decentralized, Low: Centralized,
		References: "Lieberthal and Oksenberg (1988) and Mertha (2009) on fragmented authority; the hypothesis as stated",
		share: func(b *bipartite) []unitShare {
			var out []unitShare
			for a, ps := range b.adj {
				for k, p := range ps {
					switch b.level(p) {
					case levelSubnational:
						out = append(out, unitShare{b.cluster[a][k], 1, 1})
					case levelNational:
						out = append(out, unitShare{b.cluster[a][k], 0, 1})
					}
				}
			}
			return out
		},
	},
	{
		Name:          "principal_concentration",
		Question:      "Are the ties concentrated on few principals (Herfindahl-Hirschman index of the principals' shares of ties) beyond what the observation design gives?",
		Decentralized: "no concentration beyond the design: many principals, each with its own agents",
		Centralized:   "concentration on a headquarters principal (concentration on a sub-national bureau favours neither reading)",
		Tested:        true, High: Centralized, Low: Decentralized,
		highOf: func(b *bipartite) string {
			if p := b.topPrincipal(); p >= 0 && b.level(p) == levelNational {
				return Centralized
			}
			return Neither
		},
		Alternative: "a headquarters: the principal with most ties is weighted so that it holds half of all ties on average (or as many as the design allows)",
		References:  "Freeman (1979) and Borgatti and Everett (1997) on centralization; Hirschman (1945) and Herfindahl (1950) on concentration",
		stat: func(b *bipartite) func(g graph.Graph) metrics.Value {
			na, np := int64(len(b.agents)), int64(len(b.principals))
			return func(g graph.Graph) metrics.Value {
				// Principals in id order, so that the sum is the same
				// whatever order the graph keeps its nodes in.
				var m float64
				d := make([]float64, 0, np)
				for id := na; id < na+np; id++ {
					k := float64(g.From(id).Len())
					d = append(d, k)
					m += k
				}
				if m == 0 {
					return metrics.Undefined("no ties")
				}
				var h float64
				for _, k := range d {
					h += (k / m) * (k / m)
				}
				return metrics.Defined(h)
			}
		},
		alt: func(b *bipartite) (alternative, error) {
			np := len(b.principals)
			if np < 2 {
				return alternative{}, errNoAlternative("fewer than two principals")
			}
			hub := int64(len(b.agents) + b.topPrincipal())
			// The hub can hold at most one tie per agent, and every other
			// principal keeps one.
			most := float64(min(len(b.agents), b.ties-(np-1))) / float64(b.ties)
			return alternative{
				tilt: func(w float64) func(row, col int64) float64 {
					return func(_, col int64) float64 {
						if col == hub {
							return w
						}
						return 1
					}
				},
				measure: func(g graph.Graph) float64 { return float64(g.From(hub).Len()) / float64(b.ties) },
				target:  math.Min(0.5, most),
				what:    "the share of ties held by the principal with most ties",
			}, nil
		},
	},
	{
		Name:          "locality",
		Question:      "Do agents work for sub-national principals of their own province more often than the observation design gives?",
		Decentralized: "yes, for a decentralization of local bureaus with local firms (a market of vendors across provinces predicts no locality)",
		Centralized:   "no: the ties run to headquarters in Beijing wherever the agent is",
		Tested:        true, High: Decentralized, Low: Neither,
		Alternative: "local contracting: principals of the agent's own province are weighted so that the locality is 0.8 on average (or as high as the design allows)",
		References:  "McPherson, Smith-Lovin and Cook (2001) on homophily; Krackhardt (1988) on permutation tests of dyadic hypotheses",
		stat:        localityStat,
		alt: func(b *bipartite) (alternative, error) {
			na := int64(len(b.agents))
			local := func(a, p int) bool {
				pa := b.agents[a].Province
				return pa != "" && b.level(p) == levelSubnational && b.principals[p].Province == pa
			}
			possible := false
			for a := range b.agents {
				for p := range b.principals {
					possible = possible || local(a, p)
				}
			}
			if !possible {
				return alternative{}, errNoAlternative("no agent has a sub-national principal of its own province to choose")
			}
			st := localityStat(b)
			return alternative{
				tilt: func(w float64) func(row, col int64) float64 {
					return func(row, col int64) float64 {
						if local(int(row), int(col-na)) {
							return w
						}
						return 1
					}
				},
				measure: func(g graph.Graph) float64 {
					if v := st(g); v.OK {
						return v.V
					}
					return 0
				},
				target: 0.8,
				what:   "the locality",
			}, nil
		},
	},
	{
		Name:          "vendor_reach",
		Question:      "What share of the agents that serve sub-national principals serve principals in two or more provinces?",
		Decentralized: "high, for a market of vendors selling to bureaus across provinces",
		Centralized:   "low: vendors serve headquarters (a decentralization of local bureaus with local firms predicts low reach too, so a low value favours neither reading)",
		High:          Decentralized, Low: Neither,
		References: "Provan and Kenis (2008) on shared and lead-organization network governance",
		share: func(b *bipartite) []unitShare {
			var out []unitShare
			for a, ps := range b.adj {
				provinces := map[string]bool{}
				for _, p := range ps {
					if b.level(p) == levelSubnational && b.principals[p].Province != "" {
						provinces[b.principals[p].Province] = true
					}
				}
				if len(provinces) == 0 {
					continue
				}
				u := unitShare{unit: b.agents[a].ID, den: 1}
				if len(provinces) >= 2 {
					u.num = 1
				}
				out = append(out, u)
			}
			return out
		},
	},
}

// topPrincipal returns the principal with most ties (the first in id
// order among equals), -1 without principals.
func (b *bipartite) topPrincipal() int {
	if len(b.principals) == 0 {
		return -1
	}
	deg := make([]int, len(b.principals))
	for _, ps := range b.adj {
		for _, p := range ps {
			deg[p]++
		}
	}
	return slices.Index(deg, slices.Max(deg))
}

// localityStat is the locality of the view: the share of ties between an
// agent and a sub-national principal, both of known province, that stay
// in the agent's province.
func localityStat(b *bipartite) func(g graph.Graph) metrics.Value {
	na := int64(len(b.agents))
	return func(g graph.Graph) metrics.Value {
		var same, all float64
		for a := range b.agents {
			pa := b.agents[a].Province
			if pa == "" {
				continue
			}
			for it := g.From(int64(a)); it.Next(); {
				p := it.Node().ID() - na
				if b.level(int(p)) != levelSubnational || b.principals[p].Province == "" {
					continue
				}
				all++
				if b.principals[p].Province == pa {
					same++
				}
			}
		}
		if all == 0 {
			return metrics.Undefined("no tie between an agent and a sub-national principal whose provinces are both known")
		}
		return metrics.Defined(same / all)
	}
}

// graphOf returns the view as a gonum graph: agents are nodes 0 … na−1
// (mode 0), principals na, na+1, … (mode 1).
func (b *bipartite) graphOf() (graph.Undirected, func(id int64) int) {
	g := simple.NewUndirectedGraph()
	na := len(b.agents)
	for i := 0; i < na+len(b.principals); i++ {
		g.AddNode(simple.Node(i))
	}
	for a, ps := range b.adj {
		for _, p := range ps {
			g.SetEdge(g.NewEdge(simple.Node(a), simple.Node(na+p)))
		}
	}
	return g, func(id int64) int {
		if id < int64(na) {
			return 0
		}
		return 1
	}
}

// shareInterval returns the share Σnum/Σden over units and its 95%
// interval: the hull of the jackknife interval over units and a Wilson
// score interval with one observation per unit.
//
// The jackknife (Quenouille 1956; Tukey 1958) leaves one unit out at a
// time: with G units and leave-one-out shares θ₍g₎, SE² = (G−1)/G ·
// Σ(θ₍g₎ − θ̄)², and the interval is θ̂ ± t₀.₉₇₅,G−1 · SE. With few units
// it understates the uncertainty (two units with equal shares give a
// zero-width interval), so the interval also covers the Wilson interval
// (Wilson 1927) of the share with n = G: ties within a unit may be
// perfectly correlated, and Kish's (1965) design effect then makes the
// effective sample size the number of units. Units whose removal leaves
// no denominator are skipped by the jackknife; ok is false without any
// denominator.
func shareInterval(contrib []unitShare) (est, lo, hi float64, units int, ok bool) {
	num, den := map[string]float64{}, map[string]float64{}
	var N, D float64
	for _, c := range contrib {
		num[c.unit] += c.num
		den[c.unit] += c.den
		N += c.num
		D += c.den
	}
	if D == 0 {
		return math.NaN(), 0, 1, 0, false
	}
	est = N / D
	keys := make([]string, 0, len(den))
	for u, d := range den {
		if d > 0 {
			keys = append(keys, u)
		}
	}
	slices.Sort(keys)
	lo, hi = wilson(est, float64(len(keys)))
	var loo []float64
	for _, u := range keys {
		if D-den[u] > 0 {
			loo = append(loo, (N-num[u])/(D-den[u]))
		}
	}
	if len(loo) < 2 {
		return est, lo, hi, len(keys), true
	}
	g := float64(len(loo))
	var mean float64
	for _, v := range loo {
		mean += v
	}
	mean /= g
	var ss float64
	for _, v := range loo {
		ss += (v - mean) * (v - mean)
	}
	se := math.Sqrt((g - 1) / g * ss)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: g - 1}.Quantile(0.975)
	lo, hi = math.Min(lo, math.Max(0, est-t*se)), math.Max(hi, math.Min(1, est+t*se))
	return est, lo, hi, len(keys), true
}

// wilson returns the 95% Wilson score interval of a proportion p from n
// observations.
func wilson(p, n float64) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	z := distuv.UnitNormal.Quantile(0.975)
	d := 1 + z*z/n
	c := (p + z*z/(2*n)) / d
	h := z / d * math.Sqrt(p*(1-p)/n+z*z/(4*n*n))
	return math.Max(0, c-h), math.Min(1, c+h)
}

// errNoAlternative says why an alternative cannot be formed.
type errNoAlternative string

func (e errNoAlternative) Error() string { return string(e) }
