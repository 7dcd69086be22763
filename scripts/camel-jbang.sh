#!/usr/bin/env bash
# Runs the Kamelets with Camel JBang, as docs/kamelets.md shows it:
#
#   camel run archive.camel.yaml --dep dev.imap4:camel-imap4:VERSION
#
# against a throwaway Dovecot (implicit TLS, its certificate trusted through trustCertificates),
# and checks that every message of INBOX was appended to Archive exactly once. Camel JBang's CLI
# (camel-jbang-core) is taken from Maven Central and started with plain java, as the jbang
# launcher would; the component must be installed in the local Maven repository first
# (mvn -B -q install -DskipTests at the root).
#
#   scripts/camel-jbang.sh
#
# Env: CAMEL_JBANG_VERSION (4.17.0: the newest camel-jbang-core on Maven Central; 4.18.0 is not
#      published there), IMAP4_JBANG_COUNT=40 messages, MAVEN_REPO_LOCAL (a local repository other
#      than ~/.m2/repository, for Maven and Camel JBang alike), IMAP4_IT_DOVECOT_PORT and
#      IMAP4_IT_DOVECOT_TLS_PORT (dovecot.sh), IMAP4_IT_KEEP=1 keeps the directory.
# Needs dovecot-imapd, openssl, python3 and Maven; as root, like scripts/interop.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/.." && pwd -P)
JBANG_VERSION=${CAMEL_JBANG_VERSION:-4.17.0}
COUNT=${IMAP4_JBANG_COUNT:-40}
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -n 1)
REPO_ARGS=()
JAVA_REPO=()
if [[ -n ${MAVEN_REPO_LOCAL:-} ]]; then
    REPO_ARGS=(-Dmaven.repo.local="$MAVEN_REPO_LOCAL")
    JAVA_REPO=(-Dmaven.repo.local="$MAVEN_REPO_LOCAL")
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/imap4-jbang.XXXXXX")
chmod 755 "$WORK"
DOVECOT_STARTED=

cleanup() {
    [[ -n $DOVECOT_STARTED ]] && { "$HERE/dovecot.sh" stop "$WORK/dovecot" || echo "camel-jbang.sh: could not stop dovecot" >&2; }
    if [[ ${IMAP4_IT_KEEP:-} == 1 ]]; then echo "camel-jbang.sh: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the CLI's class path, and the launcher the jbang script would be
cat >"$WORK/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>camel-jbang-classpath</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-jbang-core</artifactId><version>$JBANG_VERSION</version></dependency>
  </dependencies>
</project>
EOF
mvn -B -q -f "$WORK/pom.xml" "${REPO_ARGS[@]}" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
mkdir -p "$WORK/launcher"
cat >"$WORK/launcher/CamelJBang.java" <<'EOF'
public class CamelJBang {
    public static void main(String... args) {
        org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args);
    }
}
EOF

# a Dovecot with COUNT messages in user1's INBOX and an empty Archive
"$HERE/dovecot.sh" start "$WORK/dovecot" >/dev/null
DOVECOT_STARTED=1
"$HERE/dovecot.sh" populate "$WORK/dovecot" user1 "$COUNT" 2000 >/dev/null
TLS_PORT=$(sed -n 's/^tls.port=//p' "$WORK/dovecot/server.properties")
CERT="$WORK/dovecot/tls/cert.pem"
imap() { # python3 imaplib over verified TLS as user1: prints what the code given as $1 prints
    python3 - "$TLS_PORT" "$CERT" "$1" <<'EOF'
import imaplib, ssl, sys
port, cafile, code = int(sys.argv[1]), sys.argv[2], sys.argv[3]
m = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=ssl.create_default_context(cafile=cafile))
m.login("user1", "pass1")
def ids(folder):
    m.select(folder, readonly=True)
    typ, data = m.uid("SEARCH", None, "ALL")
    uids = data[0].split()
    out = []
    for u in uids:
        typ, d = m.uid("FETCH", u, "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        out.append(d[0][1].decode().strip())
    return out
exec(code)
m.logout()
EOF
}
imap 'm.create("Archive")' >/dev/null

# the route and its properties, as a user would write them
mkdir -p "$WORK/app"
cat >"$WORK/app/archive.camel.yaml" <<'EOF'
- route:
    id: archive
    from:
      uri: kamelet:imap4-source
      parameters:
        host: 127.0.0.1
        port: "{{imap.port}}"
        username: user1
        password: "RAW({{imap.password}})"
        trustCertificates: "{{imap.cert}}"
        delay: 500
      steps:
        - to:
            uri: kamelet:imap4-sink
            parameters:
              host: 127.0.0.1
              port: "{{imap.port}}"
              username: user1
              password: "RAW({{imap.password}})"
              trustCertificates: "{{imap.cert}}"
              folder: Archive
EOF
cat >"$WORK/app/application.properties" <<EOF
imap.port=$TLS_PORT
imap.cert=$CERT
imap.password=pass1
EOF

echo "camel-jbang.sh: camel run archive.camel.yaml --dep dev.imap4:camel-imap4:$VERSION (Camel JBang $JBANG_VERSION)"
set +e
(cd "$WORK/app" && timeout 300 java "${JAVA_REPO[@]}" -cp "$(cat "$WORK/classpath.txt")" "$WORK/launcher/CamelJBang.java" \
    run archive.camel.yaml --dep "dev.imap4:camel-imap4:$VERSION" --properties=application.properties \
    --max-idle-seconds=10 --max-seconds=240) >"$WORK/camel.log" 2>&1
status=$?
set -e
if ((status != 0)); then
    echo "camel-jbang.sh: camel run exited with $status; end of its output:" >&2
    tail -n 60 "$WORK/camel.log" >&2
    exit 1
fi

result=$(imap '
inbox, archive = ids("INBOX"), ids("Archive")
print(len(archive), len(set(archive)), len(inbox), int(sorted(archive) == sorted(inbox)))')
read -r archived distinct inbox same <<<"$result"
echo "camel-jbang.sh: INBOX $inbox, Archive $archived ($distinct distinct), same messages: $same"
if [[ $archived != "$COUNT" || $distinct != "$COUNT" || $inbox != "$COUNT" || $same != 1 ]]; then
    echo "camel-jbang.sh: expected each of the $COUNT messages in Archive exactly once; end of camel's output:" >&2
    tail -n 60 "$WORK/camel.log" >&2
    exit 1
fi
if grep -q "pass1" "$WORK/camel.log"; then
    echo "camel-jbang.sh: the password appears in Camel's output" >&2
    exit 1
fi
echo "camel-jbang.sh: ok"
