#!/usr/bin/env bash
# Runs the real-server integration suite (the *IT classes, Maven profile 'interop') in one command:
# starts throwaway Dovecot, Cyrus, GNU Mailutils imap4d and Courier-IMAP instances under a temporary
# directory, fills the scale mailboxes, runs Maven, and stops every server by PID when it ends,
# also on failure or Ctrl-C. imap4d and Courier have no daemon: the tests start them as
# preauthenticated children, and stopping them ends any that a test left running.
#
#   scripts/interop.sh [extra Maven arguments, e.g. -Dit.test=AuthenticationIT]
#
# Needs dovecot-imapd (Dovecot), cyrus-common + sasl2-bin (Cyrus), mailutils-imap4d (imap4d),
# apt-get download access to Debian's courier packages (Courier), openssl and python3; as root,
# as .ci/run installs them. A server that cannot start is reported and left out: its tests then
# say they did not run, or fail when CI=true.
# Also starts a throwaway ZooKeeper (Debian's zookeeper package, scripts/zookeeper.sh) for the
# multi-node test, ZooKeeperLeaderCrashIT.
# Env: IMAP4_IT_SERVERS="dovecot cyrus mailutils courier", IMAP4_IT_ZOOKEEPER=0 (no ZooKeeper),
#      IMAP4_IT_SCALE_COUNT=10000, IMAP4_IT_KEEP=1 (keep the directory and logs), MVN="mvn -B -ntp",
#      plus the port variables of dovecot.sh, cyrus.sh and zookeeper.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd -P)
cd "$HERE/.."
SERVERS=${IMAP4_IT_SERVERS:-dovecot cyrus mailutils courier}
export IMAP4_IT_SCALE_COUNT=${IMAP4_IT_SCALE_COUNT:-10000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/imap4-it.XXXXXX")
chmod 755 "$WORK"   # the servers' unprivileged users must reach their directories
STARTED=()

cleanup() {
    local s
    for s in "${STARTED[@]}"; do
        "$HERE/$s.sh" stop "$WORK/$s" || echo "interop.sh: could not stop $s in $WORK/$s" >&2
    done
    if [[ ${IMAP4_IT_KEEP:-} == 1 ]]; then
        echo "interop.sh: kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for s in $SERVERS; do
    case $s in dovecot | cyrus | mailutils | courier) ;; *) echo "interop.sh: unknown server $s" >&2; exit 2 ;; esac
    STARTED+=("$s")   # stop is a no-op for a server that never ran
    if "$HERE/$s.sh" start "$WORK/$s"; then
        "$HERE/$s.sh" populate "$WORK/$s" scale "$IMAP4_IT_SCALE_COUNT" 4000 Scale >/dev/null
        export "IMAP4_IT_$(echo "$s" | tr a-z A-Z)_DIR=$WORK/$s"
    elif [[ ${CI:-} == true ]]; then
        echo "interop.sh: $s did not start, and CI=true: failing" >&2
        exit 1
    else
        echo "interop.sh: *** $s did not start; its tests will not run ***" >&2
    fi
done

if [[ ${IMAP4_IT_ZOOKEEPER:-1} != 0 ]]; then
    STARTED+=(zookeeper)
    if "$HERE/zookeeper.sh" start "$WORK/zookeeper"; then
        export IMAP4_IT_ZOOKEEPER_DIR=$WORK/zookeeper
    elif [[ ${CI:-} == true ]]; then
        echo "interop.sh: zookeeper did not start, and CI=true: failing" >&2
        exit 1
    else
        echo "interop.sh: *** zookeeper did not start; ZooKeeperLeaderCrashIT will not run ***" >&2
    fi
fi

# Debian's python3 for the imaplib differential test, when present
[[ -x /usr/bin/python3 ]] && export IMAP4_IT_PYTHON=${IMAP4_IT_PYTHON:-/usr/bin/python3}

${MVN:-mvn -B -ntp} -Pinterop -Dimap4.it.skipUnitTests=true -pl camel-imap4 -am verify "$@"
