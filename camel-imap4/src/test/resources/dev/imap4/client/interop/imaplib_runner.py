"""Runs differential.steps through Python's imaplib and prints each result for comparison.

usage: python3 imaplib_runner.py STEPS_FILE PREFIX HOST PORT USER PASSWORD
       python3 imaplib_runner.py STEPS_FILE PREFIX --stream COMMAND

PREFIX is where the test folders live ('' or 'INBOX.'); with --stream, imaplib's IMAP4_stream runs
COMMAND, a preauthenticated server on stdin/stdout, and logs nobody in.

For every step it prints 'STEP <n> <method>', then either 'TYPE <typ>' followed by one line per
data item, or 'ERROR <kind> <base64 message>', then 'END'. Data items: 'NONE' (None),
'LINE <base64>' (bytes), 'PAIR <base64> <base64>' (a (header, literal) tuple), and 'LIST' ...
'ENDLIST' around a nested list (getquotaroot). Error kinds: readonly, abort, error (imaplib's
exception classes), or the Python class name of anything else.
"""
import base64
import imaplib
import re
import sys

# a LIST line: (attributes) delimiter name
LIST_LINE = re.compile(r'^\(.*?\) (?:NIL|"(?:[^"\\]|\\.)*") (.*)$')


def b64(value):
    if isinstance(value, str):
        value = value.encode("utf-8")
    return base64.b64encode(value).decode("ascii")


def emit_items(items, out):
    for item in items:
        if item is None:
            out.append("NONE")
        elif isinstance(item, tuple):
            out.append("PAIR %s %s" % (b64(item[0]), b64(item[1])))
        elif isinstance(item, list):
            out.append("LIST")
            emit_items(item, out)
            out.append("ENDLIST")
        else:
            out.append("LINE " + b64(item))


def convert(method, args):
    args = [None if a == "None" else a for a in args]
    if method == "select" and len(args) > 1:
        args[1] = args[1] == "True"
    if method == "append":
        args[3] = args[3].replace("\\r\\n", "\r\n").encode("utf-8")
    return args


def clean(m, prefix):
    """Deletes whatever an earlier run left below 'diff' (children first)."""
    typ, data = m.list('""', prefix + "diff*")
    names = []
    for line in data:
        if line:
            names.append(LIST_LINE.match(line.decode("utf-8")).group(1))
    for name in sorted(names, key=len, reverse=True):
        if name.isascii():
            m.delete(name)   # as LIST wrote it: quoted when it holds a space
        else:
            # a server that took a UTF-8 name (imap4d, Courier) lists it as UTF-8: send a literal
            m.literal = name.strip('"').encode("utf-8")
            m._simple_command("DELETE")


def main():
    steps_file, prefix = sys.argv[1:3]
    if sys.argv[3] == "--stream":
        m = imaplib.IMAP4_stream(sys.argv[4])
    else:
        host, port, user, password = sys.argv[3:7]
        m = imaplib.IMAP4(host, int(port))
        m.login(user, password)
    clean(m, prefix)
    out = []
    with open(steps_file, encoding="utf-8") as f:
        steps = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    for n, step in enumerate(steps):
        method, args = step[0], convert(step[0], step[1:])
        out.append("STEP %d %s" % (n, method))
        try:
            typ, data = getattr(m, method)(*args)
            out.append("TYPE " + typ)
            emit_items(data, out)
        except imaplib.IMAP4.readonly as e:
            out.append("ERROR readonly " + b64(str(e)))
        except imaplib.IMAP4.abort as e:
            out.append("ERROR abort " + b64(str(e)))
        except imaplib.IMAP4.error as e:
            out.append("ERROR error " + b64(str(e)))
        except Exception as e:  # the step failed in imaplib itself; that is a result too
            out.append("ERROR %s %s" % (type(e).__name__, b64(str(e))))
        out.append("END")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
