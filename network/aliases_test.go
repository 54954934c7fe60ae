package network

import "testing"

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"  Hainan  Xiandun Technology Development Co., Ltd. ": "hainan xiandun technology development co ltd",
		"食乐小球藻积分管理(深圳)有 限公司":                                  "食乐小球藻积分管理(深圳)有限公司",
		"食乐小球藻积分管理（深圳）有限公司":                                   "食乐小球藻积分管理(深圳)有限公司",
		"Ｉｎｔｅｇｒｉｔｙ Tech":                                      "integrity tech",
		"Wang Liyu’s":                                         "wang liyus",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewAliases(t *testing.T) {
	a, err := NewAliases([]Alias{{Alias: "The Bureau", ID: "bureau"}, {Alias: "the  bureau", ID: "bureau"}, {Alias: "Front Co", ID: "front-co"}})
	if err != nil || a.Len() != 2 {
		t.Fatalf("aliases: %v, %v", a.List(), err)
	}
	if x, ok := a.Resolve("THE BUREAU"); !ok || x.ID != "bureau" {
		t.Errorf("Resolve(THE BUREAU) = %+v, %v", x, ok)
	}
	_, err = NewAliases([]Alias{{Alias: "The Bureau", ID: "bureau"}, {Alias: "the bureau", ID: "front-co"}})
	if want := `network: alias "the bureau" is ambiguous: bureau and front-co`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
