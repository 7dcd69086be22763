#!/usr/bin/env python3
"""imaplib on the same folder: bulk (one UID FETCH 1:* (BODY.PEEK[])) or one message at a time
(UID SEARCH ALL, then one UID FETCH per UID). Connect, LOGIN, SELECT and LOGOUT are timed too.

usage: imaplib_bench.py bulk|each HOST PORT USER PASSWORD FOLDER EXPECTED [WARMUPS RUNS] [--tls=CAFILE]
Prints: RESULT imaplib-<mode> FOLDER median_ms=... runs_ms=... items=... bytes=... cpu_ms=...
(cpu_ms: the median CPU time of the process per run)

--tls=CAFILE: IMAP4_SSL, the server's certificate verified against CAFILE (the throwaway server's
self-signed certificate) and its host name checked; OpenSSL's default protocols and suites. A line
"# tls ..." gives the protocol and suite negotiated.
"""
import imaplib
import ssl
import statistics
import sys
import time


noted = False


def run(mode, host, port, user, password, folder, cafile):
    global noted
    if cafile:
        ctx = ssl.create_default_context(cafile=cafile)  # CERT_REQUIRED, check_hostname
        m = imaplib.IMAP4_SSL(host, port, ssl_context=ctx)
        if not noted:
            noted = True
            print("# tls imaplib-%s-tls: %s %s (%s)" % (mode, m.sock.version(), m.sock.cipher()[0],
                                                        ssl.OPENSSL_VERSION))
    else:
        m = imaplib.IMAP4(host, port)
    m.login(user, password)
    m.select(folder)
    items = total = 0
    if mode == "bulk":
        typ, data = m.uid("FETCH", "1:*", "(BODY.PEEK[])")
        for part in data:
            if isinstance(part, tuple):
                items += 1
                total += len(part[1])
    else:
        typ, data = m.uid("SEARCH", None, "ALL")
        for uid in data[0].split():
            typ, d = m.uid("FETCH", uid, "(BODY.PEEK[])")
            items += 1
            total += len(d[0][1])
    m.logout()
    return items, total


def main(argv):
    cafile = next((a[len("--tls="):] for a in argv if a.startswith("--tls=")), None)
    tls = cafile is not None
    argv = [a for a in argv if not a.startswith("--tls=")]
    mode, host, port, user, password, folder, expected = argv[:7]
    warmups = int(argv[7]) if len(argv) > 7 else 1
    runs = int(argv[8]) if len(argv) > 8 else 3
    for _ in range(warmups):
        run(mode, host, int(port), user, password, folder, cafile)
    times = []
    cpu = []
    for _ in range(runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        items, total = run(mode, host, int(port), user, password, folder, cafile)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        if items != int(expected):
            raise SystemExit("read %d messages, expected %s" % (items, expected))
    name = "imaplib-" + mode + ("-tls" if tls else "")
    print("RESULT %s %s median_ms=%.1f runs_ms=%s items=%d bytes=%d cpu_ms=%.1f" % (
        name, folder, statistics.median(times), ",".join("%.1f" % t for t in times), items, total,
        statistics.median(cpu)))


if __name__ == "__main__":
    main(sys.argv[1:])
