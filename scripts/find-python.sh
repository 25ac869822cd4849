#!/usr/bin/env bash
# Prints the first Python that can import nbclient and nbformat (exit 1 if none):
# $ATTNLAB_PYTHON, then the OS's /usr/bin/python3 (where Debian's python3-nbclient lives,
# even when a pyenv or conda python3 comes first on PATH), then python3 on PATH (Binder's conda).
for p in "${ATTNLAB_PYTHON:-}" /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
  [ -n "$p" ] && [ -x "$p" ] || continue
  if "$p" -c 'import nbclient, nbformat' >/dev/null 2>&1; then
    echo "$p"
    exit 0
  fi
done
exit 1
