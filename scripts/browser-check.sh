#!/usr/bin/env bash
# browser-check.sh: open an ecosys report in headless Chromium and check it.
#
#   scripts/browser-check.sh [REPORT_DIR] [SCREENSHOT.png]
#
# REPORT_DIR defaults to ./ecosys-report (write one with "ecosys report");
# the screenshot defaults to REPORT_DIR-screenshot.png, beside the report.
#
# Checks, on index.html opened from disk (file://, no server, no network):
#   - every <img> has loaded (complete and naturalWidth > 0);
#   - the console is clean: no console.error/console.warn, no uncaught
#     error, and no console message logged by Chromium for the page;
# and writes a full-width screenshot. Exit status 0 if all checks pass,
# 1 otherwise, 2 on bad usage.
#
# How: a copy of index.html, with a small script injected at the top of
# <head> (it records console messages and errors) and at the end of <body>
# (after the load event it checks the images and writes the results as
# JSON into the DOM), is opened with "chromium --headless --dump-dom";
# Chromium's own console log goes to stderr (--enable-logging=stderr) and
# is checked too. The copy sits in REPORT_DIR, so relative links resolve as
# in the original, and is removed afterwards. Debian's chromium package is
# installed with apt-get if it is missing and we are root.
set -euo pipefail

dir=${1:-ecosys-report}
dir=${dir%/}
shot=${2:-$dir-screenshot.png}
if [ ! -f "$dir/index.html" ]; then
  echo "browser-check: $dir/index.html not found (write a report with: ecosys report --out $dir)" >&2
  exit 2
fi

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "browser-check: installing chromium (Debian package)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/dev/null 2>&1 \
      || { echo "browser-check: could not install chromium" >&2; exit 1; }
    browser=$(command -v chromium)
  else
    echo "browser-check: no chromium found; install Debian's chromium package" >&2
    exit 1
  fi
fi

abs=$(cd "$dir" && pwd)
copy="$abs/.browser-check.html"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$copy"' EXIT

python3 - "$abs/index.html" "$copy" <<'EOF'
import sys
src, dst = sys.argv[1], sys.argv[2]
html = open(src, encoding="utf-8").read()
head = """<script>
window.__bc = {console: [], errors: []};
for (const level of ["error", "warn"]) {
  const orig = console[level];
  console[level] = function (...args) { window.__bc.console.push(level + ": " + args.join(" ")); orig.apply(console, args); };
}
window.addEventListener("error", e => window.__bc.errors.push(String(e.message || (e.target && (e.target.src || e.target.href)) || e)), true);
window.addEventListener("unhandledrejection", e => window.__bc.errors.push("unhandled rejection: " + e.reason));
</script>"""
tail = """<script>
window.addEventListener("load", () => {
  const imgs = Array.from(document.images);
  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt || i.src.slice(0, 60));
  const out = document.createElement("pre");
  out.id = "browser-check";
  out.textContent = JSON.stringify({images: imgs.length, broken: broken, console: window.__bc.console, errors: window.__bc.errors});
  document.body.appendChild(out);
});
</script>"""
if "<head>" not in html or "</body>" not in html:
    sys.exit("browser-check: index.html has no <head> or </body>")
html = html.replace("<head>", "<head>\n" + head, 1)
i = html.rindex("</body>")
html = html[:i] + tail + "\n" + html[i:]
open(dst, "w", encoding="utf-8").write(html)
EOF

flags=(--headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check
  --disable-extensions --disable-background-networking --disable-component-update
  --user-data-dir="$tmp/profile" --virtual-time-budget=15000)

"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$copy" >"$tmp/dom.html" 2>"$tmp/log.txt" || true
"$browser" "${flags[@]}" --window-size=1280,6000 --hide-scrollbars --screenshot="$tmp/shot.png" "file://$abs/index.html" >/dev/null 2>"$tmp/shot-log.txt" || true

python3 - "$tmp/dom.html" "$tmp/log.txt" "$tmp/shot.png" "$shot" <<'EOF'
import html, json, os, re, shutil, sys
dom, log, shot_tmp, shot = sys.argv[1:5]
text = open(dom, encoding="utf-8", errors="replace").read()
m = re.search(r'<pre id="browser-check">(.*?)</pre>', text, re.S)
if not m:
    print("browser-check: FAIL: the page did not report (did Chromium load it?)")
    print(open(log, encoding="utf-8", errors="replace").read()[-2000:])
    sys.exit(1)
r = json.loads(html.unescape(m.group(1)))
# Console messages Chromium logs for the page itself (not its own noise).
page_log = [l.strip() for l in open(log, encoding="utf-8", errors="replace")
            if "CONSOLE" in l and ("index.html" in l or ".browser-check.html" in l)]
problems = []
if r["images"] == 0:
    problems.append("no <img> in the page")
problems += ["image not loaded: " + b for b in r["broken"]]
problems += ["console " + c for c in r["console"]]
problems += ["error: " + e for e in r["errors"]]
problems += ["chromium log: " + l for l in page_log]
if os.path.exists(shot_tmp) and os.path.getsize(shot_tmp) > 0:
    shutil.copyfile(shot_tmp, shot)
else:
    problems.append("no screenshot written")
if problems:
    print("browser-check: FAIL")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print(f"browser-check: ok: {r['images']}/{r['images']} images loaded, console clean, screenshot {shot}")
EOF
