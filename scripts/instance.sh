# Sourced by dovecot.sh and cyrus.sh: what both do with a throwaway server instance living under
# one directory, whose master process is found through its pid file. The sourcing script sets
# NAME (dovecot, cyrus) and defines pid_file DIR and conf_file DIR.

die() { echo "$NAME.sh: $*" >&2; exit 1; }

existing_dir() { [[ -d $1 ]] || die "no such directory $1"; (cd "$1" && pwd -P); }

master_pid() { # prints the master's PID when the instance in $1 runs
    local f pid; f=$(pid_file "$1")
    [[ -s $f ]] || return 1
    pid=$(cat "$f")
    kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

wait_port() { # PORT: up to 10 s for something to listen on 127.0.0.1:PORT
    local i
    for ((i = 0; i < 100; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

wait_master() { # DIR: up to 10 s for the pid file, which can appear after the ports open; prints the PID
    local i
    for ((i = 0; i < 100; i++)); do
        master_pid "$1" && return 0
        sleep 0.1
    done
    echo "$NAME.sh: no $(pid_file "$1") after 10 s" >&2
    return 1
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    local d pid i; d=$(existing_dir "$1")
    pid=$(master_pid "$d") || { echo "$NAME not running"; return 0; }
    kill -TERM "$pid"
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || { echo "$NAME stopped (pid $pid)"; return 0; }
        sleep 0.1
    done
    die "$NAME master $pid still running after 10 s"
}

cmd_status() {
    [[ $# -eq 1 ]] || usage
    local d pid; d=$(existing_dir "$1")
    pid=$(master_pid "$d") || { echo "$NAME not running"; return 1; }
    echo "$NAME running: pid $pid, conf $(conf_file "$d")"
}

# DIR COUNT SIZE LABEL: writes COUNT messages into the Maildir folder DIR, all or nothing: they are
# staged under its tmp/ (which servers ignore) and moved into cur/ only when all are written, so a
# failed run leaves the folder as it was and a retry never doubles it. undo_populate takes the
# moved messages back out, for a step after this one that fails.
populate_maildir() {
    local dir=$1 count=$2 size=$3 label=$4 first
    mkdir -p "$dir/cur" "$dir/new" "$dir/tmp"
    first=$( { find "$dir/cur" "$dir/new" -type f 2>/dev/null || true; } | wc -l)
    STAGE=$(mktemp -d "$dir/tmp/populate.XXXXXX")
    trap 'rm -rf "$STAGE"' EXIT
    python3 "$HERE/populate.py" maildir "$STAGE" "$count" "$size" "$label" "$first"
    (cd "$STAGE/cur" && find . -type f -printf '%f\n') >"$STAGE/manifest"
    find "$STAGE/cur" -type f -exec mv -t "$dir/cur" {} +
}

undo_populate() { # DIR: the folder populate_maildir last wrote to
    (cd "$1/cur" && xargs -r rm -f <"$STAGE/manifest")
}
