package explore_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/ecosys-sna/ecosys/explore"
	"github.com/ecosys-sna/ecosys/plots"
)

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserLog collects what the page does that the test forbids: console
// messages, uncaught exceptions, browser log entries and requests.
type browserLog struct {
	mu       sync.Mutex
	console  []string
	requests []string
}

func (b *browserLog) add(list *[]string, s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	*list = append(*list, s)
}

func (b *browserLog) listen(ev any) {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var args []string
		for _, a := range e.Args {
			args = append(args, string(a.Value)+a.Description)
		}
		b.add(&b.console, fmt.Sprintf("console.%s: %s", e.Type, strings.Join(args, " ")))
	case *runtime.EventExceptionThrown:
		b.add(&b.console, "exception: "+e.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		b.add(&b.console, fmt.Sprintf("log %s %s: %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL))
	case *network.EventRequestWillBeSent:
		b.add(&b.requests, e.Request.URL)
	}
}

// clickOn clicks, with the mouse, a point of the element sel where it is
// the topmost element (a node, or a point along a tie's line).
func clickOn(sel string) chromedp.Action[chromedp.Void] { return mouseOn(sel, false) }

// hoverOn moves the mouse onto the element sel, as clickOn finds it.
func hoverOn(sel string) chromedp.Action[chromedp.Void] { return mouseOn(sel, true) }

func mouseOn(sel string, hover bool) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		js := `(function(){
  var e = document.querySelector(` + "`" + sel + "`" + `);
  if (!e) return [];
  var hit = function(x, y){ var t = document.elementFromPoint(x, y); return t === e || (t && t.parentNode === e); };
  if (e.tagName === "line") {
    var m = e.getScreenCTM(), x1 = +e.getAttribute("x1"), y1 = +e.getAttribute("y1"), x2 = +e.getAttribute("x2"), y2 = +e.getAttribute("y2");
    for (var i = 1; i < 40; i++) {
      var f = i / 40, x = x1 + f * (x2 - x1), y = y1 + f * (y2 - y1);
      var sx = m.a * x + m.c * y + m.e, sy = m.b * x + m.d * y + m.f;
      if (hit(sx, sy)) return [sx, sy];
    }
    return [];
  }
  var r = e.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  return hit(cx, cy) ? [cx, cy] : [];
})()`
		pt, err := chromedp.Evaluate[[]float64](js)(ctx, t)
		if err != nil {
			return chromedp.Void{}, err
		}
		if len(pt) != 2 {
			return chromedp.Void{}, fmt.Errorf("%s: no point of it is on top", sel)
		}
		if hover {
			return chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pt[0], pt[1])(ctx, t)
		}
		return chromedp.MouseClickXY(pt[0], pt[1])(ctx, t)
	}
}

// enable turns on the network and log domains, whose events the test
// listens to.
func enable() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, t, cdplog.Enable, cdp.Empty{})
		return chromedp.Void{}, err
	}
}

// eval evaluates a JavaScript expression into *v.
func eval[T any](expr string, v *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		r, err := chromedp.Evaluate[T](expr)(ctx, t)
		*v = r
		return chromedp.Void{}, err
	}
}

// TestBrowser opens the explorer page of the embedded data, with a
// hostile party added, in headless Chromium from file:// and uses it as a
// reader would: it searches 天津市安全局 and opens it from the results,
// clicks the node and its ledger tie and reads the citation, clicks the
// hostile party's tie, and sets a grade filter. The console must stay
// clean, the page must request nothing but itself, and the hostile
// strings must stay text: no <img> in the page, window.__xss never set,
// no link whose scheme is not http(s). It skips where no chromium binary
// is found, unless ECOSYS_BROWSER_TEST=require (set by .ci/run, so that
// CI cannot skip it silently).
func TestBrowser(t *testing.T) {
	ctx, bl := newBrowser(t)
	data := withHostile(t, embeddedData(t), "tianjin-ssb")
	page := writeTemp(t, write(t, data))
	url := "file://" + page

	// The ties to click, by index in the case network.
	cn := data.Networks[0]
	node, ledgerTie, hostileTie := -1, -1, -1
	for i, v := range cn.Nodes {
		if v.ID == "tianjin-ssb" {
			node = i
		}
	}
	for i, tie := range cn.Ties {
		if tie.From != node && tie.To != node {
			continue
		}
		for _, c := range tie.Citations {
			if c.Layer == "ledger" {
				ledgerTie = i
			}
			if c.ID == "rx" {
				hostileTie = i
			}
		}
	}
	// An undated tie of the case us-v-zhu-hua (Zhu Hua, associated with
	// the bureau).
	caseTie := -1
	for i, tie := range cn.Ties {
		if (tie.From == node || tie.To == node) && len(tie.Citations) == 1 && tie.Citations[0].Case == "us-v-zhu-hua" && tie.Citations[0].Start == "" {
			caseTie = i
		}
	}
	if node < 0 || ledgerTie < 0 || hostileTie < 0 || caseTie < 0 {
		t.Fatalf("test data: node %d, ledger tie %d, hostile tie %d, case tie %d", node, ledgerTie, hostileTie, caseTie)
	}
	// hidden reads which of the three ties are hidden: ledger, hostile,
	// case.
	hidden := func(v *[3]bool) chromedp.Action[chromedp.Void] {
		return eval(fmt.Sprintf(`(function(){ var l = document.querySelectorAll("#ties line.tie"); return [%d, %d, %d].map(function(i){ return l[i].classList.contains("hidden"); }); })()`,
			ledgerTie, hostileTie, caseTie), v)
	}
	set := func(id, value, event string) chromedp.Action[chromedp.Void] {
		return eval(fmt.Sprintf(`(function(){ var e = document.getElementById(%q); e.value = %q; e.dispatchEvent(new Event(%q)); return true; })()`, id, value, event), new(bool))
	}
	var byCase, byDate, byDateUndated, byFamily [3]bool

	var (
		results, nodeDetails, tieDetails, hostileDetails string
		before, after                                    int
		hiddenLedger, hiddenHostile                      bool
		xss                                              string
		images, badLinks                                 int
		nidsLink                                         bool
		highlighted                                      int
	)
	countTies := `document.querySelectorAll("#ties line.tie:not(.hidden)").length`
	err := chromedp.Do(ctx,
		enable(),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(`body[data-ready="true"]`)),
		// Search, and open the node from the results.
		chromedp.SendKeys(chromedp.CSS("#search"), "天津市安全局"),
		chromedp.WaitVisible(chromedp.CSS("#results li button")),
		text("#results", &results),
		chromedp.Click(chromedp.CSS("#results li button")),
		// Hover over the node: it and its neighbours are highlighted, the
		// rest dimmed.
		hoverOn(fmt.Sprintf(`path.node[data-node="%d"]`, node)),
		eval(`document.getElementById("svg").classList.contains("focus") ? document.querySelectorAll("path.node.hl").length : -1`, &highlighted),
		// Click the node itself, then its ledger tie.
		clickOn(fmt.Sprintf(`path.node[data-node="%d"]`, node)),
		text("#details", &nodeDetails),
		clickOn(fmt.Sprintf(`line.hit[data-tie="%d"]`, ledgerTie)),
		text("#details", &tieDetails),
		eval(`Array.prototype.some.call(document.querySelectorAll("#details a"), function(a){ return a.protocol === "https:" && a.href.indexOf("nids") >= 0; })`, &nidsLink),
		clickOn(fmt.Sprintf(`line.hit[data-tie="%d"]`, hostileTie)),
		text("#details", &hostileDetails),
		eval(`Array.prototype.filter.call(document.querySelectorAll("a"), function(a){ return !/^https?:$/.test(a.protocol); }).length`, &badLinks),
		// A grade filter: source A only.
		eval(countTies, &before),
		chromedp.SetValue(chromedp.CSS("#grade-letter"), "A"),
		eval(`document.getElementById("grade-letter").dispatchEvent(new Event("change"))`, new(bool)),
		eval(countTies, &after),
		eval(fmt.Sprintf(`document.querySelectorAll("#ties line.tie")[%d].classList.contains("hidden")`, ledgerTie), &hiddenLedger),
		eval(fmt.Sprintf(`document.querySelectorAll("#ties line.tie")[%d].classList.contains("hidden")`, hostileTie), &hiddenHostile),
		// A case: its ties and the ledger's stay, other case relations go.
		chromedp.Click(chromedp.CSS("#reset")),
		set("case", "us-v-zhu-hua", "change"),
		hidden(&byCase),
		// Years from 2019: the 2017 contract goes, the 2020 relation and
		// the undated one stay, until undated ties are unticked.
		chromedp.Click(chromedp.CSS("#reset")),
		set("date-from", "2019", "input"),
		hidden(&byDate),
		chromedp.Click(chromedp.CSS("#undated")),
		hidden(&byDateUndated),
		// Family: without contracts, the ledger tie goes.
		chromedp.Click(chromedp.CSS("#reset")),
		chromedp.Click(chromedp.CSS("#family-contract")),
		hidden(&byFamily),
		eval(`String(window.__xss)`, &xss),
		eval(`document.images.length + document.querySelectorAll("img").length`, &images),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if !strings.Contains(results, "天津市安全局") {
		t.Errorf("search for 天津市安全局: results %q", results)
	}
	// The node and each of its neighbours in the case network (the
	// hostile party among them).
	if want := neighbours(cn, node) + 1; highlighted != want {
		t.Errorf("hover: %d nodes highlighted, want %d (the node and its neighbours)", highlighted, want)
	}
	if !strings.Contains(nodeDetails, "Tianjin State Security Bureau") || !strings.Contains(nodeDetails, "天津市安全局") {
		t.Errorf("node click: details %q", nodeDetails)
	}
	for _, want := range []string{"Figure 2, rows 11", "grade B2", "research paper", "2017-11-25"} {
		if !strings.Contains(tieDetails, want) {
			t.Errorf("tie click: details lack %q:\n%s", want, tieDetails)
		}
	}
	if !nidsLink {
		t.Error("tie click: no https link to the NIDS commentary")
	}
	for _, want := range []string{xssName, scriptName, xssURL, "grade F6"} {
		if !strings.Contains(hostileDetails, want) {
			t.Errorf("hostile tie: details lack %q as text:\n%s", want, hostileDetails)
		}
	}
	if !(after < before) || !hiddenLedger || !hiddenHostile {
		t.Errorf("grade filter A: %d visible ties before, %d after; B2 tie hidden %v, F6 tie hidden %v", before, after, hiddenLedger, hiddenHostile)
	}
	for _, f := range []struct {
		name      string
		got, want [3]bool
	}{
		{"case us-v-zhu-hua", byCase, [3]bool{false, true, false}},
		{"from 2019", byDate, [3]bool{true, false, false}},
		{"from 2019, no undated", byDateUndated, [3]bool{true, false, true}},
		{"no contract family", byFamily, [3]bool{true, false, false}},
	} {
		if f.got != f.want {
			t.Errorf("filter %s: hidden (ledger, hostile, case tie) = %v, want %v", f.name, f.got, f.want)
		}
	}
	if xss != "undefined" || images != 0 || badLinks != 0 {
		t.Errorf("hostile data ran or became markup: window.__xss = %s, %d images, %d links not http(s)", xss, images, badLinks)
	}
	bl.check(t, url)
	t.Logf("grade filter A: %d → %d visible ties", before, after)
}

// newBrowser starts headless Chromium for a test, listened to by the
// returned log, and stops it when the test ends (a 60 s limit). It skips
// the test where no chromium binary is found, unless
// ECOSYS_BROWSER_TEST=require (set by .ci/run, so that CI cannot skip it
// silently), and in -short mode.
func newBrowser(t *testing.T) (context.Context, *browserLog) {
	t.Helper()
	path := chromium()
	if path == "" && os.Getenv("ECOSYS_BROWSER_TEST") == "require" {
		t.Fatal("no chromium binary found, and ECOSYS_BROWSER_TEST=require (as in .ci/run, after scripts/browser-check.sh installed it)")
	}
	if path == "" {
		t.Skip("no chromium binary found (install Debian's chromium: scripts/browser-check.sh does when run as root); skipping the browser test")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.WindowSize(1400, 900), chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	bl := &browserLog{}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(bl.listen))
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelT)
	return ctx, bl
}

// check fails the test if the console was not clean or the page at url
// requested anything but itself.
func (b *browserLog) check(t *testing.T, url string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.console) > 0 {
		t.Errorf("console not clean:\n%s", strings.Join(b.console, "\n"))
	}
	for _, r := range b.requests {
		if r != url {
			t.Errorf("request other than the page itself: %s", r)
		}
	}
	t.Logf("requests %v", b.requests)
	if len(b.requests) == 0 {
		t.Error("no request seen at all: the network listener did not work")
	}
}

// text reads the text content of the element sel into *s.
func text(sel string, s *string) chromedp.Action[chromedp.Void] {
	return eval(`document.querySelector("`+sel+`").textContent`, s)
}

// TestBrowserChinese opens the Chinese explorer page of the embedded
// data in headless Chromium, as TestBrowser does the English one: the
// page is marked zh-Hans, shows its labels, counts, legend and network
// switch in Chinese with no English word of Phrases, finds 天津市安全局,
// and a click on the node and then on its ledger tie shows the citation
// with Chinese field names (来源, 等级) and the locator as recorded; the
// console stays clean and the page requests nothing but itself.
func TestBrowserChinese(t *testing.T) {
	ctx, bl := newBrowser(t)
	data := langData(t, plots.LangZH, 0)
	url := "file://" + writeTemp(t, write(t, data))
	cn := data.Networks[0]
	node, ledgerTie := -1, -1
	for i, v := range cn.Nodes {
		if v.ID == "tianjin-ssb" {
			node = i
		}
	}
	for i, tie := range cn.Ties {
		if (tie.From == node || tie.To == node) && slices.ContainsFunc(tie.Citations, func(c explore.Citation) bool { return c.Layer == "ledger" }) {
			ledgerTie = i
		}
	}
	if node < 0 || ledgerTie < 0 {
		t.Fatalf("test data: node %d, ledger tie %d", node, ledgerTie)
	}
	var lang, gradeLegend, counts, legend, buttons, results, nodeDetails, tieDetails, labels, families string
	err := chromedp.Do(ctx,
		enable(),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(`body[data-ready="true"]`)),
		eval(`document.documentElement.lang`, &lang),
		text("#families", &families),
		text("#f-grade legend", &gradeLegend),
		text("#counts", &counts),
		eval(`document.getElementById("legend").innerText`, &legend),
		eval(`document.getElementById("networks").innerText`, &buttons),
		// The labels of the controls, as shown.
		eval(`Array.prototype.map.call(document.querySelectorAll("aside legend, aside > label, aside fieldset > label, #reset, #zoom-fit"), function(e){ return e.innerText; }).join("\n") +
			"\n" + document.getElementById("search").placeholder + "\n" + document.getElementById("zoom-in").getAttribute("aria-label") +
			"\n" + document.getElementById("details").innerText`, &labels),
		chromedp.SendKeys(chromedp.CSS("#search"), "天津市安全局"),
		chromedp.WaitVisible(chromedp.CSS("#results li button")),
		text("#results", &results),
		chromedp.Click(chromedp.CSS("#results li button")),
		clickOn(fmt.Sprintf(`path.node[data-node="%d"]`, node)),
		text("#details", &nodeDetails),
		clickOn(fmt.Sprintf(`line.hit[data-tie="%d"]`, ledgerTie)),
		text("#details", &tieDetails),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if lang != "zh-Hans" || gradeLegend != "可靠性等级不低于" || !strings.HasPrefix(counts, "显示 ") || !strings.Contains(legend, "节点面积：邻居数") ||
		!strings.Contains(buttons, "案件网络（") || !strings.Contains(buttons, "账本网络（") {
		t.Errorf("Chinese page: lang %q, grade legend %q, counts %q, legend %q, networks %q", lang, gradeLegend, counts, legend, buttons)
	}
	for _, s := range []string{gradeLegend, counts, legend, buttons, labels} {
		if found := englishIn(s); len(found) > 0 {
			t.Errorf("English interface words shown %v in:\n%s", found, s)
		}
	}
	if !strings.Contains(families, "合同") || !strings.Contains(families, "法律行动") {
		t.Errorf("families of relation: %q, want 合同 and 法律行动 among them", families)
	}
	if !strings.Contains(results, "天津市安全局") {
		t.Errorf("search for 天津市安全局: results %q", results)
	}
	for _, want := range []string{"天津市安全局", "中文名", "类型国家安全机关", "关系（"} {
		if !strings.Contains(nodeDetails, want) {
			t.Errorf("node click: details lack %q:\n%s", want, nodeDetails)
		}
	}
	for _, want := range []string{"等级 B2", "来源：", "Figure 2, rows 11", "2017-11-25", "份合同"} {
		if !strings.Contains(tieDetails, want) {
			t.Errorf("tie click: details lack %q:\n%s", want, tieDetails)
		}
	}
	bl.check(t, url)
}

// neighbours counts the nodes tied to node i.
func neighbours(n explore.Network, i int) int {
	seen := map[int]bool{}
	for _, t := range n.Ties {
		switch i {
		case t.From:
			seen[t.To] = true
		case t.To:
			seen[t.From] = true
		}
	}
	return len(seen)
}
