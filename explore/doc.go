// Package explore writes the interactive evidence explorer: one
// self-contained HTML page that shows networks of ecosys — the case
// network, the ledger network, any graph — with pan and zoom, the
// neighbours of a node highlighted, the citations of every relation
// (source, URL, locator, grade, allegation, dates) on click, filters by
// reliability grade, case, relation family and date, and a search by
// Chinese, English or alias name.
//
// Build (or CaseNetwork, LedgerNetwork, GraphNetwork) turns ledgers, case
// data and graphs into Data, laid out in Go by the layouts of the network
// figures (plots.ForceLayout, plots.LayeredLayout, plots.GraphLayout): no
// layout runs in the browser. Write writes the page. The page works from
// file:// and makes no network request; the same data give the same bytes.
// A network larger than MaxNodes nodes or MaxTies ties is cut to the nodes
// of highest degree (Limit), and the page says so.
//
// The page speaks English, Chinese or both (Data.Lang, Options.Lang):
// every word ecosys writes itself — the interface, network titles, kinds,
// field names, notes — comes from one table, Phrases; names, grades,
// relation types and families, case labels and citations are shown as
// recorded.
//
// Package explore imports network, cases and plots; report and cmd
// import it.
package explore
