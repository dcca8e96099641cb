#!/usr/bin/env bash
# How ui/vendor/preact-htm.js was made: Preact, its hooks and htm in one ES module, so that
# the UI has components with no bundler and no Node at run time. Run by hand when the
# versions below change (never by the build or CI); the output is committed.
set -euo pipefail
PREACT=11.2.0
HTM=3.1.1
ESBUILD=0.25.9
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y > /dev/null
npm install --no-audit --no-fund --save-exact "preact@$PREACT" "htm@$HTM" "esbuild@$ESBUILD" > /dev/null
cat > entry.js <<'JS'
import { h } from "preact";
import htm from "htm";
export { h, render, Fragment } from "preact";
export { useState, useEffect, useRef, useMemo } from "preact/hooks";
export const html = htm.bind(h);
JS
npx esbuild entry.js --bundle --format=esm --minify --target=es2020 --legal-comments=none --outfile=bundle.js
{
    echo "/* Preact $PREACT (MIT) with preact/hooks, and htm $HTM (Apache-2.0): licences in LICENCES.txt; made by build.sh */"
    cat bundle.js
} > "$here/preact-htm.js"
{
    echo "Preact $PREACT — https://preactjs.com"
    echo
    cat node_modules/preact/LICENSE
    echo
    echo "htm $HTM — https://github.com/developit/htm"
    echo
    cat node_modules/htm/LICENSE
} > "$here/LICENCES.txt"
# Help → About lists them with the crates.
printf '[\n  {"name": "preact", "version": "%s", "license": "MIT", "repository": "https://github.com/preactjs/preact"},\n  {"name": "htm", "version": "%s", "license": "Apache-2.0", "repository": "https://github.com/developit/htm"}\n]\n' "$PREACT" "$HTM" > "$here/libraries.json"
