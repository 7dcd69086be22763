#!/usr/bin/env bash
# A throwaway Dovecot 2.3 (Debian package dovecot-imapd) living entirely under one directory.
#
#   dovecot.sh start    DIR                          write config, certificate and users; start
#   dovecot.sh stop     DIR                          SIGTERM to the master by PID, wait for it
#   dovecot.sh status   DIR                          exit 0 and print the PID when running
#   dovecot.sh populate DIR USER COUNT SIZE [FOLDER] write COUNT messages of about SIZE bytes
#                                                    into USER's FOLDER (default INBOX)
#   dovecot.sh stream   DIR USER                     print a command line speaking preauthenticated
#                                                    IMAP on stdin/stdout (imaplib's IMAP4_stream)
#
# Listens on 127.0.0.1 only: IMAP with STARTTLS on $IMAP4_IT_DOVECOT_PORT (20143) and implicit TLS
# on $IMAP4_IT_DOVECOT_TLS_PORT (20993), with a self-signed certificate for localhost and
# 127.0.0.1 in DIR/tls/cert.pem. Users (plaintext passwords, so CRAM-MD5 and SCRAM work):
# user1/pass1, user2/pass2, scale/scalepw, diff/diffpw, admin/adminpw (admin=yes), tiny/tinypw
# (quota 1 MB / 20 messages), odd/'p"a\ss word' and utf/'pässwörd' (quoting and literals).
# DIR/server.properties describes the instance for the integration tests.
set -euo pipefail

PORT=${IMAP4_IT_DOVECOT_PORT:-20143}
TLS_PORT=${IMAP4_IT_DOVECOT_TLS_PORT:-20993}
# Dovecot refuses uid 0 for mail access, so as root the mail belongs to this system user.
MAIL_USER=${IMAP4_IT_MAIL_USER:-imap4it}
LIBEXEC=/usr/lib/dovecot
HERE=$(cd "$(dirname "$0")" && pwd -P)

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

NAME=dovecot
pid_file() { echo "$1/run/master.pid"; }
conf_file() { echo "$1/etc/dovecot.conf"; }
# shellcheck source=instance.sh
. "$HERE/instance.sh"

mail_ids() { # sets MUID and MGID
    local u=$MAIL_USER
    if [[ $EUID -eq 0 ]]; then
        id -u "$u" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$u"
    else
        u=$(id -un)
    fi
    MUID=$(id -u "$u"); MGID=$(id -g "$u")
}

# USER PATH: fails loudly unless USER can reach PATH. Dovecot's auth and mail processes run as
# unprivileged users; under a parent directory of mode 0700 (what mktemp -d creates) Dovecot starts,
# but every user lookup fails later with only "Auth USER lookup failed" in its log.
check_reachable() {
    local user=$1 path=$2 p=/ part
    runuser -u "$user" -- test -r "$path" && return 0
    for part in $(dirname "$path" | tr '/' ' '); do
        p=${p%/}/$part
        if ! runuser -u "$user" -- test -x "$p"; then
            die "user $user cannot enter $p (mode $(stat -c %a "$p"), owner $(stat -c %U "$p")): Dovecot's" \
                "processes could not read their files. Use a directory every user can traverse, or: chmod o+x $p"
        fi
    done
    die "user $user cannot read $path"
}

write_config() {
    local d=$1 internal login zlib=""
    mail_ids
    if [[ $EUID -eq 0 ]]; then
        internal=dovecot; login=dovenull
        id dovenull >/dev/null 2>&1 || die "user dovenull missing: install dovecot-imapd"
    else
        internal=$(id -un); login=$internal
    fi
    [[ -e $LIBEXEC/modules/lib30_imap_zlib_plugin.so ]] && zlib=imap_zlib
    mkdir -p "$d"/{etc,run,state,mail,shared,tls}
    # the auth process runs as 'dovecot', logins as 'dovenull': both must traverse DIR
    chmod 755 "$d" "$d/etc" "$d/state"
    if [[ ! -s $d/tls/cert.pem ]]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$d/tls/key.pem" -out "$d/tls/cert.pem" >/dev/null 2>&1 \
            || die "openssl could not make a certificate"
        chmod 600 "$d/tls/key.pem"; chmod 644 "$d/tls/cert.pem"
    fi
    cat >"$d/etc/users" <<EOF
user1:{PLAIN}pass1::::::
user2:{PLAIN}pass2::::::
scale:{PLAIN}scalepw::::::
diff:{PLAIN}diffpw::::::
odd:{PLAIN}p"a\\ss word::::::
utf:{PLAIN}pässwörd::::::
admin:{PLAIN}adminpw::::::userdb_admin=yes
tiny:{PLAIN}tinypw::::::userdb_quota_rule=*:storage=1M userdb_quota_rule2=*:messages=20
EOF
    chmod 644 "$d/etc/users"
    # the ACL dict is rewritten by dotlock and rename: its directory must be the mail user's
    chown "$MUID:$MGID" "$d/mail" "$d/shared"
    [[ $EUID -eq 0 ]] && { check_reachable "$internal" "$d/etc/users"; check_reachable "$MAIL_USER" "$d/mail"; }
    : >>"$d/dovecot.log"
    cat >"$d/etc/dovecot.conf" <<EOF
# Written by dovecot.sh start: a throwaway test instance.
instance_name = imap4-it-$(echo "$d" | md5sum | cut -c1-8)
base_dir = $d/run
state_dir = $d/state
protocols = imap
listen = 127.0.0.1
log_path = $d/dovecot.log
log_timestamp = "%Y-%m-%d %H:%M:%S "
default_internal_user = $internal
default_login_user = $login
first_valid_uid = 1
ssl = yes
ssl_cert = <$d/tls/cert.pem
ssl_key = <$d/tls/key.pem
ssl_min_protocol = TLSv1.2
# tests authenticate before STARTTLS too
disable_plaintext_auth = no
auth_mechanisms = plain login cram-md5 scram-sha-1 scram-sha-256
auth_failure_delay = 0
auth_cache_size = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $d/etc/users
}
userdb {
  driver = passwd-file
  args = username_format=%n $d/etc/users
  default_fields = uid=$MUID gid=$MGID home=$d/mail/%n
}
mail_location = maildir:~
mail_plugins = acl quota
mail_fsync = never
mailbox_list_index = yes
# only Dovecot and populate touch these Maildirs; without this every flag change rescans cur/
maildir_very_dirty_syncs = yes
mail_max_userip_connections = 200
namespace inbox {
  type = private
  separator = /
  prefix =
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = create
  }
}
namespace shared {
  type = shared
  separator = /
  prefix = shared/%%n/
  location = maildir:%%h:INDEXPVT=~/shared/%%n
  subscriptions = no
  list = children
}
protocol imap {
  mail_plugins = \$mail_plugins imap_acl imap_quota $zlib
}
plugin {
  acl = vfile
  acl_shared_dict = file:$d/shared/shared-mailboxes.db
  quota = count:User quota
  quota_vsizes = yes
  quota_rule = *:storage=10G
  quota_rule2 = Trash:ignore
  # no quota_set: SETQUOTA answers NO (user) or BAD (admin), which the tests expect
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $TLS_PORT
    ssl = yes
  }
}
service anvil {
  # no delay after the failed logins the tests make on purpose
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF
    cat >"$d/server.properties" <<EOF
server=dovecot
host=127.0.0.1
port=$PORT
tls.port=$TLS_PORT
cert=$d/tls/cert.pem
user=user1
password=pass1
user2=user2
password2=pass2
admin=admin
admin.password=adminpw
scale.user=scale
scale.password=scalepw
diff.user=diff
diff.password=diffpw
odd.user=odd
odd.password=p"a\\\\ss word
utf.user=utf
utf.password=pässwörd
stream.command=$LIBEXEC/imap -c $d/etc/dovecot.conf -u user1
log=$d/dovecot.log
EOF
}

cmd_start() {
    [[ $# -eq 1 ]] || usage
    command -v dovecot >/dev/null || die "dovecot not installed (apt-get install dovecot-imapd)"
    [[ -x $LIBEXEC/imap ]] || die "$LIBEXEC/imap missing (apt-get install dovecot-imapd)"
    mkdir -p "$1"
    local d pid=""; d=$(existing_dir "$1")
    if pid=$(master_pid "$d"); then echo "dovecot already running (pid $pid)"; return 0; fi
    write_config "$d"
    dovecot -c "$d/etc/dovecot.conf" || die "dovecot did not start; see $d/dovecot.log"
    wait_port "$PORT" && wait_port "$TLS_PORT" || die "ports $PORT/$TLS_PORT not listening; see $d/dovecot.log"
    pid=$(wait_master "$d") || exit 1
    echo "dovecot started: pid $pid, 127.0.0.1:$PORT (STARTTLS), 127.0.0.1:$TLS_PORT (TLS)"
}

cmd_stream() {
    [[ $# -eq 2 ]] || usage
    local d; d=$(existing_dir "$1")
    # the imap binary looks the user up through the running instance's auth service
    master_pid "$d" >/dev/null || die "instance in $d is not running"
    echo "$LIBEXEC/imap -c $d/etc/dovecot.conf -u $2"
}

cmd_populate() {
    [[ $# -eq 4 || $# -eq 5 ]] || usage
    local d user=$2 count=$3 size=$4 folder=${5:-INBOX} dir running=""
    d=$(existing_dir "$1")
    [[ $count =~ ^[0-9]+$ && $size =~ ^[0-9]+$ ]] || die "COUNT and SIZE must be numbers"
    grep -q "^$user:" "$d/etc/users" 2>/dev/null || die "unknown user $user (run start first)"
    mail_ids
    # Maildir++: INBOX is the home directory, folder a/b is ~/.a.b
    dir=$d/mail/$user
    [[ $folder == INBOX ]] || dir="$dir/.${folder//\//.}"
    mkdir -p "$dir"
    [[ $folder == INBOX ]] || touch "$dir/maildirfolder"
    master_pid "$d" >/dev/null && running=yes
    # the user lookup that indexing needs, before a single message is written
    [[ -z $running ]] || doveadm -c "$d/etc/dovecot.conf" user "$user" >/dev/null \
        || die "Dovecot cannot look up $user; see $d/dovecot.log"
    populate_maildir "$dir" "$count" "$size" "${folder//\//-}"
    chown -R "$MUID:$MGID" "$d/mail/$user"
    if [[ -n $running ]]; then
        # index now (assigns UIDs), so the first test does not pay for it; then fix the quota
        if ! { doveadm -c "$d/etc/dovecot.conf" mailbox status -u "$user" "messages" "$folder" &&
               doveadm -c "$d/etc/dovecot.conf" quota recalc -u "$user"; }; then
            undo_populate "$dir"
            die "indexing $user's $folder failed, its $count new messages removed again; see $d/dovecot.log"
        fi
    fi
}

[[ $# -ge 1 ]] || usage
sub=$1; shift
case $sub in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    stream) cmd_stream "$@" ;;
    populate) cmd_populate "$@" ;;
    *) usage ;;
esac
