#!/usr/bin/env bash
# A throwaway Cyrus IMAP 3.6 (Debian packages cyrus-common + sasl2-bin) under one directory.
#
#   cyrus.sh start    DIR                          write imapd.conf, cyrus.conf, users, certificate;
#                                                  start master; create the users' mailboxes
#   cyrus.sh stop     DIR                          SIGTERM to the master by PID, wait for it
#   cyrus.sh status   DIR                          exit 0 and print the PID when running
#   cyrus.sh populate DIR USER COUNT SIZE [FOLDER] APPEND COUNT messages of about SIZE bytes
#
# Listens on 127.0.0.1 only: IMAP with STARTTLS on $IMAP4_IT_CYRUS_PORT (21143) and implicit TLS
# on $IMAP4_IT_CYRUS_TLS_PORT (21993). Users in a sasldb under DIR (plaintext, so CRAM-MD5 and
# SCRAM work): cyrus/cyruspw (admin), user1/pass1, user2/pass2, scale/scalepw, diff/diffpw,
# odd/'p"a\ss word' and utf/'pässwörd' (quoting and literals).
# Debian's cyrus-imapd conflicts with dovecot-imapd (both provide imap-server), so when
# /usr/lib/cyrus/bin/imapd is missing, imapd and idled are unpacked from 'apt-get download
# cyrus-imapd' into DIR/pkg. DIR/server.properties describes the instance for the tests.
set -euo pipefail

PORT=${IMAP4_IT_CYRUS_PORT:-21143}
TLS_PORT=${IMAP4_IT_CYRUS_TLS_PORT:-21993}
BIN=/usr/lib/cyrus/bin
HERE=$(cd "$(dirname "$0")" && pwd -P)
USERS="cyrus:cyruspw user1:pass1 user2:pass2 scale:scalepw diff:diffpw"

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

NAME=cyrus
pid_file() { echo "$1/master.pid"; }
conf_file() { echo "$1/imapd.conf"; }
# shellcheck source=instance.sh
. "$HERE/instance.sh"

imapd_dir() { # where imapd and idled are, fetching them when the package is not installed
    local d=$1
    if [[ -x $BIN/imapd ]]; then echo "$BIN"; return; fi
    if [[ ! -x $d/pkg/usr/lib/cyrus/bin/imapd ]]; then
        mkdir -p "$d/pkg"
        (cd "$d/pkg" && apt-get download cyrus-imapd >/dev/null 2>&1 && dpkg-deb -x cyrus-imapd_*.deb .) \
            || die "cannot fetch imapd: 'apt-get download cyrus-imapd' failed"
    fi
    echo "$d/pkg/usr/lib/cyrus/bin"
}

write_config() {
    local d=$1 ibin=$2
    mkdir -p "$d"/{conf/socket,conf/proc,conf/lock,spool,tls}
    if [[ ! -s $d/tls/cert.pem ]]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$d/tls/key.pem" -out "$d/tls/cert.pem" >/dev/null 2>&1 \
            || die "openssl could not make a certificate"
    fi
    cat >"$d/imapd.conf" <<EOF
configdirectory: $d/conf
partition-default: $d/spool
admins: cyrus
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $d/sasldb2
sasl_mech_list: PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256
allowplaintext: yes
unixhierarchysep: yes
altnamespace: yes
tls_server_cert: $d/tls/cert.pem
tls_server_key: $d/tls/key.pem
idlesocket: $d/conf/socket/idle
notifysocket: $d/conf/socket/notify
lmtpsocket: $d/conf/socket/lmtp
specialusealways: 1
# no pause after the failed logins the tests make on purpose
failedloginpause: 0
# the imaplib comparison deletes and recreates the same names within a second; a delayed delete
# renames to DELETED.<name>.<time> and then refuses the second DELETE ("Mailbox already exists")
delete_mode: immediate
syslog_prefix: imap4-it-cyrus
EOF
    cat >"$d/cyrus.conf" <<EOF
START {
  recover cmd="ctl_cyrusdb -r -C $d/imapd.conf"
}
SERVICES {
  imap  cmd="$ibin/imapd -C $d/imapd.conf" listen="127.0.0.1:$PORT" prefork=0
  imaps cmd="$ibin/imapd -s -C $d/imapd.conf" listen="127.0.0.1:$TLS_PORT" prefork=0
}
EVENTS {
  checkpoint cmd="ctl_cyrusdb -c -C $d/imapd.conf" period=30
}
DAEMON {
  idled cmd="$ibin/idled -C $d/imapd.conf"
}
EOF
    local up
    for up in $USERS; do
        printf '%s' "${up#*:}" | saslpasswd2 -p -c -f "$d/sasldb2" "${up%%:*}"
    done
    printf '%s' 'p"a\ss word' | saslpasswd2 -p -c -f "$d/sasldb2" odd
    printf '%s' 'pässwörd' | saslpasswd2 -p -c -f "$d/sasldb2" utf
    chown -R cyrus:mail "$d"
    chmod 755 "$d"
    cat >"$d/server.properties" <<EOF
server=cyrus
host=127.0.0.1
port=$PORT
tls.port=$TLS_PORT
cert=$d/tls/cert.pem
user=user1
password=pass1
user2=user2
password2=pass2
admin=cyrus
admin.password=cyruspw
scale.user=scale
scale.password=scalepw
diff.user=diff
diff.password=diffpw
odd.user=odd
odd.password=p"a\\\\ss word
utf.user=utf
utf.password=pässwörd
stream.command=$ibin/imapd -C $d/imapd.conf
EOF
}

# As the admin: create each user's INBOX; as each user: the special-use folders (RFC 6154).
create_mailboxes() {
    python3 - "$PORT" <<'PY'
import imaplib, sys
port = int(sys.argv[1])
users = {"user1": "pass1", "user2": "pass2", "scale": "scalepw", "diff": "diffpw"}
m = imaplib.IMAP4("127.0.0.1", port)
m.login("cyrus", "cyruspw")
for u in users:
    if not [x for x in m.list('""', "user/" + u)[1] if x]:
        typ, data = m.create("user/" + u)
        if typ != "OK":
            sys.exit("cyrus.sh: CREATE user/%s: %s" % (u, data))
m.logout()
for u, pw in users.items():
    m = imaplib.IMAP4("127.0.0.1", port)
    m.login(u, pw)
    for name in ("Drafts", "Sent", "Trash", "Junk", "Archive"):
        if not [x for x in m.list('""', name)[1] if x]:
            typ, data = m._simple_command("CREATE", name, "(USE (\\%s))" % name)
            if typ != "OK":
                sys.exit("cyrus.sh: CREATE %s for %s: %s" % (name, u, data))
        m.subscribe(name)
    m.logout()
PY
}

cmd_start() {
    [[ $# -eq 1 ]] || usage
    [[ -x $BIN/master ]] || die "cyrus-common missing (apt-get install cyrus-common sasl2-bin)"
    command -v saslpasswd2 >/dev/null || die "saslpasswd2 missing (apt-get install sasl2-bin)"
    id cyrus >/dev/null 2>&1 || die "system user cyrus missing (install cyrus-common)"
    mkdir -p "$1"
    local d pid="" ibin; d=$(existing_dir "$1")
    if pid=$(master_pid "$d"); then echo "cyrus already running (pid $pid)"; return 0; fi
    ibin=$(imapd_dir "$d")
    write_config "$d" "$ibin"
    "$BIN/master" -C "$d/imapd.conf" -M "$d/cyrus.conf" -p "$d/master.pid" -d
    wait_port "$PORT" || die "port $PORT not listening (Cyrus logs only to syslog)"
    pid=$(wait_master "$d") || exit 1
    create_mailboxes
    echo "cyrus started: pid $pid, 127.0.0.1:$PORT (STARTTLS), 127.0.0.1:$TLS_PORT (TLS)"
}

cmd_populate() {
    [[ $# -eq 4 || $# -eq 5 ]] || usage
    local d pw; d=$(existing_dir "$1")
    master_pid "$d" >/dev/null || die "instance in $d is not running"
    [[ $3 =~ ^[0-9]+$ && $4 =~ ^[0-9]+$ ]] || die "COUNT and SIZE must be numbers"
    pw=$(for up in $USERS; do if [[ ${up%%:*} == "$2" ]]; then echo "${up#*:}"; fi; done)
    [[ -n $pw ]] || die "unknown user $2"
    python3 "$HERE/populate.py" append 127.0.0.1 "$PORT" "$2" "$pw" "${5:-INBOX}" "$3" "$4"
    echo "$2 ${5:-INBOX}: appended $3 messages"
}

[[ $# -ge 1 ]] || usage
sub=$1; shift
case $sub in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    populate) cmd_populate "$@" ;;
    *) usage ;;
esac
