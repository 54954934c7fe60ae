#!/usr/bin/env bash
# Execute every notebook headless with the GoNB kernel and check that the
# outputs committed in each notebook are those of a fresh execution.
#
#   notebooks/run.sh            execute into notebooks/.out/ and compare
#   notebooks/run.sh --update   execute and write the outputs into the notebooks
#   notebooks/run.sh 01-ledger.ipynb ...   only these notebooks
#
# On a fresh Debian machine it installs jupyter-nbconvert (apt, as root) and
# builds GoNB and goimports at the versions pinned by notebooks/tools/go.mod.
# A failing cell, a failing shell command in a cell, a panic, or an output
# that differs from the committed one fails the run (exit status 1).
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
out=${NB_OUT:-$here/.out}
update=0
notebooks=()
for a in "$@"; do
  case $a in
    --update) update=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) notebooks+=("$a") ;;
  esac
done
[ ${#notebooks[@]} -gt 0 ] || notebooks=(*.ipynb)

if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "notebooks: jupyter-nbconvert is missing; install it (apt-get install jupyter-nbconvert) or run as root" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jupyter-nbconvert >/dev/null
fi
py=/usr/bin/python3 # Debian's, which has nbformat; another python3 may be first on PATH

export PATH="$here/.bin:$PATH"
(cd tools && GOBIN="$here/.bin" go install tool)   # gonb and goimports, pinned by tools/go.mod
export JUPYTER_DATA_DIR="$here/.jupyter"            # the kernelspec stays out of $HOME
gonb --install --raw_error --force_deps >/dev/null 2>&1

mkdir -p "$out"
rc=0
for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  log="$out/${nb%.ipynb}.log"
  if ! jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=gonb \
       --ExecutePreprocessor.timeout=600 --output-dir "$out" "$nb" >"$log" 2>&1; then
    echo "FAIL $nb"; grep -v -E '^[IWE][0-9]{4} ' "$log" | tail -25; rc=1; continue
  fi
  # A failing "!cmd" or "%%bash" does not fail its cell: it only prints
  # "exit status N" on stderr. And the committed outputs must be a fresh run's.
  if ! "$py" check.py "$nb" "$out/$nb" $([ $update = 1 ] && echo --update); then
    rc=1; continue
  fi
  echo "ok   $nb ($(( $(date +%s) - start )) s)"
done
exit $rc
