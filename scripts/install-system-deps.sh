#!/usr/bin/env bash
# Installs the optional Debian packages: trans-de-en (offline gloss dictionary),
# dict-freedict-deu-fra + dict-freedict-fra-deu (word lists for the aligner's dictionary term),
# FreeDict dictionaries into and out of English (the antonym check against the original) and
# chromium + chromium-driver (browser test of the HTML report). Never fails the build:
# where it cannot install, it says why and the dependent tests skip with a reason.
set -u
wanted=()
[ -e /usr/share/trans/de-en ] || wanted+=(trans-de-en)
[ -e /usr/share/dictd/freedict-deu-fra.index ] || wanted+=(dict-freedict-deu-fra)
[ -e /usr/share/dictd/freedict-fra-deu.index ] || wanted+=(dict-freedict-fra-deu)
# word lists into English for the mode-A dictionary antonym check (and the aligner for those pairs); the
# xxx-eng ones are also the offline gloss of French, Spanish, Italian, Dutch, Polish and Portuguese (eng-xxx
# ranks its senses)
for pair in deu-eng fra-eng spa-eng ita-eng nld-eng pol-eng por-eng eng-fra eng-spa eng-ita eng-nld eng-pol eng-por \
  eng-rus; do
  [ -e "/usr/share/dictd/freedict-$pair.index" ] || wanted+=("dict-freedict-$pair")
done
command -v chromium >/dev/null 2>&1 || wanted+=(chromium)
command -v chromedriver >/dev/null 2>&1 || wanted+=(chromium-driver)
[ ${#wanted[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: apt-get not available; skipping ${wanted[*]} (dependent tests will skip)"; exit 0
fi
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
    echo "system-deps: not root; skipping ${wanted[*]} (dependent tests will skip)"; exit 0
  fi
else
  SUDO=
fi
echo "system-deps: installing ${wanted[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || echo "system-deps: apt-get update failed"
$SUDO apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null 2>&1 \
  || echo "system-deps: could not install ${wanted[*]} (dependent tests will skip)"
exit 0
