#!/usr/bin/env bash
# End-to-end benchmarks against a throwaway Dovecot (sdbox) on loopback, compared in the same run
# with a raw socket ceiling, Camel's camel-mail and Python's imaplib (docs/performance.md).
#
#   bench/run.sh [GROUP...]     GROUP: bulk poll idle producer bulk100k tls cold startup rss tlscold
#                               floor compress (default: the first six, in that order)
#
# Env: BENCH_DIR (server directory; default a new one under /tmp, removed afterwards),
#      BENCH_PORT/BENCH_TLS_PORT (21143/21993), BENCH_CYRUS_PORT/BENCH_CYRUS_TLS_PORT (21144/21994,
#      the idle group's Cyrus), RUNS (3), WARMUPS (1; the fetch cases of raw, core and imap4),
#      CAMEL_MAIL_TIMEOUT (seconds per run, 600), COLD_RUNS (3; fresh JVMs per case in the cold and
#      startup groups), CAMEL_MAIL_COLD_RUNS (1), POLL_RUNS (21; polls measured per poll case),
#      POLL_WARMUPS (1000; empty polls before them), BEFORE_CP (a classpath of another build of bench/,
#      whose consumer the cold and poll groups run in turn with this one, tagged "before").
# Every case runs in a fresh JVM (or Python process): one warm-up run, then RUNS measured runs;
# the median is reported. Results: bench/target/e2e/results.txt (raw lines) and results.md, and the
# table in docs/performance.md under "Last run" (the curated tables above it are written by hand).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(dirname "$HERE")
RUNS=${RUNS:-3}
# warm-up runs before the measured ones in each fetch case's JVM (raw, core, imap4); camel-mail and
# imaplib keep one, a camel-mail run being long enough to warm its JVM by itself
WARMUPS=${WARMUPS:-1}
CAMEL_MAIL_TIMEOUT=${CAMEL_MAIL_TIMEOUT:-600}
export IMAP4_IT_DOVECOT_PORT=${BENCH_PORT:-21143}
export IMAP4_IT_DOVECOT_TLS_PORT=${BENCH_TLS_PORT:-21993}
GROUPS_=("$@")
[[ ${#GROUPS_[@]} -gt 0 ]] || GROUPS_=(bulk poll idle producer bulk100k tls)

OWN_DIR=0
if [[ -z ${BENCH_DIR:-} ]]; then BENCH_DIR=$(mktemp -d /tmp/imap4-bench.XXXXXX); OWN_DIR=1; fi
OUT=$HERE/target/e2e
mkdir -p "$OUT"
RES=$OUT/results.txt
: >"$RES"

log() { echo "$*" | tee -a "$RES"; }
stop_server() {
    "$ROOT/scripts/dovecot.sh" stop "$BENCH_DIR" || true
    if [[ -d $BENCH_DIR/cyrus ]]; then "$ROOT/scripts/cyrus.sh" stop "$BENCH_DIR/cyrus" || true; fi
    if [[ $OWN_DIR -eq 1 ]]; then rm -rf "$BENCH_DIR"; fi
}
trap stop_server EXIT

# ---- build ----
mvn -B -q -f "$HERE/pom.xml" package -DskipTests
mvn -B -q -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP=$HERE/target/classes:$(cat "$OUT/classpath.txt")

# ---- server: the project's Dovecot, switched to sdbox ----
"$ROOT/scripts/dovecot.sh" start "$BENCH_DIR"
CONF=$BENCH_DIR/etc/dovecot.conf
sed -i -e 's|^mail_location = maildir:~$|mail_location = sdbox:~/sdbox|' \
       -e 's|location = maildir:%%h:INDEXPVT=~/shared/%%n|location = sdbox:%%h/sdbox:INDEXPVT=~/shared/%%n|' "$CONF"
grep -q '^mail_location = sdbox' "$CONF" || { echo "could not switch to sdbox" >&2; exit 1; }
# log the protocol and cipher of every TLS login (%k): the server's side of the tls group
echo 'login_log_format_elements = user=<%u> method=%m rip=%r lip=%l mpid=%e %c %k session=<%{session}>' >>"$CONF"
doveadm -c "$CONF" reload
sleep 1
MAIL_OWNER=$(stat -c %U "$BENCH_DIR/mail")

populate() { # FOLDER COUNT SIZE: stage as maildir, import into sdbox
    local folder=$1 count=$2 size=$3 stage=$BENCH_DIR/staging/$1 t0=$SECONDS
    rm -rf "$stage"; mkdir -p "$stage/.$folder"/{cur,new,tmp}; touch "$stage/.$folder/maildirfolder"
    python3 "$ROOT/scripts/populate.py" maildir "$stage/.$folder" "$count" "$size" "$folder" >/dev/null
    chmod 755 "$BENCH_DIR/staging"; chown -R "$MAIL_OWNER" "$stage"
    doveadm -c "$CONF" import -u user1 "maildir:$stage" "" mailbox "$folder"
    rm -rf "$stage"
    log "# populated $folder: $(messages "$folder") messages of ~$size bytes in $((SECONDS - t0)) s"
}
messages() { doveadm -c "$CONF" mailbox status -u user1 messages "$1" | sed 's/.*messages=//'; }

java_case() { # [-Dprop=value...] ARGS...: one case in a fresh JVM
    local load props=(); load=$(cut -d' ' -f1-3 /proc/loadavg)
    while [[ $1 == -D* ]]; do props+=("$1"); shift; done
    java "${props[@]}" -Dimap.port="$IMAP4_IT_DOVECOT_PORT" -Dimap.tlsPort="$IMAP4_IT_DOVECOT_TLS_PORT" \
        -Dimap.cert="$BENCH_DIR/tls/cert.pem" -Dimap.user=user1 -Dimap.password=pass1 \
        -cp "${JCP:-$CP}" dev.imap4.bench.e2e.Main "$@" 2>&1 \
        | grep -E '^(RESULT|first poll|# tls)' | sed "s|\$| load_before=${load// /,}|" | tee -a "$RES" || true
}
py_case() { # MODE FOLDER EXPECTED [--tls]: over TLS, the server's certificate verified
    local load tls=(); load=$(cut -d' ' -f1-3 /proc/loadavg)
    local port=$IMAP4_IT_DOVECOT_PORT
    if [[ ${4:-} == --tls ]]; then port=$IMAP4_IT_DOVECOT_TLS_PORT; tls=("--tls=$BENCH_DIR/tls/cert.pem"); fi
    python3 "$HERE/imaplib_bench.py" "$1" 127.0.0.1 "$port" user1 pass1 "$2" "$3" 1 "$RUNS" "${tls[@]}" 2>&1 \
        | sed "s|\$| load_before=${load// /,}|" | tee -a "$RES" || true
}
cyrus_idle() { # the idle cases against a throwaway Cyrus, started and stopped here
    local dir=$BENCH_DIR/cyrus port=${BENCH_CYRUS_PORT:-21144}
    mkdir -p "$dir"
    IMAP4_IT_CYRUS_PORT=$port IMAP4_IT_CYRUS_TLS_PORT=${BENCH_CYRUS_TLS_PORT:-21994} \
        "$ROOT/scripts/cyrus.sh" start "$dir" >/dev/null
    python3 -c 'import imaplib,sys; c=imaplib.IMAP4("127.0.0.1",int(sys.argv[1])); c.login("user1","pass1"); c.create("IdleCyrus"); c.logout()' "$port"
    log "# idle on Cyrus $(dpkg-query -W -f '${Version}' cyrus-common 2>/dev/null), folder IdleCyrus"
    IMAP4_IT_DOVECOT_PORT=$port java_case idle-raw IdleCyrus 100
    IMAP4_IT_DOVECOT_PORT=$port java_case idle IdleCyrus 100
    "$ROOT/scripts/cyrus.sh" stop "$dir" || true
}
# ---- cold: as a user runs it, one measured run per fresh JVM (or Python process), no warm-up ----
COLD_RUNS=${COLD_RUNS:-3}
java_cold() { # [-Dprop|-XX...] CLIENT FOLDER: COLD_RUNS fresh JVMs of one run each, no warm-up, with peak RSS
    local props=() i load
    while [[ $1 == -* ]]; do props+=("$1"); shift; done
    for ((i = 0; i < COLD_RUNS; i++)); do
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        java "${props[@]}" -Dimap.port="$IMAP4_IT_DOVECOT_PORT" -Dimap.tlsPort="$IMAP4_IT_DOVECOT_TLS_PORT" \
            -Dimap.cert="$BENCH_DIR/tls/cert.pem" -Dimap.user=user1 -Dimap.password=pass1 \
            -cp "${JCP:-$CP}" dev.imap4.bench.e2e.Main fetch "$1" "$2" "$(messages "$2")" 0 1 "$CAMEL_MAIL_TIMEOUT" 2>&1 \
            | awk -v tag="${COLD_TAG:-}" -v ld="${load// /,}" '/^RESULT/{r=$0} /^# peak_rss/{m=$3}
                /Exception|ERROR/{if (!e) e=$0}
                END{if (r != "") print r " cold=1" (tag == "" ? "" : " jvm=" tag) " peak_rss_kb=" m " load_before=" ld;
                    else print "# no result: " e}' \
            | tee -a "$RES" || true
    done
}
py_cold() { # FOLDER [--tls]: imaplib bulk, COLD_RUNS fresh processes of one run each, with peak RSS
    local i load tls=() port=$IMAP4_IT_DOVECOT_PORT n; n=$(messages "$1")
    if [[ ${2:-} == --tls ]]; then port=$IMAP4_IT_DOVECOT_TLS_PORT; tls=("--tls=$BENCH_DIR/tls/cert.pem"); fi
    for ((i = 0; i < COLD_RUNS; i++)); do
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        /usr/bin/time -f 'peak_rss_kb=%M' python3 "$HERE/imaplib_bench.py" bulk 127.0.0.1 "$port" user1 pass1 "$1" "$n" 0 1 \
            "${tls[@]}" 2>&1 | awk -v ld="${load// /,}" '/^RESULT/{r=$0} /^peak_rss_kb=/{m=$0}
                END{if (r != "") print r " cold=1 " m " load_before=" ld}' | tee -a "$RES" || true
    done
}
cold_all() { # FOLDER: every client, cold
    local f=$1
    java_cold raw "$f"
    java_cold imap4-default "$f"
    # BEFORE_CP: the classpath of another build of the bench (e.g. the previous commit), run in turn
    if [[ -n ${BEFORE_CP:-} ]]; then JCP=$BEFORE_CP COLD_TAG=before java_cold imap4-default "$f"; fi
    py_cold "$f"
    COLD_RUNS=${CAMEL_MAIL_COLD_RUNS:-1} java_cold camelmail "$f"
    COLD_RUNS=${CAMEL_MAIL_COLD_RUNS:-1} java_cold camelmail-raw "$f"
}

fetch_all() { # FOLDER: every client over the whole folder
    local f=$1 n; n=$(messages "$1")
    java_case fetch raw "$f" "$n" "$WARMUPS" "$RUNS"
    java_case fetch core "$f" "$n" "$WARMUPS" "$RUNS"
    # fetchBatchSize: the default (100), 1000, and the whole folder in one UID FETCH
    java_case -Dbench.fetchBatchSize=100 fetch imap4 "$f" "$n" "$WARMUPS" "$RUNS"
    java_case -Dbench.fetchBatchSize=1000 fetch imap4 "$f" "$n" "$WARMUPS" "$RUNS"
    java_case fetch imap4 "$f" "$n" "$WARMUPS" "$RUNS"
    py_case bulk "$f" "$n"
    py_case each "$f" "$n"
    java_case fetch camelmail-raw "$f" "$n" 1 "$RUNS" "$CAMEL_MAIL_TIMEOUT"
    java_case fetch camelmail "$f" "$n" 1 "$RUNS" "$CAMEL_MAIL_TIMEOUT"
}

log "# $(date -u +%Y-%m-%dT%H:%M:%SZ) nproc=$(nproc) cpu=\"$(lscpu | sed -n 's/^Model name: *//p')\"" \
    "mem=$(free -g | awk '/Mem:/{print $2}')GiB java=\"$(java -version 2>&1 | sed -n 2p)\"" \
    "dovecot=$(dovecot --version | cut -d' ' -f1) python=$(python3 -V | cut -d' ' -f2) format=sdbox runs=$RUNS warmups=$WARMUPS"

for g in "${GROUPS_[@]}"; do
    case $g in
        bulk)
            [[ $(messages B10k 2>/dev/null || echo 0) -gt 0 ]] || populate B10k 10000 4000
            [[ $(messages B1m 2>/dev/null || echo 0) -gt 0 ]] || populate B1m 200 1000000
            fetch_all B10k
            fetch_all B1m ;;
        poll)
            [[ $(messages B10k 2>/dev/null || echo 0) -gt 0 ]] || populate B10k 10000 4000
            [[ $(messages B100k 2>/dev/null || echo 0) -gt 0 ]] || populate B100k 100000 2000
            # POLL_RUNS (21) measured polls per case after POLL_WARMUPS (1000) empty ones, as a consumer
            # that has polled for a while (POLL_WARMUPS=0: the first polls after the start);
            # BEFORE_CP's consumer in turn, tagged "before"
            pw=-Dbench.pollWarmups=${POLL_WARMUPS:-1000}
            for f in B10k B100k; do
                for n in 0 10; do
                    java_case "$pw" poll raw "$f" "$f" "$n" "${POLL_RUNS:-21}"
                    java_case "$pw" poll imap4 "$f" "$f" "$n" "${POLL_RUNS:-21}"
                    # both in one JVM, a poll of each in turn on the same new messages: the ratio
                    # without the drift between JVMs and server states
                    java_case "$pw" poll pair "$f" "$f" "$n" "${POLL_RUNS:-21}"
                    if [[ -n ${BEFORE_CP:-} ]]; then
                        JCP=$BEFORE_CP java_case "$pw" -Dbench.tag=before poll imap4 "$f" "$f" "$n" "${POLL_RUNS:-21}"
                    fi
                done
            done
            # camel-mail (unseen=true by default): every message \Seen, so a poll finds only new ones
            doveadm -c "$CONF" flags add -u user1 '\Seen' mailbox B100k all
            doveadm -c "$CONF" flags add -u user1 '\Seen' mailbox B10k all
            for f in B10k B100k; do
                for n in 0 10; do java_case poll camelmail "$f" "$f" "$n" 5; done
            done ;;
        idle)
            doveadm -c "$CONF" mailbox create -u user1 Idle 2>/dev/null || true
            java_case idle-raw Idle 100
            java_case idle Idle 100
            # Dovecot waits 500 ms before it tells an idling client; Cyrus's idled does not
            if [[ -x /usr/lib/cyrus/bin/master ]]; then
                cyrus_idle
            else
                log "# idle on Cyrus: not run (cyrus-common is not installed)"
            fi ;;
        producer)
            doveadm -c "$CONF" mailbox create -u user1 Prod 2>/dev/null || true
            for t in 1 4 16; do java_case producer append Prod "$t" 1600; done
            for t in 1 4 16; do java_case producer searchstore B10k "$t" 1600; done ;;
        bulk100k)
            [[ $(messages B100k 2>/dev/null || echo 0) -gt 0 ]] || populate B100k 100000 2000
            fetch_all B100k ;;
        cold)
            # fresh JVM per run, default options apart from the connection, timer from CamelContext.start()
            [[ $(messages B10k 2>/dev/null || echo 0) -gt 0 ]] || populate B10k 10000 4000
            [[ $(messages B1m 2>/dev/null || echo 0) -gt 0 ]] || populate B1m 200 1000000
            cold_all B10k
            cold_all B1m
            # TLS: the consumer's defaults over implicit TLS against imaplib over TLS
            java_cold raw-tls B10k
            java_cold imap4-default-tls B10k
            py_cold B10k --tls
            # warm: the defaults after five runs in the same JVM (every message made unseen before each)
            java_case fetch imap4-default B10k "$(messages B10k)" 5 "$RUNS"
            java_case fetch raw B10k "$(messages B10k)" 5 "$RUNS"
            java_case fetch imap4-default B1m "$(messages B1m)" 5 "$RUNS"
            java_case fetch raw B1m "$(messages B1m)" 5 "$RUNS" ;;
        rss)
            # the 1 MB folder again, cold: the consumer's peak RSS beside raw (and BEFORE_CP's)
            [[ $(messages B1m 2>/dev/null || echo 0) -gt 0 ]] || populate B1m 200 1000000
            # the route reads each body as byte[] (200 MB of arrays it asks for), then as a stream (stream)
            java_cold raw B1m
            java_cold imap4-default B1m
            COLD_TAG=stream java_cold -Dbench.body=stream imap4-default B1m
            if [[ -n ${BEFORE_CP:-} ]]; then
                JCP=$BEFORE_CP COLD_TAG=before java_cold imap4-default B1m
                JCP=$BEFORE_CP COLD_TAG=before-stream java_cold -Dbench.body=stream imap4-default B1m
            fi ;;
        floor)
            # the floors of a cold 10k run, fresh JVMs taken in turn: the raw socket, the core alone
            # (no Camel), Camel alone (as many exchanges, no IMAP: CamelFloor), the consumer's defaults;
            # then the consumer's wire pattern warm, item by item (WirePattern)
            [[ $(messages B10k 2>/dev/null || echo 0) -gt 0 ]] || populate B10k 10000 4000
            for ((turn = 0; turn < COLD_RUNS; turn++)); do
                for c in raw core camel-floor imap4-default; do COLD_RUNS=1 java_cold "$c" B10k; done
            done
            java_case wire B10k "$(messages B10k)" 1000 3 9 ;;
        tlscold)
            [[ $(messages B10k 2>/dev/null || echo 0) -gt 0 ]] || populate B10k 10000 4000
            java_cold raw-tls B10k
            java_cold imap4-default-tls B10k
            py_cold B10k --tls ;;
        startup)
            # what helps a cold start: C1 only, and an application class-data archive (AppCDS)
            [[ $(messages B10k 2>/dev/null || echo 0) -gt 0 ]] || populate B10k 10000 4000
            COLD_TAG=default java_cold imap4-default B10k
            COLD_TAG=c1 java_cold -XX:TieredStopAtLevel=1 imap4-default B10k
            # CDS archives only classes from jars: a directory on the class path (target/classes) makes
            # -XX:ArchiveClassesAtExit fail and the "archive" runs fall back to the default, so the
            # archive's runs use the bench's jar
            rm -f "$OUT/imap4.jsa"
            JAR_CP=$(ls "$HERE"/target/camel-imap4-bench-*.jar | head -1):$(cat "$OUT/classpath.txt")
            JCP=$JAR_CP COLD_RUNS=1 java_cold -XX:ArchiveClassesAtExit="$OUT/imap4.jsa" imap4-default B10k >/dev/null
            [[ -s $OUT/imap4.jsa ]] || { log "# startup: no class-data archive was written"; }
            JCP=$JAR_CP COLD_TAG=jar java_cold imap4-default B10k
            JCP=$JAR_CP COLD_TAG=appcds java_cold -XX:SharedArchiveFile="$OUT/imap4.jsa" imap4-default B10k
            JCP=$JAR_CP COLD_TAG=appcds+c1 java_cold -XX:SharedArchiveFile="$OUT/imap4.jsa" -XX:TieredStopAtLevel=1 \
                imap4-default B10k
            COLD_TAG=serialgc java_cold -XX:+UseSerialGC imap4-default B10k ;;
        tls)
            # the same whole-folder fetch in plain and over implicit TLS (port BENCH_TLS_PORT), the
            # server's certificate verified and its host name checked by every client
            [[ $(messages B10k 2>/dev/null || echo 0) -gt 0 ]] || populate B10k 10000 4000
            [[ $(messages B1m 2>/dev/null || echo 0) -gt 0 ]] || populate B1m 200 1000000
            log_from=$(($(stat -c %s "$BENCH_DIR/dovecot.log") + 1))
            for f in B10k B1m; do
                n=$(messages "$f")
                java_case fetch raw "$f" "$n" 1 "$RUNS"
                java_case fetch raw-tls "$f" "$n" 1 "$RUNS"
                java_case fetch core "$f" "$n" 1 "$RUNS"
                java_case fetch core-tls "$f" "$n" 1 "$RUNS"
                py_case bulk "$f" "$n"
                py_case bulk "$f" "$n" --tls
                # the same with five warm-up runs: how much of the Java side is the JIT still compiling
                java_case fetch core-tls "$f" "$n" 5 "$RUNS"
            done
            # the server's side: what Dovecot logged for this group's TLS logins
            tail -c "+$log_from" "$BENCH_DIR/dovecot.log" | grep -o 'TLSv[0-9.]* with cipher [^,]*' | sort | uniq -c \
                | sed 's/^ */# tls dovecot: /' | tee -a "$RES" ;;
        compress)
            # COMPRESS=DEFLATE on a slow link: the core fetches a folder through a throttling relay
            # of its own (bench/.../ThrottledRelay), without and with compression, interleaved run by
            # run; the relay counts the bytes on the wire. C1k: text only; C500: every third message
            # carries a base64 attachment (random bytes, which deflate cannot shrink much)
            [[ $(messages C1k 2>/dev/null || echo 0) -gt 0 ]] || populate C1k 1000 1000
            [[ $(messages C500 2>/dev/null || echo 0) -gt 0 ]] || populate C500 500 4000
            # links: 1 Gbit/s without latency (what compression costs where it cannot pay), then
            # 10 and 1 Mbit/s with 5 ms each way
            for link in 1000000000:0 10000000:5 1000000:5; do
                for f in C1k C500; do
                    # cold: a fresh JVM per mode, one run; then both modes interleaved in one JVM
                    java_case compress "$f" "$(messages "$f")" "${link%:*}" "${link#*:}" 0 off
                    java_case compress "$f" "$(messages "$f")" "${link%:*}" "${link#*:}" 0 on
                    java_case compress "$f" "$(messages "$f")" "${link%:*}" "${link#*:}" "$RUNS"
                done
            done ;;
        *) echo "unknown group $g" >&2; exit 2 ;;
    esac
done
log "# done $(date -u +%Y-%m-%dT%H:%M:%SZ) load=$(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$HERE/results_table.py" "$RES" >"$OUT/results.md"
python3 "$HERE/results_table.py" --into "$ROOT/docs/performance.md" "$RES"
echo "table: $OUT/results.md, and in docs/performance.md (\"Last run\")"
