#!/usr/bin/env bash
# A throwaway GNU Mailutils imap4d (Debian package mailutils-imap4d) under one directory.
#
#   mailutils.sh start    DIR                          write the configuration and the Maildirs
#   mailutils.sh stop     DIR                          end, by PID, every imap4d of this instance
#   mailutils.sh status   DIR                          exit 0 when configured; list running imap4d
#   mailutils.sh populate DIR USER COUNT SIZE [FOLDER] write COUNT messages of about SIZE bytes
#                                                      into USER's FOLDER (default INBOX)
#   mailutils.sh stream   DIR USER                     print a command line speaking preauthenticated
#                                                      IMAP on stdin/stdout (imaplib's IMAP4_stream)
#
# imap4d has no daemon here: every connection is a child started by the client ('imap4d --inetd
# --preauth' with preauth = stdio), logged in as the Unix user running it, on Maildirs under
# DIR/mail/USER (INBOX is DIR/mail/USER/INBOX, the other folders DIR/mail/USER/folders/...,
# delimiter "/"). Users: user1, user2, scale, diff. imap4d does not exit when its input ends (it
# spins), so 'stop' ends every imap4d still running with this instance's configuration.
# DIR/server.properties describes the instance for the integration tests.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd -P)
IMAP4D=${IMAP4_IT_IMAP4D:-/usr/sbin/imap4d}
USERS="user1 user2 scale diff"

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

NAME=mailutils
# shellcheck source=instance.sh
. "$HERE/instance.sh"

conf() { echo "$1/etc/$2.conf"; }

instance_pids() { # PIDs of the imap4d processes started with one of this instance's configurations
    local d=$1 p cmd
    for p in /proc/[0-9]*; do
        { cmd=$(tr '\0' ' ' <"$p/cmdline"); } 2>/dev/null || continue
        [[ $cmd == "$IMAP4D --config-file=$d/etc/"* ]] && echo "${p#/proc/}"
    done
    return 0
}

write_user() {
    local d=$1 u=$2 m lint
    m=$d/mail/$u
    mkdir -p "$m"/INBOX/{cur,new,tmp} "$m/folders"
    # INBOX lives outside the folder tree, as on a mail spool; everything else is a Maildir under
    # folders/ ("a/b" is folders/a/b)
    cat >"$(conf "$d" "$u")" <<EOC
# Written by mailutils.sh start: a throwaway test instance for user $u.
logging { syslog false; }
mailbox {
  mailbox-pattern "maildir://$m/INBOX";
  mailbox-type maildir;
}
namespace personal {
  prefix "" {
    directory "$m/folders";
    delimiter "/";
    mailbox-type maildir;
  };
};
preauth stdio;
EOC
    lint=$("$IMAP4D" --config-file="$(conf "$d" "$u")" --config-lint 2>&1) \
        || die "imap4d refuses $(conf "$d" "$u"): $(echo "$lint" | tail -1)"
}

stream_command() { echo "$IMAP4D --config-file=$(conf "$1" "$2") --inetd --preauth"; }

cmd_start() {
    [[ $# -eq 1 ]] || usage
    [[ -x $IMAP4D ]] || die "$IMAP4D missing (apt-get install mailutils-imap4d)"
    mkdir -p "$1"
    local d u greeting; d=$(existing_dir "$1")
    mkdir -p "$d/etc" "$d/mail"
    for u in $USERS; do write_user "$d" "$u"; done
    # one real session proves the configuration: the PREAUTH greeting, then LOGOUT
    greeting=$(printf 'a1 LOGOUT\r\n' | timeout 10 $(stream_command "$d" user1) 2>"$d/start.log" | head -1) \
        || die "imap4d did not answer; see $d/start.log"
    [[ $greeting == "* PREAUTH"* ]] || die "imap4d greeted with '$greeting', not PREAUTH; see $d/start.log"
    cat >"$d/server.properties" <<EOP
server=mailutils
user=user1
user2=user2
scale.user=scale
diff.user=diff
folder.prefix=
separator=/
stream.command=$(stream_command "$d" user1)
stream.command.user2=$(stream_command "$d" user2)
stream.command.scale=$(stream_command "$d" scale)
stream.command.diff=$(stream_command "$d" diff)
stream.process.prefix=$IMAP4D --config-file=$d/etc/
EOP
    echo "mailutils ready: $(stream_command "$d" user1)"
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    local d pids i; d=$(existing_dir "$1")
    pids=$(instance_pids "$d")
    [[ -z $pids ]] && { echo "mailutils: no imap4d running"; return 0; }
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        [[ -z $(instance_pids "$d") ]] && { echo "mailutils: ended imap4d" $pids; return 0; }
        sleep 0.1
    done
    pids=$(instance_pids "$d")
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    echo "mailutils: killed imap4d" $pids "(no exit 5 s after SIGTERM)" >&2
}

cmd_status() {
    [[ $# -eq 1 ]] || usage
    local d pids; d=$(existing_dir "$1")
    [[ -s $d/server.properties ]] || { echo "mailutils not configured in $d"; return 1; }
    pids=$(instance_pids "$d")
    echo "mailutils configured in $d; imap4d running: ${pids:-none}" | tr '\n' ' '; echo
}

cmd_stream() {
    [[ $# -eq 2 ]] || usage
    local d; d=$(existing_dir "$1")
    [[ -s $(conf "$d" "$2") ]] || die "unknown user $2 (run start first)"
    stream_command "$d" "$2"
}

cmd_populate() {
    [[ $# -eq 4 || $# -eq 5 ]] || usage
    local d user=$2 count=$3 size=$4 folder=${5:-INBOX} dir
    d=$(existing_dir "$1")
    [[ $count =~ ^[0-9]+$ && $size =~ ^[0-9]+$ ]] || die "COUNT and SIZE must be numbers"
    [[ -s $(conf "$d" "$user") ]] || die "unknown user $user (run start first)"
    [[ $folder != *..* && $folder != /* ]] || die "bad folder name $folder"
    dir=$d/mail/$user/INBOX
    [[ $folder == INBOX ]] || dir=$d/mail/$user/folders/$folder
    populate_maildir "$dir" "$count" "$size" "${folder//\//-}"
    echo "$user $folder: wrote $count messages"
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
