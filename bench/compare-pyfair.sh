#!/usr/bin/env bash
# Builds Bascule, installs pyfair in target/pyfair-venv (from PyPI), and compares them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p bascule
venv=target/pyfair-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pyfair
fi
"$venv/bin/python" bench/compare_pyfair.py target/release/bascule
