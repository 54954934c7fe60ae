package explore

import (
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/plots"
)

// Phrase is one piece of text that ecosys writes itself in an explorer
// page — a label, a heading, a message, a word of the citation panel —
// in English and in Chinese. Text may hold the places {0}, {1}, … that
// the page or the builders fill in (numbers, names).
type Phrase struct {
	Key string
	EN  string
	ZH  string
	// Both is the text with plots.LangBoth when EN + " / " + ZH (a label)
	// or EN + " " + ZH (a sentence, EN ending in "." or ")") reads badly;
	// "" for the default.
	Both string
}

// In returns the phrase in the language lang: EN (LangEN, "" and any
// other value), ZH (LangZH), or both (LangBoth: Both if set; else English
// and Chinese joined by " " when EN is a sentence, by " / " otherwise,
// as the figures write a bilingual label).
func (p Phrase) In(lang plots.Lang) string {
	switch lang {
	case plots.LangZH:
		return p.ZH
	case plots.LangBoth:
		if p.Both != "" {
			return p.Both
		}
		if strings.HasSuffix(p.EN, ".") {
			return p.EN + " " + p.ZH
		}
		return p.EN + " / " + p.ZH
	}
	return p.EN
}

// Phrases are every piece of text that the explorer writes itself, in
// English and Chinese: the interface of the page (passed into the page
// as data, resolved for its language, see Write) and the words the
// builders write into the data (network titles, what node area shows,
// kinds of node, the names of a node's fields, the ledger ties' basis,
// the size-limit note) and the families of relation. Names, grades,
// relation types, case labels and citations recorded in the data are
// shown as recorded.
// The Chinese terms are those of the report's figures (report.LegendZH,
// report/figtext.go): 来源, 关系, 节点, 合同数, 最终用户, 中介, 不详.
var Phrases = []Phrase{
	// The page.
	{Key: "explorer", EN: "evidence explorer", ZH: "证据浏览器"},
	{Key: "noscript", EN: "The evidence explorer needs JavaScript.", ZH: "证据浏览器需要启用 JavaScript。"},
	{Key: "network", EN: "Network", ZH: "网络"},
	{Key: "search", EN: "Search (Chinese, English, alias)", ZH: "搜索（中文名、英文名或别名）",
		Both: "Search (Chinese, English, alias) / 搜索（中文名、英文名或别名）"},
	// The placeholder shows names, which are no language's words.
	{Key: "search.placeholder", EN: "天津市安全局, i-SOON, APT…", ZH: "天津市安全局、i-SOON、APT…", Both: "天津市安全局, i-SOON, APT…"},
	{Key: "grade.legend", EN: "Reliability grade at least", ZH: "可靠性等级不低于"},
	{Key: "grade.source", EN: "source", ZH: "来源"},
	{Key: "grade.information", EN: "information", ZH: "信息"},
	{Key: "case.legend", EN: "Case", ZH: "案件"},
	{Key: "family.legend", EN: "Relation family", ZH: "关系类别"},
	{Key: "date.legend", EN: "Date (years)", ZH: "日期（年份）", Both: "Date (years) / 日期（年份）"},
	{Key: "date.from", EN: "from", ZH: "自"},
	{Key: "date.to", EN: "to", ZH: "至"},
	{Key: "date.undated", EN: "undated ties", ZH: "无日期的关系"},
	{Key: "reset", EN: "Reset filters and view", ZH: "重置筛选与视图"},
	{Key: "zoom.in", EN: "Zoom in", ZH: "放大"},
	{Key: "zoom.out", EN: "Zoom out", ZH: "缩小"},
	{Key: "zoom.fit", EN: "fit", ZH: "适应窗口"},
	{Key: "help.start", EN: "Click a node or a tie to see its citations. Drag to pan, scroll to zoom.",
		ZH: "点击节点或关系查看其引文。拖动以平移，滚动以缩放。"},
	{Key: "help", EN: "Click a node or a tie to see its citations. Drag to pan, scroll to zoom; search by Chinese, English or alias name.",
		ZH: "点击节点或关系查看其引文。拖动以平移，滚动以缩放；可按中文名、英文名或别名搜索。"},
	{Key: "network.button", EN: "{0} ({1} nodes, {2} ties)", ZH: "{0}（{1} 个节点，{2} 条关系）",
		Both: "{0} ({1} nodes, {2} ties / {1} 个节点，{2} 条关系)"},
	{Key: "legend.area", EN: "Node area: {0}. Colour and shape: kind.", ZH: "节点面积：{0}。颜色与形状：类型。",
		Both: "Node area / 节点面积: {0}. Colour and shape / 颜色与形状: kind / 类型."},
	{Key: "any", EN: "any", ZH: "不限"},
	{Key: "case.all", EN: "all cases", ZH: "全部案件"},
	{Key: "counts", EN: "Showing {0} of {1} nodes and {2} of {3} ties.", ZH: "显示 {0} 个节点（共 {1} 个）与 {2} 条关系（共 {3} 条）。"},
	// The citation panel.
	{Key: "grade", EN: "grade {0}", ZH: "等级 {0}", Both: "grade / 等级 {0}"},
	{Key: "ungraded", EN: "ungraded", ZH: "未评级"},
	{Key: "allegation", EN: "allegation (as stated by the source)", ZH: "指控（据来源所述）"},
	{Key: "undated", EN: "undated", ZH: "无日期"},
	{Key: "case", EN: "case: {0}", ZH: "案件：{0}", Both: "case / 案件: {0}"},
	{Key: "source", EN: "Source: {0}", ZH: "来源：{0}", Both: "Source / 来源: {0}"},
	{Key: "source.none", EN: "none", ZH: "无"},
	{Key: "url", EN: "URL: {0}", ZH: "网址：{0}", Both: "URL / 网址: {0}"},
	{Key: "url.none", EN: "no public URL", ZH: "无公开网址"},
	{Key: "corroborated", EN: "Corroborated by: {0}", ZH: "佐证来源：{0}", Both: "Corroborated by / 佐证来源: {0}"},
	{Key: "relation", EN: "relation {0}", ZH: "关系 {0}", Both: "relation / 关系 {0}"},
	{Key: "weight", EN: "weight", ZH: "权重"},
	{Key: "hidden", EN: "{0} more citation(s) hidden by the filters.", ZH: "另有 {0} 条引文被筛选条件隐藏。"},
	{Key: "chinese", EN: "Chinese", ZH: "中文名"},
	{Key: "id", EN: "id", ZH: "标识符"},
	{Key: "also", EN: "also", ZH: "别名"},
	{Key: "ties", EN: "Ties ({0})", ZH: "关系（{0}）", Both: "Ties / 关系 ({0})"},
	{Key: "show.tie", EN: "show this tie", ZH: "显示此关系"},
	{Key: "not.found", EN: "not in this network", ZH: "不在此网络中"},
	{Key: "found.elsewhere", EN: "{0} in the {1}", ZH: "{1}中有 {0} 个", Both: "{0} in the {1}"},

	// The builders' words.
	{Key: "net.cases", EN: "Case network", ZH: "案件网络"},
	{Key: "net.ledger", EN: "Ledger network", ZH: "账本网络"},
	{Key: "net.graph", EN: "Network", ZH: "网络"},
	{Key: "net.two-mode", EN: "Two-mode network (signatories × end users)", ZH: "二模网络（签约方 × 最终用户）",
		Both: "Two-mode network (signatories × end users) / 二模网络（签约方 × 最终用户）"},
	{Key: "size.neighbours", EN: "number of neighbours", ZH: "邻居数"},
	{Key: "size.contracts", EN: "number of contracts", ZH: "合同数"},
	// The families of relation (Families): ecosys's own grouping of the
	// relation types, so its words are translated (the types are not).
	{Key: "family.contract", EN: "contract", ZH: "合同"},
	{Key: "family.direction", EN: "direction", ZH: "指派与关联"},
	{Key: "family.personnel", EN: "personnel", ZH: "人员"},
	{Key: "family.hierarchy", EN: "hierarchy", ZH: "隶属"},
	{Key: "family.corporate", EN: "corporate", ZH: "股权"},
	{Key: "family.legal", EN: "legal", ZH: "法律行动"},
	{Key: "family.tie", EN: "tie", ZH: "其他关系"},
	{Key: "kind.public_security_organ", EN: "public security organ", ZH: "公安机关"},
	{Key: "kind.state_security_organ", EN: "state security organ", ZH: "国家安全机关"},
	{Key: "kind.government_office", EN: "government office", ZH: "政府机关"},
	{Key: "kind.state_owned_enterprise", EN: "state owned enterprise", ZH: "国有企业"},
	{Key: "kind.company", EN: "company", ZH: "公司"},
	{Key: "kind.association", EN: "association", ZH: "社会团体"},
	{Key: "kind.unidentified_unit", EN: "unidentified unit", ZH: "身份不明单位"},
	{Key: "kind.individual", EN: "individual", ZH: "个人"},
	{Key: "kind.unknown", EN: "unknown", ZH: "不详"},
	{Key: "kind.foreign_government", EN: "foreign government", ZH: "外国政府"},
	{Key: "kind.university", EN: "university", ZH: "大学"},
	{Key: "kind.person", EN: "person", ZH: "人员"},
	{Key: "kind.case", EN: "case", ZH: "案件"},
	{Key: "kind.node", EN: "node", ZH: "节点"},
	{Key: "role.contractor", EN: "contractor", ZH: "承包商"},
	{Key: "role.intermediary", EN: "intermediary", ZH: "中介"},
	{Key: "role.end_user", EN: "end user", ZH: "最终用户"},
	{Key: "attr.role", EN: "role", ZH: "角色"},
	{Key: "attr.kind", EN: "kind", ZH: "类型"},
	{Key: "attr.ministry", EN: "ministry", ZH: "所属部委"},
	{Key: "attr.level", EN: "level", ZH: "行政级别"},
	{Key: "attr.province", EN: "province", ZH: "省份"},
	{Key: "attr.city", EN: "city", ZH: "城市"},
	{Key: "attr.country", EN: "country", ZH: "国家"},
	{Key: "attr.notes", EN: "notes", ZH: "备注"},
	{Key: "attr.nationality", EN: "nationality", ZH: "国籍"},
	{Key: "attr.title", EN: "title", ZH: "标题"},
	{Key: "attr.case_kind", EN: "case kind", ZH: "案件类型"},
	{Key: "attr.court", EN: "court", ZH: "法院"},
	{Key: "attr.docket", EN: "docket", ZH: "案号"},
	{Key: "attr.date", EN: "date", ZH: "日期"},
	{Key: "attr.charges", EN: "charges", ZH: "罪名"},
	{Key: "attr.summary", EN: "summary", ZH: "摘要"},
	{Key: "attr.datasets", EN: "data sets", ZH: "数据集"},
	{Key: "basis.ledger", EN: "{0} contract(s), {1} CNY.", ZH: "{0} 份合同，{1} 元。"},
	{Key: "basis.row", EN: "row {0}: {1}, {2} CNY", ZH: "第 {0} 行：{1}，{2} 元", Both: "row / 第 {0} 行: {1}, {2} CNY / 元"},
	{Key: "basis.meta_ledger", EN: "{0} contract(s) in the ledger", ZH: "账本中的 {0} 份合同"},
	{Key: "basis.no_date", EN: "no date", ZH: "无日期"},
	{Key: "basis.sep", EN: "; ", ZH: "；", Both: "; "},
	{Key: "basis.title_sep", EN: ", ", ZH: "，", Both: ", "},
	{Key: "limit", EN: "This network has {0} nodes and {1} ties, more than the explorer draws ({2} nodes, {3} ties): shown are the {4} nodes of highest degree and the {5} ties among them.",
		ZH: "此网络有 {0} 个节点、{1} 条关系，超出浏览器绘制的上限（{2} 个节点、{3} 条关系）：图中只显示度最高的 {4} 个节点及其间的 {5} 条关系。"},
}

// phraseIndex finds a phrase by key.
var phraseIndex = func() map[string]Phrase {
	m := make(map[string]Phrase, len(Phrases))
	for _, p := range Phrases {
		m[p.Key] = p
	}
	return m
}()

// say returns the phrase of key in lang with {0}, {1}, … replaced by
// args; a key not in Phrases (a programming error, which the tests
// catch) gives the key itself.
func say(lang plots.Lang, key string, args ...string) string {
	s := key
	if p, ok := phraseIndex[key]; ok {
		s = p.In(lang)
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", a)
	}
	return s
}

// Say returns the phrase of key (see Phrases) in the language lang, with
// {0}, {1}, … replaced by args, for callers that build networks of their
// own (ecosys explore names its networks with it). It is "" for a key
// not in Phrases.
func Say(lang plots.Lang, key string, args ...string) string {
	if _, ok := phraseIndex[key]; !ok {
		return ""
	}
	return say(lang, key, args...)
}

// pageText returns the phrases in lang by key, for the page's script.
func pageText(lang plots.Lang) map[string]string {
	m := make(map[string]string, len(Phrases))
	for _, p := range Phrases {
		m[p.Key] = p.In(lang)
	}
	return m
}
