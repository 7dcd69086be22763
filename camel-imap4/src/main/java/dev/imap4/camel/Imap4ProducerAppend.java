package dev.imap4.camel;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.AppendMessage;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.NumberSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;

/**
 * The producer's APPEND. A body holding one message is appended as it is; a {@code List}, array or
 * other {@code Iterable} of messages is appended in one command with RFC 3502 MULTIAPPEND (all or
 * none) when the server offers it, else with one APPEND per message in body order. Each message is
 * a {@code byte[]}, {@code String}, stream, {@code MimeMessage} (anything that converts to bytes), or
 * a typed {@link AppendMessage} carrying its own flags and date (CATENATE too); the others take
 * {@code CamelImap4Flags} and {@code CamelImap4InternalDate}. A {@code Path} is streamed from its
 * file. A stream is read once into the
 * exchange's store (on the heap up to 1 MiB in all, else a temporary file), never whole into
 * memory, and stops as soon as it passes the folder's APPENDLIMIT. Every message is checked
 * against APPENDLIMIT before anything is sent.
 */
final class Imap4ProducerAppend {

    private Imap4ProducerAppend() {
    }

    static Object append(ImapClient client, String folder, Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body == null) {
            throw new IllegalArgumentException("APPEND needs the message in the body");
        }
        List<String> flags = flags(in.getHeader(Imap4Constants.FLAGS));
        ZonedDateTime date = internalDate(in, exchange);
        in.removeHeader(Imap4Constants.APPEND_UIDS);
        in.removeHeader(Imap4Constants.APPEND_UID_VALIDITY);
        in.setHeader(Imap4Constants.APPENDED_COUNT, 0);
        Iterable<?> batch = batch(body);
        if (batch == null) {
            AppendUid uid = single(client, folder, flags, date, body, exchange);
            in.setHeader(Imap4Constants.APPENDED_COUNT, 1);
            setUids(in, uid, 1);
            return uid;
        }
        List<AppendMessage> messages = messages(client, folder, flags, date, batch, exchange);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("APPEND got an empty " + body.getClass().getSimpleName()
                    + " of messages: nothing to append");
        }
        if (messages.size() == 1 || client.capabilities().has("MULTIAPPEND")) {
            AppendUid uid = client.append(folder, messages);
            in.setHeader(Imap4Constants.APPENDED_COUNT, messages.size());
            setUids(in, uid, messages.size());
            return uid;
        }
        return oneByOne(client, folder, messages, in);
    }

    private static AppendUid single(ImapClient client, String folder, List<String> flags, ZonedDateTime date,
            Object body, Exchange exchange) throws Exception {
        return client.append(folder, List.of(message(body, 1, folder, flags, date, client.appendLimit(folder),
                new Imap4PartStore(exchange), exchange)));
    }

    /** Without MULTIAPPEND: one APPEND each, in order; a failure says which messages went in first. */
    private static AppendUid oneByOne(ImapClient client, String folder, List<AppendMessage> messages, Message in) {
        List<Long> uids = new ArrayList<>();
        Long validity = null;
        boolean known = true;
        for (int i = 0; i < messages.size(); i++) {
            AppendUid one;
            try {
                one = client.append(folder, List.of(messages.get(i)));
            } catch (Imap4Exception e) {
                in.setHeader(Imap4Constants.APPENDED_COUNT, i);
                if (known && !uids.isEmpty()) {
                    in.setHeader(Imap4Constants.APPEND_UIDS, List.copyOf(uids));
                    in.setHeader(Imap4Constants.APPEND_UID_VALIDITY, validity);
                }
                if (i > 0 && e instanceof Imap4CommandException refused && client.lastResponse() != null) {
                    throw new Imap4PartialAppendException(refused, client.lastResponse(), i, messages.size(), folder,
                            known ? uids : null);
                }
                throw e;
            }
            // one answer without APPENDUID, or a UIDVALIDITY change between them, and no UID list is reliable
            known = known && one != null && count(one.uids()) == 1
                    && (validity == null || validity == one.uidValidity());
            if (known) {
                uids.add(one.uid());
                validity = one.uidValidity();
            }
        }
        in.setHeader(Imap4Constants.APPENDED_COUNT, messages.size());
        if (!known) {
            return null;
        }
        in.setHeader(Imap4Constants.APPEND_UIDS, List.copyOf(uids));
        in.setHeader(Imap4Constants.APPEND_UID_VALIDITY, validity);
        return new AppendUid(validity, NumberSet.uids(uids));
    }

    // RFC 4315 §3: after MULTIAPPEND the UIDs are in the order of the messages
    private static void setUids(Message in, AppendUid uid, int messages) {
        if (uid == null || count(uid.uids()) != messages) {
            return;
        }
        in.setHeader(Imap4Constants.APPEND_UIDS, uid.uids().toList());
        in.setHeader(Imap4Constants.APPEND_UID_VALIDITY, uid.uidValidity());
    }

    // the number of UIDs in the set, counted by ranges so that a hostile 1:4294967295 is never expanded
    private static long count(NumberSet set) {
        long n = 0;
        for (NumberSet.Range r : set.ranges()) {
            if (r.from() <= 0 || r.to() <= 0) {
                return -1;
            }
            n += Math.abs(r.to() - r.from()) + 1;
        }
        return n;
    }

    /** The messages of a batch body, or null when the body is one message. */
    private static Iterable<?> batch(Object body) {
        if (body instanceof Object[] a) {
            return Arrays.asList(a);
        }
        // a Path is Iterable (over its name elements) but is one message, read from the file
        if (body instanceof Iterable<?> i && !(body instanceof Path)) {
            return i;
        }
        return null;
    }

    private static List<AppendMessage> messages(ImapClient client, String folder, List<String> flags,
            ZonedDateTime date, Iterable<?> batch, Exchange exchange) throws IOException {
        Long limit = client.appendLimit(folder);
        Imap4PartStore store = new Imap4PartStore(exchange);
        List<AppendMessage> out = new ArrayList<>();
        for (Object element : batch) {
            int n = out.size() + 1;
            AppendMessage m = message(element, n, folder, flags, date, limit, store, exchange);
            if (limit != null && m.literalBytes() > limit) {
                throw tooLarge(n, m.literalBytes() + " bytes", limit, folder);
            }
            out.add(m);
        }
        return out;
    }

    private static AppendMessage message(Object element, int n, String folder, List<String> flags,
            ZonedDateTime date, Long limit, Imap4PartStore store, Exchange exchange) throws IOException {
        if (element == null) {
            throw new IllegalArgumentException("APPEND message " + n + " of the body is null");
        }
        if (element instanceof AppendMessage m) {
            return m;
        }
        if (element instanceof byte[] bytes) {
            return AppendMessage.of(flags, date, bytes);
        }
        if (element instanceof StreamCache cache && cache.length() > 0) {
            return AppendMessage.of(flags, date, cache.length(), () -> {
                cache.reset();
                return exchange.getContext().getTypeConverter().convertTo(InputStream.class, exchange, cache);
            });
        }
        if (element instanceof Path file) {
            long size = Files.size(file);
            return AppendMessage.of(flags, date, size, () -> {
                try {
                    return Files.newInputStream(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("APPEND cannot read " + file, e);
                }
            });
        }
        if (element instanceof InputStream stream) {
            StreamCache kept = store.store(stream, limit == null ? 0 : limit);
            if (kept == null) {
                throw tooLarge(n, "more than " + limit + " bytes", limit, folder);
            }
            InputStream reader = (InputStream) kept;
            return AppendMessage.of(flags, date, kept.length(), () -> {
                kept.reset();
                return reader;
            });
        }
        byte[] bytes = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, element);
        if (bytes == null) {
            throw new IllegalArgumentException("APPEND message " + n + " of the body is a "
                    + element.getClass().getName() + ", which does not convert to bytes; give byte[], String,"
                    + " InputStream, MimeMessage or AppendMessage");
        }
        return AppendMessage.of(flags, date, bytes);
    }

    private static Imap4Exception tooLarge(int n, String size, long limit, String folder) {
        return new Imap4Exception("APPEND message " + n + " of the body has " + size + ", above the server's"
                + " APPENDLIMIT of " + limit + " bytes for '" + folder + "' (RFC 7889); nothing was sent");
    }

    static List<String> flags(Object header) {
        if (header == null) {
            return List.of();
        }
        if (header instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            c.forEach(f -> out.add(String.valueOf(f)));
            return out;
        }
        if (header instanceof CharSequence s) {
            return Imap4ProducerCommands.items(List.of(s.toString()), 0);
        }
        throw new IllegalArgumentException("CamelImap4Flags holds a " + header.getClass().getName()
                + "; give a List of flags or a String such as \"(\\\\Seen \\\\Flagged)\"");
    }

    private static ZonedDateTime internalDate(Message in, Exchange exchange) {
        Object value = in.getHeader(Imap4Constants.INTERNAL_DATE);
        if (value == null || value instanceof ZonedDateTime) {
            return (ZonedDateTime) value;
        }
        ZonedDateTime date = exchange.getContext().getTypeConverter().tryConvertTo(ZonedDateTime.class, exchange,
                value);
        if (date == null) {
            throw new IllegalArgumentException("CamelImap4InternalDate holds a " + value.getClass().getName()
                    + " that is not a date; give a java.time.ZonedDateTime");
        }
        return date;
    }
}
