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
