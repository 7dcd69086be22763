#!/usr/bin/env bash
# A throwaway Courier-IMAP 5 (Debian packages courier-imap, courier-base, courier-authlib) under one
# directory, with its own Gamin (FAM) server.
#
#   courier.sh start    DIR                          unpack the packages, write the Maildirs, start
#                                                    gam_server
#   courier.sh stop     DIR                          end gam_server and every imapd of this instance
#                                                    by PID
#   courier.sh status   DIR                          exit 0 and print gam_server's PID when running
#   courier.sh populate DIR USER COUNT SIZE [FOLDER] write COUNT messages of about SIZE bytes
#                                                    into USER's FOLDER (default INBOX)
#   courier.sh stream   DIR USER [nofam]             print a command line speaking preauthenticated
#                                                    IMAP on stdin/stdout (imaplib's IMAP4_stream);
#                                                    with nofam, one that cannot reach Gamin
#
# Debian's courier-imap conflicts with dovecot-imapd (both provide imap-server), so the packages
# are fetched with 'apt-get download' and unpacked into DIR/pkg; nothing is installed. imapd has
# no daemon here: every connection is a child started by the client, preauthenticated through
# Courier's own environment (AUTHENTICATED=USER, the Maildir as argument), on DIR/mail/USER/Maildir
# (namespace "INBOX.", delimiter "."). Users: user1, user2, scale, diff. The nofam command line
# makes imapd send "* OK [ALERT] Filesystem notification initialization error" before its PREAUTH
# greeting, as Courier does in containers without FAM/Gamin.
# DIR/server.properties describes the instance for the integration tests.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd -P)
USERS="user1 user2 scale diff"
PACKAGES="courier-imap courier-base courier-authlib libcourier-unicode4 gamin libgamin0"
# as in Debian's /etc/courier/imapd
CAPABILITY="IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE"

usage() { sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

NAME=courier
pid_file() { echo "$1/run/gam_server.pid"; }
conf_file() { echo "$1/server.properties"; }
# shellcheck source=instance.sh
. "$HERE/instance.sh"

unpack() { # DIR: the packages' files under DIR/pkg
    local d=$1 p
    [[ -x $d/pkg/usr/bin/imapd && -x $d/pkg/usr/libexec/gam_server ]] && return 0
    command -v apt-get >/dev/null || die "apt-get missing: courier.sh needs Debian's packages"
    mkdir -p "$d/pkg/deb"
    (cd "$d/pkg/deb" && apt-get download $PACKAGES) >"$d/pkg/download.log" 2>&1 \
        || die "'apt-get download $PACKAGES' failed; see $d/pkg/download.log"
    for p in "$d"/pkg/deb/*.deb; do
        dpkg-deb -x "$p" "$d/pkg" || die "cannot unpack $p"
    done
    [[ -x $d/pkg/usr/bin/imapd ]] || die "no usr/bin/imapd in the courier-imap package"
    [[ -x $d/pkg/usr/libexec/gam_server ]] || die "no usr/libexec/gam_server in the gamin package"
}

client_id() { echo "imap4it-$(echo "$1" | md5sum | cut -c1-12)"; }

instance_pids() { # PIDs of the imapd processes working on this instance's Maildirs
    local d=$1 p cmd
    for p in /proc/[0-9]*; do
        { cmd=$(tr '\0' ' ' <"$p/cmdline"); } 2>/dev/null || continue
        [[ $cmd == "$d/pkg/usr/bin/imapd $d/mail/"* ]] && echo "${p#/proc/}"
    done
    return 0
}

write_wrapper() { # DIR: DIR/bin/imapd USER [nofam] execs imapd (same PID) in Courier's environment
    local d=$1 id
    id=$(client_id "$d")
    mkdir -p "$d/bin"
    cat >"$d/bin/imapd" <<EOW
#!/bin/sh
# Written by courier.sh start: preauthenticated Courier imapd for USER on stdin/stdout.
[ -d "$d/mail/\$1/Maildir" ] || { echo "usage: \$0 USER [nofam]" >&2; exit 2; }
# GAMIN_DEBUG_SERVER names a gam_server that does not exist, so libgamin never starts one of its
# own (it would outlive the test); nofam asks for a Gamin session nobody serves
id=$id
[ "\${2:-}" = nofam ] && id=$id-none
exec env -i PATH=/usr/bin:/bin HOME="$d/mail/\$1" \\
    LD_LIBRARY_PATH="$d/pkg/usr/lib:$d/pkg/usr/lib/x86_64-linux-gnu" \\
    AUTHENTICATED="\$1" GAM_CLIENT_ID="\$id" GAMIN_DEBUG_SERVER="$d/pkg/none" \\
    IMAP_CAPABILITY="$CAPABILITY" \\
    IMAP_KEYWORDS=1 IMAP_ACL=1 IMAP_ENHANCEDIDLE=1 IMAP_IDLE_TIMEOUT=60 IMAP_TRASHFOLDERNAME=Trash \\
    IMAP_USELOCKS=1 "$d/pkg/usr/bin/imapd" "$d/mail/\$1/Maildir"
EOW
    chmod 755 "$d/bin/imapd"
}

stream_command() { echo "$1/bin/imapd $2${3:+ $3}"; } # DIR USER [nofam]

cmd_start() {
    [[ $# -eq 1 ]] || usage
    mkdir -p "$1"
    local d u pid greeting id; d=$(existing_dir "$1")
    if pid=$(master_pid "$d"); then echo "courier already running (gam_server pid $pid)"; return 0; fi
    unpack "$d"
    mkdir -p "$d/run"
    for u in $USERS; do mkdir -p "$d/mail/$u/Maildir"/{cur,new,tmp}; done
    write_wrapper "$d"
    id=$(client_id "$d")
    # Gamin's server for this instance only (its socket is named after GAM_CLIENT_ID); without
    # --notimeout it would exit when idle and the next imapd would send the ALERT
    GAM_CLIENT_ID=$id LD_LIBRARY_PATH=$d/pkg/usr/lib/x86_64-linux-gnu \
        setsid "$d/pkg/usr/libexec/gam_server" --notimeout "$id" </dev/null >"$d/gam_server.log" 2>&1 &
    echo $! >"$(pid_file "$d")"
    sleep 0.3
    pid=$(master_pid "$d") || die "gam_server did not start; see $d/gam_server.log"
    greeting=$(printf 'a1 LOGOUT\r\n' | timeout 10 $(stream_command "$d" user1) 2>"$d/start.log" | head -1) \
        || die "imapd did not answer; see $d/start.log"
    [[ $greeting == "* PREAUTH"* ]] \
        || die "imapd greeted with '$greeting', not PREAUTH (is gam_server $pid serving?); see $d/start.log"
    greeting=$(printf 'a1 LOGOUT\r\n' | timeout 10 $(stream_command "$d" user1 nofam) 2>>"$d/start.log" | head -1) \
        || die "imapd did not answer; see $d/start.log"
    [[ $greeting == "* OK [ALERT]"* ]] || die "without Gamin, imapd greeted with '$greeting', not the ALERT"
    {
        echo "server=courier"
        echo "user=user1"
        echo "user2=user2"
        echo "scale.user=scale"
        echo "diff.user=diff"
        echo "folder.prefix=INBOX."
        echo "separator=."
        echo "stream.command=$(stream_command "$d" user1)"
        echo "stream.command.nofam=$(stream_command "$d" user1 nofam)"
        for u in user2 scale diff; do echo "stream.command.$u=$(stream_command "$d" "$u")"; done
        echo "stream.process.prefix=$d/pkg/usr/bin/imapd $d/mail/"
    } >"$d/server.properties"
    echo "courier ready: gam_server pid $pid; $(stream_command "$d" user1)"
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    local d pid pids i; d=$(existing_dir "$1")
    pids=$(instance_pids "$d")
    if pid=$(master_pid "$d"); then pids="$pids $pid"; fi
    [[ -z ${pids// /} ]] && { echo "courier not running"; return 0; }
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        if [[ -z $(instance_pids "$d") ]] && ! master_pid "$d" >/dev/null; then
            echo "courier stopped:" $pids; return 0
        fi
        sleep 0.1
    done
    die "courier processes still running 5 s after SIGTERM:" $pids
}

cmd_stream() {
    [[ $# -eq 2 || $# -eq 3 ]] || usage
    local d; d=$(existing_dir "$1")
    [[ -d $d/mail/$2/Maildir ]] || die "unknown user $2 (run start first)"
    master_pid "$d" >/dev/null || [[ ${3:-} == nofam ]] || die "gam_server of $d is not running"
    stream_command "$d" "$2" "${3:-}"
}

cmd_populate() {
    [[ $# -eq 4 || $# -eq 5 ]] || usage
    local d user=$2 count=$3 size=$4 folder=${5:-INBOX} dir
    d=$(existing_dir "$1")
    [[ $count =~ ^[0-9]+$ && $size =~ ^[0-9]+$ ]] || die "COUNT and SIZE must be numbers"
    [[ -d $d/mail/$user/Maildir ]] || die "unknown user $user (run start first)"
    [[ $folder != *..* && $folder != */* ]] || die "bad folder name $folder (Courier's delimiter is '.')"
    # Maildir++: INBOX is the Maildir itself, folder INBOX.a.b (or a.b) is Maildir/.a.b
    folder=${folder#INBOX.}
    dir=$d/mail/$user/Maildir
    if [[ $folder != INBOX ]]; then
        dir=$dir/.$folder
        mkdir -p "$dir"
        touch "$dir/maildirfolder"
    fi
    populate_maildir "$dir" "$count" "$size" "$folder"
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
