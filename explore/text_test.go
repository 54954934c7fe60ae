package explore_test

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ecosys-sna/ecosys/cases"
	"github.com/ecosys-sna/ecosys/explore"
	"github.com/ecosys-sna/ecosys/plots"
)

var placeRe = regexp.MustCompile(`\{\d\}`)

// places returns the sorted, distinct {n} places of s.
func places(s string) []string {
	p := placeRe.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// TestPhrases: every phrase has a unique key, English and Chinese text
// (the Chinese with Chinese characters, unless it is only punctuation),
// and the same places {n} in every language.
func TestPhrases(t *testing.T) {
	keys := map[string]bool{}
	for _, p := range explore.Phrases {
		if p.Key == "" || keys[p.Key] {
			t.Errorf("phrase %q: empty or repeated key", p.Key)
		}
		keys[p.Key] = true
		if strings.TrimSpace(p.EN) == "" || strings.TrimSpace(p.ZH) == "" && p.ZH == "" {
			t.Errorf("phrase %s: empty text EN %q ZH %q", p.Key, p.EN, p.ZH)
		}
		punct := strings.Trim(p.EN, ",; ") == ""
		if !punct && !hasHan(p.ZH) {
			t.Errorf("phrase %s: Chinese text %q has no Chinese characters", p.Key, p.ZH)
		}
		if !punct && p.ZH == p.EN {
			t.Errorf("phrase %s: Chinese text is the English", p.Key)
		}
		for _, lang := range []plots.Lang{plots.LangZH, plots.LangBoth} {
			if got := p.In(lang); !slices.Equal(places(got), places(p.EN)) {
				t.Errorf("phrase %s (%s): places %v, English has %v", p.Key, lang, places(got), places(p.EN))
			}
		}
		if got := p.In(plots.LangEN); got != p.EN {
			t.Errorf("phrase %s in English: %q", p.Key, got)
		}
	}
}

// TestPhraseIn: the text of each language, and the two ways of joining
// English and Chinese with LangBoth.
func TestPhraseIn(t *testing.T) {
	tests := []struct {
		p    explore.Phrase
		lang plots.Lang
		want string
	}{
		{explore.Phrase{EN: "any", ZH: "不限"}, "", "any"},
		{explore.Phrase{EN: "any", ZH: "不限"}, plots.LangEN, "any"},
		{explore.Phrase{EN: "any", ZH: "不限"}, plots.LangZH, "不限"},
		{explore.Phrase{EN: "any", ZH: "不限"}, plots.LangBoth, "any / 不限"},
		{explore.Phrase{EN: "No ties.", ZH: "无关系。"}, plots.LangBoth, "No ties. 无关系。"},
		{explore.Phrase{EN: "grade {0}", ZH: "等级 {0}", Both: "grade / 等级 {0}"}, plots.LangBoth, "grade / 等级 {0}"},
	}
	for _, tt := range tests {
		if got := tt.p.In(tt.lang); got != tt.want {
			t.Errorf("%+v.In(%q) = %q, want %q", tt.p, tt.lang, got, tt.want)
		}
	}
	if got := explore.Say(plots.LangZH, "counts", "1", "2", "3", "4"); got != "显示 1 个节点（共 2 个）与 3 条关系（共 4 条）。" {
		t.Errorf("Say counts = %q", got)
	}
	if got := explore.Say(plots.LangZH, "no such key"); got != "" {
		t.Errorf("Say of a missing key = %q", got)
	}
}

// langData returns the explorer data of the embedded ledger and case data
// in lang.
func langData(t testing.TB, lang plots.Lang, maxNodes int) explore.Data {
	t.Helper()
	l, d := embedded(t)
	data, err := explore.Build("i-SOON contract ledger", l, d, explore.Options{Seed: 1, LedgerCitation: cases.ISOONLedgerCitation, Lang: lang, MaxNodes: maxNodes})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// englishIn returns the phrases whose English words occur as words in s.
func englishIn(s string) []string {
	var found []string
	for _, p := range explore.Phrases {
		for _, frag := range placeRe.Split(p.EN, -1) {
			frag = strings.Trim(frag, " ,;:.()·")
			if strings.IndexFunc(frag, unicode.IsLetter) < 0 || hasHan(frag) {
				continue // no word, or the placeholder's names
			}
			if regexp.MustCompile(`(^|[^A-Za-z])` + regexp.QuoteMeta(frag) + `($|[^A-Za-z])`).MatchString(s) {
				found = append(found, p.Key+": "+frag)
			}
		}
	}
	return found
}

// TestWriteChinese: the Chinese explorer of the embedded data says every
// word of its own in Chinese — the static page (title, labels, buttons,
// aria labels), the interface text handed to the script, and the words
// the builders write into the data (network titles, what node area
// shows, kinds, the names of a node's fields, roles, the start of the
// ledger ties' basis, and the size-limit note of the data cut to 60
// nodes) — holds no English word of
// Phrases there, and is marked lang="zh-Hans"; it is the same byte for
// byte when built twice.
func TestWriteChinese(t *testing.T) {
	data := langData(t, plots.LangZH, 0)
	page := write(t, data)
	if !bytes.Equal(page, write(t, langData(t, plots.LangZH, 0))) {
		t.Error("two builds of the Chinese explorer differ")
	}
	s := string(page)
	if !strings.Contains(s, `<html lang="zh-Hans">`) {
		t.Error("the page is not marked zh-Hans")
	}
	// The static page: its text and the labels of its controls, less the
	// data's own title.
	static := regexp.MustCompile(`(?s)<script[^>]*>.*?</script>|<style>.*?</style>`).ReplaceAllString(s, "")
	var parts []string
	for _, m := range regexp.MustCompile(`>([^<]+)<|(?:aria-label|placeholder)="([^"]*)"`).FindAllStringSubmatch(static, -1) {
		parts = append(parts, html.UnescapeString(m[1]+m[2]))
	}
	static = strings.ReplaceAll(strings.Join(parts, "\n"), data.Title, "")
	if found := englishIn(static); len(found) > 0 {
		t.Errorf("the static page holds English words: %v\n%s", found, static)
	}
	if !strings.Contains(static, "可靠性等级不低于") || !strings.Contains(s, "<title>i-SOON contract ledger — 证据浏览器</title>") {
		t.Error("the static page lacks its Chinese labels or title")
	}
	var words []string
	text := textOf(t, page)
	for _, p := range explore.Phrases {
		if text[p.Key] != p.ZH {
			t.Errorf("page text %s = %q, want %q", p.Key, text[p.Key], p.ZH)
		}
	}
	cut := langData(t, plots.LangZH, 60).Networks
	for _, n := range append(pageData(t, page).Networks, cut...) {
		words = append(words, n.Title, n.SizeLabel, n.Note)
		for _, k := range n.Kinds {
			words = append(words, k.Label)
		}
		for _, v := range n.Nodes {
			for _, a := range v.Attrs {
				words = append(words, a[0])
				if a[0] == "角色" {
					words = append(words, a[1])
				}
			}
		}
		for _, tie := range n.Ties {
			for _, c := range tie.Citations {
				if n.ID == "cases" && c.Layer == "ledger" {
					words = append(words, c.Basis) // written by the builder alone
				}
				if n.ID == "ledger" {
					// The basis: the builder's words, then the contract titles as recorded.
					words = append(words, regexp.MustCompile(`^[^：]*：[^，]*，[^，]*`).FindString(c.Basis))
				}
			}
		}
	}
	for _, w := range words {
		if found := englishIn(w); len(found) > 0 {
			t.Errorf("data word %q holds English: %v", w, found)
		}
	}
	for _, want := range []string{"案件网络", "账本网络", "邻居数", "合同数", "国家安全机关", "最终用户", "所属部委", "此网络有", "账本中的 1 份合同"} {
		if !slices.Contains(words, want) && !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, want) }) {
			t.Errorf("the Chinese data lack %q", want)
		}
	}
}

// decodeData decodes the JSON data element of a page into v.
func decodeData(t *testing.T, page []byte, v any) {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="explorer-data">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no data element")
	}
	if err := json.Unmarshal(m[1], v); err != nil {
		t.Fatalf("data element: %v", err)
	}
}

// textOf returns the interface text of a page.
func textOf(t *testing.T, page []byte) map[string]string {
	t.Helper()
	var d struct {
		Text map[string]string `json:"text"`
	}
	decodeData(t, page, &d)
	return d.Text
}

// TestWriteLang: the English page is what it was before Lang (its data
// and static page do not change with the phrase table; "" is English);
// the bilingual one says both, marked lang="en".
func TestWriteLang(t *testing.T) {
	en := write(t, langData(t, plots.LangEN, 0))
	if !bytes.Equal(en, write(t, langData(t, "", 0))) {
		t.Error(`Lang "" and LangEN give different pages`)
	}
	for _, want := range []string{`<html lang="en">`, "<legend>Reliability grade at least</legend>", `"title":"Case network"`,
		`"size_label":"number of contracts"`, `["role","end user"]`, `"text":{`, `"counts":"Showing {0} of {1} nodes and {2} of {3} ties."`} {
		if !bytes.Contains(en, []byte(want)) {
			t.Errorf("English page lacks %s", want)
		}
	}
	both := write(t, langData(t, plots.LangBoth, 0))
	for _, want := range []string{`<html lang="en">`, "<legend>Reliability grade at least / 可靠性等级不低于</legend>", `"title":"Case network / 案件网络"`,
		`["role / 角色","end user / 最终用户"]`, `"grade":"grade / 等级 {0}"`} {
		if !bytes.Contains(both, []byte(want)) {
			t.Errorf("bilingual page lacks %s", want)
		}
	}
	if !bytes.Equal(both, write(t, langData(t, plots.LangBoth, 0))) {
		t.Error("two builds of the bilingual explorer differ")
	}
}
