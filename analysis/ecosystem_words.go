package analysis

import (
	"fmt"
	"strings"
)

// Hypothesis states the hypothesis and its two readings, as README, the
// help text and the report print them.
const Hypothesis = "Decentralized reading: China's state cyber operations run through a decentralized ecosystem, in which many sub-national public-security and state-security bureaus each task, pay or are served by private firms, often through intermediary or front companies, and firms sell to many bureaus. Centralized reading: the operations are directed from the headquarters of the two ministries (MPS, MSS), which task and pay the firms; local bureaus, where they appear, relay central direction. The verdict measures four implications on the principal–agent view of the evidence (ledgers and case data), each with its expected direction under each reading: the level of the principals, their concentration, the locality of ties, and the reach of vendors across provinces."

// summarize writes the verdict's paragraph from its numbers.
func summarize(v *EcosystemVerdict, main variantRun) string {
	var s strings.Builder
	var bear, rest []string
	for _, r := range v.Implications {
		clause := describeImplication(r)
		if r.Favours == Decentralized || r.Favours == Centralized {
			bear = append(bear, clause+" — favours "+r.Favours)
		} else {
			rest = append(rest, clause+" — "+whyNot(r))
		}
	}
	switch v.Reading {
	case "inconclusive":
		fmt.Fprintf(&s, "Reading: inconclusive. %s of the %d implications %s on the reading, fewer than the two the rule needs", count(len(bear)), len(v.Implications), verb(len(bear)))
	case "mixed":
		fmt.Fprintf(&s, "Reading: mixed. %s of the %d implications bear on the reading and they disagree", count(len(bear)), len(v.Implications))
	default:
		all := "all"
		if len(bear) == 2 {
			all = "both"
		}
		fmt.Fprintf(&s, "Reading: %s. %s of the %d implications bear on the reading, %s in that direction", v.Reading, count(len(bear)), len(v.Implications), all)
	}
	if len(bear) > 0 {
		fmt.Fprintf(&s, ": %s.", strings.Join(bear, "; "))
	} else {
		s.WriteString(".")
	}
	if len(rest) > 0 {
		fmt.Fprintf(&s, " Not bearing: %s.", strings.Join(rest, "; "))
	}

	// Robustness.
	if len(v.Robustness) > 0 {
		held := 0
		changed := map[string][]string{}
		var order []string
		for _, r := range v.Robustness {
			if !r.Changed {
				held++
				continue
			}
			if changed[r.Check] == nil {
				order = append(order, r.Check)
			}
			changed[r.Check] = append(changed[r.Check], fmt.Sprintf("%s (%s)", r.Variant, r.Reading))
		}
		fmt.Fprintf(&s, " Robustness: the reading holds in %d of %d variants", held, len(v.Robustness))
		if len(order) == 0 {
			s.WriteString(".")
		} else {
			s.WriteString("; it changes under")
			for i, c := range order {
				sep := ";"
				if i == 0 {
					sep = ""
				}
				fmt.Fprintf(&s, "%s %s: %s", sep, c, strings.Join(changed[c], ", "))
			}
			s.WriteString(".")
		}
	}

	// What the data cannot say.
	s.WriteString(" What the data cannot say: ")
	var caveats []string
	for _, n := range v.Notes {
		if sel, ok := strings.CutPrefix(n, "selection: "); ok {
			caveats = append(caveats, sel)
		}
	}
	caveats = append(caveats, "each agent's number of principals is fixed by how it was observed, so the tests only ask whether the ties fall differently from chance given that")
	if c := largestCluster(v, main); c != "" {
		caveats = append(caveats, c)
	}
	for _, n := range v.Notes {
		if u, ok := strings.CutPrefix(n, "unit not named: "); ok {
			caveats = append(caveats, u)
		}
	}
	s.WriteString(strings.Join(caveats, "; "))
	s.WriteString(".")
	return s.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func verb(n int) string {
	if n == 1 {
		return "bears"
	}
	return "bear"
}

func count(n int) string {
	words := []string{"None", "One", "Two", "Three", "Four", "Five"}
	if n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}

// describeImplication states an implication's numbers in words.
func describeImplication(r ImplicationResult) string {
	if r.Observed == nil {
		return r.Name + " is undefined"
	}
	obs := *r.Observed
	if r.Interval != nil {
		return fmt.Sprintf("%s %.2f (95%% interval [%.2f, %.2f] over %d %s)", r.Name, obs, r.Interval[0], r.Interval[1], r.Units, plural(r.Units, "unit", "units"))
	}
	if r.DesignFixed {
		return fmt.Sprintf("%s %.3g, fixed by the design", r.Name, obs)
	}
	if r.NullMean == nil {
		return fmt.Sprintf("%s %.3g", r.Name, obs)
	}
	out := fmt.Sprintf("%s %.3g against %.3g expected under %s", r.Name, obs, *r.NullMean, r.NullModel)
	if r.PHolm != nil {
		out += fmt.Sprintf(" (Holm p %.3g", *r.PHolm)
		if r.Power != nil {
			out += fmt.Sprintf(", power %.2f", *r.Power)
		}
		out += ")"
	}
	return out
}

// whyNot says briefly why an implication does not bear.
func whyNot(r ImplicationResult) string {
	w := r.Why
	if i := strings.Index(w, ":"); i > 0 {
		w = w[:i]
	}
	// A share's reason repeats its estimate and interval, which the
	// clause before it already gives: "low (0.07, interval [0.00,
	// 0.31]), which …" becomes "low, which …".
	if word, rest, ok := strings.Cut(w, " ("); ok && !strings.Contains(word, " ") {
		if _, after, ok := strings.Cut(rest, ")"); ok {
			w = word + after
		}
	}
	return w
}

// largestCluster says how much of the main view one evidence cluster
// holds, when it holds at least a third of the ties, and what leaving it
// out does.
func largestCluster(v *EcosystemVerdict, main variantRun) string {
	best, n, total := "", 0, 0
	for c, k := range main.ClusterTies {
		total += k
		if k > n || (k == n && c < best) {
			best, n = c, k
		}
	}
	if total == 0 || 3*n < total {
		return ""
	}
	out := fmt.Sprintf("%d of the %d principal–agent ties come from one piece of evidence (%s)", n, total, best)
	for _, r := range v.Robustness {
		if r.Check == checkLOCO && r.Variant == "without "+best {
			out += fmt.Sprintf(", and without it the reading is %s", r.Reading)
		}
	}
	return out
}
