package dev.imap4.client.interop;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapResult;
import dev.imap4.client.ImapUtil;
import dev.imap4.client.QuotaRootResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the steps of {@code differential.steps} through the raw {@link Imap4} API, the method of
 * the same name as imaplib's, and records each outcome as {@code imaplib_runner.py} does.
 */
final class JavaStepRunner {

    /** One line of the sequence: an imaplib method name and its arguments. */
    record Step(String method, List<String> args) {
        static Step parse(String line) {
            String[] p = line.split("\t", -1);
            return new Step(p[0], List.of(p).subList(1, p.length));
        }

        @Override
        public String toString() {
            return method + (args.isEmpty() ? "" : " " + String.join(" ", args)).replaceAll("\\\\r\\\\n.*", "...");
        }
    }

    private final Imap4 m;

    JavaStepRunner(Imap4 m) {
        this.m = m;
    }

    /** A LIST line: (attributes) delimiter name. */
    private static final Pattern LIST_LINE = Pattern.compile("^\\(.*?\\) (?:NIL|\"(?:[^\"\\\\]|\\\\.)*\") (.*)$");

    /**
     * Deletes whatever an earlier run left below {@code prefix + "diff"}, children first, as the
     * Python runner does.
     */
    void clean(String prefix) {
        List<String> names = new ArrayList<>();
        for (String line : m.list("\"\"", prefix + "diff*").texts()) {
            if (line != null) {
                Matcher lm = LIST_LINE.matcher(line);
                if (!lm.matches()) {
                    throw new IllegalStateException("not a LIST line: " + line);
                }
                names.add(lm.group(1));
            }
        }
        names.sort((a, b) -> b.length() - a.length());
        names.forEach(m::delete);
    }

    Outcome run(Step s) {
        try {
            return s.method().equals("getquotaroot") ? quotaRoot(m.getquotaroot(arg(s, 0))) : Outcome.of(call(s));
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }

    private static Outcome quotaRoot(QuotaRootResult r) {
        return new Outcome(r.type(), List.of(Outcome.items(r.quotaRoot()), Outcome.items(r.quota())), null, null);
    }

    private ImapResult call(Step s) {
        return switch (s.method()) {
            case "append" -> m.append(arg(s, 0), arg(s, 1), ImapUtil.parseInternalDate(arg(s, 2)),
                    arg(s, 3).replace("\\r\\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            case "capability" -> m.capability();
            case "check" -> m.check();
            case "close" -> m.close();
            case "copy" -> m.copy(arg(s, 0), arg(s, 1));
            case "create" -> m.create(arg(s, 0));
            case "delete" -> m.delete(arg(s, 0));
            case "deleteacl" -> m.deleteacl(arg(s, 0), arg(s, 1));
            case "enable" -> m.enable(arg(s, 0));
            case "expunge" -> m.expunge();
            case "fetch" -> m.fetch(arg(s, 0), arg(s, 1));
            case "getacl" -> m.getacl(arg(s, 0));
            case "getquota" -> m.getquota(arg(s, 0));
            case "list" -> m.list(arg(s, 0), arg(s, 1));
            case "logout" -> m.logout();
            case "lsub" -> m.lsub(arg(s, 0), arg(s, 1));
            case "myrights" -> m.myrights(arg(s, 0));
            case "namespace" -> m.namespace();
            case "noop" -> m.noop();
            case "partial" -> m.partial(arg(s, 0), arg(s, 1), Long.parseLong(arg(s, 2)), Long.parseLong(arg(s, 3)));
            case "proxyauth" -> m.proxyauth(arg(s, 0));
            case "recent" -> m.recent();
            case "rename" -> m.rename(arg(s, 0), arg(s, 1));
            case "response" -> m.response(arg(s, 0));
            case "search" -> m.search(arg(s, 0), rest(s, 1));
            case "select" -> m.select(arg(s, 0), s.args().size() > 1 && "True".equals(arg(s, 1)));
            case "setacl" -> m.setacl(arg(s, 0), arg(s, 1), arg(s, 2));
            case "setquota" -> m.setquota(arg(s, 0), arg(s, 1));
            case "sort" -> m.sort(arg(s, 0), arg(s, 1), rest(s, 2));
            case "status" -> m.status(arg(s, 0), arg(s, 1));
            case "store" -> m.store(arg(s, 0), arg(s, 1), arg(s, 2));
            case "subscribe" -> m.subscribe(arg(s, 0));
            case "thread" -> m.thread(arg(s, 0), arg(s, 1), rest(s, 2));
            case "uid" -> m.uid(arg(s, 0), rest(s, 1));
            case "unselect" -> m.unselect();
            case "unsubscribe" -> m.unsubscribe(arg(s, 0));
            case "xatom" -> m.xatom(arg(s, 0), rest(s, 1));
            default -> throw new IllegalArgumentException("no Java counterpart for step " + s);
        };
    }

    private static String arg(Step s, int i) {
        String a = s.args().get(i);
        return a.equals("None") ? null : a;
    }

    private static String[] rest(Step s, int from) {
        return s.args().subList(from, s.args().size()).toArray(new String[0]);
    }
}
