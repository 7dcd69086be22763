#!/usr/bin/env python3
"""Writes realistic, deterministic test messages into a mailbox.

usage:
  populate.py maildir FOLDER_DIR COUNT SIZE LABEL [FIRST_NO]
      writes COUNT files straight into the Maildir folder FOLDER_DIR/cur (Dovecot picks them up)
  populate.py append HOST PORT USER PASSWORD FOLDER COUNT SIZE [FIRST_NO]
      sends them with MULTIAPPEND (RFC 3502) and LITERAL+ in batches over a plain connection

Each message aims at SIZE bytes (+-5%) with Return-Path, Received, From, To, sometimes Cc,
Subject "Message <n> ...", Date, Message-ID <n.SIZE.LABEL@populate.example.org>, MIME-Version.
About a fifth are replies (In-Reply-To/References to a recent message), so THREAD finds threads;
from 1500 bytes up, every third message is multipart/mixed with a base64 PDF attachment.
Content and dates depend only on COUNT, SIZE, LABEL and FIRST_NO: dates spread over the year
before POPULATE_EPOCH (default 2025-01-01T00:00:00Z), so two runs produce the same messages.
"""
import base64
import os
import random
import socket
import sys
import textwrap
import time

WORDS = ("the of and to in is was for on that with as by at from this be are have it an or not "
         "which but had they you were their one all we can her has there been if more when will "
         "invoice shipment quarterly report meeting agenda project deadline review budget server "
         "deploy release migration customer support ticket priority update status follow please "
         "regards thanks team schedule tomorrow monday friday office contract payment delivery").split()
NAMES = ["Alice Example", "Bob Builder", "Carol Jones", "Dave Miller", "Eve Adams", "Frank Wright",
         "Grace Hopper", "Heidi Weber", "Ivan Petrov", "Judy Garland"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class Generator:
    def __init__(self, count, size, label, first_no):
        self.count, self.size, self.label, self.first_no = count, size, label, first_no
        self.rnd = random.Random("%d/%d/%s/%d" % (count, size, label, first_no))
        paras = []
        for _ in range(400):
            s = " ".join(self.rnd.choice(WORDS) for _ in range(self.rnd.randint(25, 90)))
            paras.append(textwrap.fill(s[0].upper() + s[1:] + ".", 72))
        self.text_pool = "\n\n".join(paras).split("\n")
        # 57 bytes per 76-character line, no padding: any run of whole lines is valid base64
        self.b64_pool = base64.encodebytes(self.rnd.randbytes(57 * 20000)).decode().split("\n")[:-1]
        epoch = int(os.environ.get("POPULATE_EPOCH", "1735689600"))
        self.t0 = epoch - 365 * 86400
        self.step = max(1, 365 * 86400 // max(count, 1))
        self.ids = []

    def lines(self, pool, nbytes):
        out, got, i = [], 0, self.rnd.randrange(len(pool))
        while not pool[i % len(pool)]:
            i += 1
        while got < nbytes:
            line = pool[i % len(pool)]
            out.append(line)
            got += len(line) + 1
            i += 1
        return "\n".join(out)

    def addr(self, i):
        n = NAMES[i % len(NAMES)]
        return '"%s" <%s@example.org>' % (n, n.split()[0].lower())

    def message(self, k):
        """(timestamp, bytes with CRLF line ends) of message number k (0-based)."""
        rnd, no = self.rnd, self.first_no + k + 1
        ts = self.t0 + k * self.step
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(ts))
        msgid = "<%d.%d.%s@populate.example.org>" % (no, self.size, self.label)
        reply = bool(self.ids) and rnd.random() < 0.2
        hdr = ["Return-Path: <%s@example.org>" % NAMES[no % len(NAMES)].split()[0].lower(),
               "Received: from mx.example.org (mx.example.org [192.0.2.%d])\n\tby imap.example.net"
               " with ESMTPS id %08X; %s" % (no % 250 + 1, no, date),
               "From: " + self.addr(no), "To: " + self.addr(no + 3)]
        if no % 4 == 0:
            hdr.append("Cc: " + self.addr(no + 5))
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 8)))
        hdr += ["Subject: %sMessage %d %s" % ("Re: " if reply else "", no, words),
                "Date: " + date, "Message-ID: " + msgid]
        if reply:
            parent = rnd.choice(self.ids[-50:])
            hdr += ["In-Reply-To: " + parent, "References: " + parent]
        hdr.append("MIME-Version: 1.0")
        head = "\n".join(hdr) + "\n"
        target = int(self.size * rnd.uniform(0.95, 1.05))
        if self.size >= 1500 and no % 3 == 0:
            boundary = "=_part_%d_%08x" % (no, rnd.getrandbits(32))
            room = max(300, target - len(head) - 400)
            body = ('Content-Type: multipart/mixed; boundary="%s"\n\n'
                    "This is a multi-part message in MIME format.\n\n"
                    "--%s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n"
                    "%s\n\n--%s\nContent-Type: application/pdf; name=\"report-%d.pdf\"\n"
                    "Content-Transfer-Encoding: base64\n"
                    "Content-Disposition: attachment; filename=\"report-%d.pdf\"\n\n%s\n--%s--\n") % (
                boundary, boundary, self.lines(self.text_pool, room // 4), boundary, no, no,
                self.lines(self.b64_pool, room - room // 4), boundary)
        else:
            body = ("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n"
                    + self.lines(self.text_pool, max(10, target - len(head) - 80)) + "\n")
        self.ids.append(msgid)
        return ts, (head + body).replace("\n", "\r\n").encode()


def internaldate(ts):
    t = time.gmtime(ts)
    return '"%02d-%s-%04d %02d:%02d:%02d +0000"' % (t.tm_mday, MONTHS[t.tm_mon - 1], t.tm_year,
                                                   t.tm_hour, t.tm_min, t.tm_sec)


def to_maildir(folder_dir, count, size, label, first_no):
    gen = Generator(count, size, label, first_no)
    cur = os.path.join(folder_dir, "cur")
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(folder_dir, sub), exist_ok=True)
    host = socket.gethostname().replace("/", "_").replace(":", "_")
    for k in range(count):
        ts, data = gen.message(k)
        # Maildir stores LF; S= is the file size, W= the size over IMAP (CRLF), so Dovecot
        # never reads a file to learn its size. Dovecot gives UIDs in file name order.
        lf = data.replace(b"\r\n", b"\n")
        name = "%d.M%06dP%d.%s,S=%d,W=%d:2," % (ts, k, os.getpid(), host, len(lf), len(data))
        path = os.path.join(cur, name)
        with open(path, "wb") as f:
            f.write(lf)
        os.utime(path, (ts, ts))          # the Maildir INTERNALDATE is the file's mtime


def read_line(f):
    line = f.readline()
    if not line:
        raise SystemExit("populate.py: server closed the connection")
    return line


def command(f, tag, line):
    f.write(tag + b" " + line + b"\r\n")
    f.flush()
    while True:
        resp = read_line(f)
        if resp.startswith(tag + b" "):
            return resp


def to_imap(host, port, user, password, folder, count, size, first_no, batch=500):
    gen = Generator(count, size, folder.replace("/", "-"), first_no)
    sock = socket.create_connection((host, port), timeout=120)
    f = sock.makefile("rwb")
    read_line(f)
    quoted = lambda s: b'"' + s.encode().replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'
    resp = command(f, b"p1", b"LOGIN " + quoted(user) + b" " + quoted(password))
    if b" OK" not in resp[:6]:
        raise SystemExit("populate.py: LOGIN failed: %r" % resp)
    command(f, b"p2", b"CREATE " + quoted(folder))   # NO when it exists; APPEND tells the rest
    appended = []   # UID sets from APPENDUID (RFC 4315), to take a failed run back
    try:
        append_batches(f, gen, quoted(folder), count, batch, appended)
    except BaseException:
        if appended:   # all or nothing: a retry after a failure must not double the folder
            undo(f, quoted(folder), b",".join(appended))
        raise
    command(f, b"p4", b"LOGOUT")
    sock.close()


def undo(f, folder, uids):
    try:
        command(f, b"p5", b"SELECT " + folder)
        command(f, b"p6", b"UID STORE " + uids + b" +FLAGS.SILENT (\\Deleted)")
        resp = command(f, b"p7", b"UID EXPUNGE " + uids)
        sys.stderr.write("populate.py: the messages appended before the failure were removed: %r\n" % resp)
    except (OSError, SystemExit) as e:
        sys.stderr.write("populate.py: could not remove the messages appended before the failure"
                         " (UIDs %s): %s\n" % (uids.decode(), e))


def append_batches(f, gen, folder, count, batch, appended):
    n = 0
    for start in range(0, count, batch):
        parts = [b"p3 APPEND " + folder]
        for k in range(start, min(count, start + batch)):
            ts, data = gen.message(k)
            parts.append(b" () " + internaldate(ts).encode() + b" {%d+}\r\n" % len(data) + data)
        f.write(b"".join(parts) + b"\r\n")
        f.flush()
        while True:
            resp = read_line(f)
            if resp.startswith(b"p3 "):
                break
        if not resp.startswith(b"p3 OK"):
            raise SystemExit("populate.py: APPEND failed after %d messages: %r" % (n, resp))
        code = resp.split(b"[APPENDUID ", 1)
        if len(code) < 2:
            raise SystemExit("populate.py: the server sent no APPENDUID, so a failure could not be undone")
        appended.append(code[1].split(b"]", 1)[0].split(b" ")[1])
        n = min(count, start + batch)


def main(argv):
    if len(argv) >= 5 and argv[0] == "maildir":
        to_maildir(argv[1], int(argv[2]), int(argv[3]), argv[4], int(argv[5]) if len(argv) > 5 else 0)
    elif len(argv) >= 8 and argv[0] == "append":
        to_imap(argv[1], int(argv[2]), argv[3], argv[4], argv[5], int(argv[6]), int(argv[7]),
                int(argv[8]) if len(argv) > 8 else 0)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
