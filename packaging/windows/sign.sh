#!/bin/sh
# Signs one Windows executable in place with the publisher's code-signing certificate
# (Authenticode, SHA-256), so that Windows names the publisher instead of warning about
# an unknown one. Called by `cargo xtask bundle --windows` for both executables and the
# installer, and by makensis for the uninstaller it writes (!uninstfinalize).
#   BASCULE_SIGN_PKCS12    the certificate and its key, a .p12/.pfx file
#   BASCULE_SIGN_PASSWORD  its password (read from standard input, never on a command line)
# No timestamp: the machines that build Bascule reach no timestamping server, so the
# signature is valid while the certificate is.
set -eu
file=$1
printf '%s' "${BASCULE_SIGN_PASSWORD:-}" | osslsigncode sign -pkcs12 "$BASCULE_SIGN_PKCS12" \
    -readpass - -h sha256 -n Bascule -in "$file" -out "$file.signed" >/dev/null
mv "$file.signed" "$file"
