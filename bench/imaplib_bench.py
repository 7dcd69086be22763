#!/usr/bin/env python3
"""imaplib on the same folder: bulk (one UID FETCH 1:* (BODY.PEEK[])) or one message at a time
(UID SEARCH ALL, then one UID FETCH per UID). Connect, LOGIN, SELECT and LOGOUT are timed too.

usage: imaplib_bench.py bulk|each HOST PORT USER PASSWORD FOLDER EXPECTED [WARMUPS RUNS] [--tls]
Prints: RESULT imaplib-<mode> FOLDER median_ms=... runs_ms=... items=... bytes=... cpu_ms=...
(cpu_ms: the median CPU time of the process per run)
"""
import imaplib
import ssl
import statistics
import sys
import time


def run(mode, host, port, user, password, folder, tls):
    if tls:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        m = imaplib.IMAP4_SSL(host, port, ssl_context=ctx)
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
    tls = "--tls" in argv
    argv = [a for a in argv if a != "--tls"]
    mode, host, port, user, password, folder, expected = argv[:7]
    warmups = int(argv[7]) if len(argv) > 7 else 1
    runs = int(argv[8]) if len(argv) > 8 else 3
    for _ in range(warmups):
        run(mode, host, int(port), user, password, folder, tls)
    times = []
    cpu = []
    for _ in range(runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        items, total = run(mode, host, int(port), user, password, folder, tls)
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
