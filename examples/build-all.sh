#!/usr/bin/env bash
# Installs the component from this repository, then builds and runs every example, one at a
# time. Prints one line per step (and the end of a failed step's output); exits non-zero if any
# step failed. An application's jar is started only when its build passed.
set -uo pipefail
cd "$(dirname "$0")"

mvn=(mvn -B -q -Dstyle.color=never)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=()

# step <name> <directory> <command...>
step() {
    local name=$1 dir=$2 start=$SECONDS
    shift 2
    if (cd "$dir" && "$@") >"$logs/$name.log" 2>&1; then
        printf '%-20s ok (%ds)\n' "$name" $((SECONDS - start))
    else
        printf '%-20s FAILED (%ds); end of its output:\n' "$name" $((SECONDS - start))
        tail -n 40 "$logs/$name.log" | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^/    /' -e '$a\'
        failed+=("$name")
        return 1
    fi
}

# prints_summary <command...>: runs the mail pipeline (for 5 minutes at most), passing its output
# on; fails unless it exited 0, processed all eight demo messages and left nothing unseen
prints_summary() {
    local out status
    out=$(timeout 300 "$@" 2>&1)
    status=$?
    printf '%s\n' "$out"
    ((status == 0)) && grep -q '^  8 of 8 messages processed' <<<"$out" \
        && grep -q 'after the run: nothing left' <<<"$out"
}

step component .. "${mvn[@]}" -DskipTests install || exit 1
if step mail-pipeline mail-pipeline "${mvn[@]}" verify; then
    step mail-pipeline-run mail-pipeline prints_summary "${mvn[@]}" exec:java
fi
step client-core client-core "${mvn[@]}" compile exec:java
step producer-cookbook producer-cookbook "${mvn[@]}" compile exec:java
step multi-node multi-node "${mvn[@]}" compile exec:java
step kamelets kamelets "${mvn[@]}" compile exec:java
if step spring-boot spring-boot "${mvn[@]}" verify; then
    step spring-boot-jar spring-boot timeout 120 java -jar target/camel-imap4-example-spring-boot-0.1.0-SNAPSHOT.jar \
        --server.port=0 --camel.main.duration-max-seconds=5
fi
if step quarkus quarkus "${mvn[@]}" package; then
    step quarkus-jar quarkus timeout 120 java -Dcamel.main.duration-max-seconds=5 -jar target/quarkus-app/quarkus-run.jar
fi

if ((${#failed[@]})); then
    echo "failed: ${failed[*]}"
    exit 1
fi
