#!/usr/bin/env bash
# A throwaway ZooKeeper (Debian package zookeeper) living entirely under one directory, for the
# multi-node integration test (docs/scaling-out.md).
#
#   zookeeper.sh start  DIR    write the configuration and start one standalone server
#   zookeeper.sh stop   DIR    SIGTERM to the server by PID, wait for it
#   zookeeper.sh status DIR    exit 0 and print the PID when running
#
# Listens on 127.0.0.1:$IMAP4_IT_ZOOKEEPER_PORT (20181) only; no admin server, no JMX port. The
# tick is 500 ms, so a client may ask for sessions as short as 1 s (a killed leader's session, and
# with it its leadership, expires that quickly). DIR/server.properties gives the tests the
# connect string.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd -P)
PORT=${IMAP4_IT_ZOOKEEPER_PORT:-20181}
NAME=zookeeper
# shellcheck source=instance.sh
. "$HERE/instance.sh"

pid_file() { echo "$1/zookeeper.pid"; }
conf_file() { echo "$1/zoo.cfg"; }

usage() { sed -n '5,8p' "$0" >&2; exit 2; }

cmd_start() {
    [[ $# -eq 1 ]] || usage
    mkdir -p "$1"
    [[ -f /usr/share/java/zookeeper.jar ]] || die "zookeeper not installed (apt-get install zookeeper)"
    command -v java >/dev/null || die "no java on PATH"
    local d pid; d=$(existing_dir "$1")
    if pid=$(master_pid "$d"); then echo "zookeeper already running (pid $pid)"; return 0; fi
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "port $PORT already in use"
    mkdir -p "$d/data" "$d/conf"
    cat >"$d/zoo.cfg" <<CFG
# Written by zookeeper.sh start: a throwaway test instance.
tickTime=500
minSessionTimeout=1000
maxSessionTimeout=60000
initLimit=10
syncLimit=5
dataDir=$d/data
clientPort=$PORT
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr
CFG
    cat >"$d/conf/log4j.properties" <<'LOG'
log4j.rootLogger=INFO, FILE
log4j.appender.FILE=org.apache.log4j.FileAppender
log4j.appender.FILE.File=${zookeeper.log.file}
log4j.appender.FILE.layout=org.apache.log4j.PatternLayout
log4j.appender.FILE.layout.ConversionPattern=%d{ISO8601} %-5p [%t] %c{1}: %m%n
LOG
    # the package's classpath (zookeeper.jar names its dependencies in its manifest), with our log4j config first
    nohup java -Xmx256m -Dzookeeper.log.file="$d/zookeeper.log" -Dlog4j.configuration="file:$d/conf/log4j.properties" \
        -Dzookeeper.jmx.log4j.disable=true -cp "$d/conf:/usr/share/java/zookeeper.jar" \
        org.apache.zookeeper.server.quorum.QuorumPeerMain "$d/zoo.cfg" >"$d/zookeeper.out" 2>&1 </dev/null &
    echo $! >"$(pid_file "$d")"
    wait_port "$PORT" || { cmd_stop "$d" >/dev/null 2>&1 || true; die "port $PORT not listening; see $d/zookeeper.out"; }
    printf 'server=zookeeper\nconnect=127.0.0.1:%s\nlog=%s/zookeeper.log\n' "$PORT" "$d" >"$d/server.properties"
    echo "zookeeper running: pid $(cat "$(pid_file "$d")"), 127.0.0.1:$PORT"
}

case ${1:-} in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) shift; cmd_status "$@" ;;
    *) usage ;;
esac
