#!/usr/bin/env bash
# Tries the pre-commit hook for real: a scratch newsroom repository whose archive is corpus/, a draft
# that contradicts it (the hook must fail) and one that agrees (the hook must pass).
# Usage: scripts/try-pre-commit.sh   (needs network access to PyPI and crates.io the first time)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$here" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export PATH="$work/venv/bin:$PATH"
cd "$work" && git init -q -b main scratch && cd scratch
git config user.email ci@example.invalid && git config user.name CI
cp -r "$here/corpus" archive
cp "$here/rules/kb/sahel.toml" sahel.toml
printf 'kb = ["sahel.toml"]\n' > crosscheck.toml
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: crosscheck
        args: ["archive/", "--draft"]
YAML
git add . && git commit -q -m archive
printf 'Abdoulaye Diop, ministre de la Défense du Mali, a parlé à Bamako.\n' > story.md
git add story.md
echo "== a draft that contradicts the archive (must fail)"
if pre-commit run --files story.md; then echo "UNEXPECTED: the hook passed"; exit 1; fi
printf 'Le ministre malien des Affaires étrangères, Abdoulaye Diop, a parlé à Bamako.\n' > story.md
git add story.md
echo "== a draft that agrees with it (must pass)"
pre-commit run --files story.md
echo "pre-commit hook: OK"
