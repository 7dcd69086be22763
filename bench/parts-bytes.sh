#!/usr/bin/env bash
# Bytes a route that wants only the PDFs receives from Dovecot, with fetchContent=FULL and with
# fetchContent=PARTS (docs/performance.md, "Fetching only the parts a route wants"). Runs
# Imap4ConsumerPartsIT against a throwaway Dovecot through scripts/interop.sh and prints its result
# line and the load average. Byte counts are exact (the proxy in the test counts what the server
# sends), so one run is enough; they do not depend on the machine's load.
#
#   bench/parts-bytes.sh
#
# Env: the port variables of scripts/dovecot.sh (IMAP4_IT_DOVECOT_PORT, IMAP4_IT_DOVECOT_TLS_PORT),
#      MVN (default "mvn -B -ntp -q").
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd -P)
cd "$HERE/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
uptime
if ! IMAP4_IT_SERVERS=dovecot CI=true IMAP4_IT_SCALE_COUNT=100 MVN="${MVN:-mvn -B -ntp -q}" \
        scripts/interop.sh -Dit.test=Imap4ConsumerPartsIT >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    exit 1
fi
grep -ho "[a-z]*: [0-9]* mails of .*PARTS ([0-9.]*%)" "$log" camel-imap4/target/failsafe-reports/TEST-dev.imap4.camel.Imap4ConsumerPartsIT.xml 2>/dev/null | head -n 1
uptime
