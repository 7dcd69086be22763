package dev.imap4.camel;

import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.DefaultMessage;

/**
 * The message a consumed mail becomes. Its headers (the {@code CamelImap4*} headers of
 * {@link Imap4Constants} and the mail's own header fields) are filled in the first time anything
 * reads or writes a header, through Camel's {@link DefaultMessage#populateInitialHeaders} hook, as
 * camel-mail's {@code MailMessage} does: a route that never looks at a header costs no header
 * parsing and no header map. What a route sees is the same either way; {@link #uid()} gives the
 * consumer the UID without filling the headers.
 *
 * <p>The header section is read from the fetched bytes when the body holds them anyway (at most
 * {@link Imap4MailHeaders#MAX_HEADER_BYTES}); when the body went to a file (ours, or the one the
 * client spooled the message to, whose ownership passed to the body), only a copy of the header
 * section is kept. The fields are given ready-made only when built from an ENVELOPE.
 */
final class Imap4Message extends DefaultMessage {

    // the response's own values, not the response: it holds the literal, which the body may have left
    private final long uid;
    private final long sequence;
    private final List<String> flags;
    private final ZonedDateTime internalDate;
    private final Long size;
    private final Long modSeq;
    private final Envelope envelope;
    private final BodyStructure bodyStructure;
    private final long uidValidity;
    private final String folder;
    private final HeaderFilterStrategy filter;
    /** The whole message in memory (the body's own bytes), or a copy of its header section, or null. */
    private final byte[] raw;
    /** Whether {@code raw} ends where the message ends (else a last line without its line break was cut short). */
    private final boolean rawComplete;
    /** Fields read at mapping time (a spooled message, or the ENVELOPE), or null when {@code raw} is parsed. */
    private final List<Map.Entry<String, String>> fields;

    Imap4Message(Exchange exchange, FetchResponse response, long uidValidity, String folder, HeaderFilterStrategy filter,
            byte[] raw, boolean rawComplete, List<Map.Entry<String, String>> fields) {
        super(exchange);
        this.uid = response.uid();
        this.sequence = response.sequence();
        this.flags = response.flags() == null ? List.of() : response.flags();
        this.internalDate = response.internalDate();
        this.size = response.size();
        this.modSeq = response.modSeq();
        this.envelope = response.envelope();
        this.bodyStructure = response.bodyStructure();
        this.uidValidity = uidValidity;
        this.folder = folder;
        this.filter = filter;
        this.raw = raw;
        this.rawComplete = rawComplete;
        this.fields = fields;
    }

    /** The message's UID, without filling the headers. */
    long uid() {
        return uid;
    }

    /** How many bytes of the fetched message this message keeps for its headers (0 when read already or none). */
    int heldHeaderBytes() {
        return raw == null ? 0 : raw.length;
    }

    /** Whether anything has read or written a header yet (until then, none can have been changed). */
    boolean headersTouched() {
        return hasPopulatedHeaders();
    }

    @Override
    protected boolean isPopulateHeadersSupported() {
        return true;
    }

    @Override
    protected void populateInitialHeaders(Map<String, Object> map) {
        if (raw != null) {
            int max = Imap4MailHeaders.MAX_HEADER_BYTES;
            Imap4MailHeaders.read(raw, Math.min(raw.length, max), rawComplete && raw.length <= max,
                    (name, value) -> put(map, name, value));
        } else if (fields != null) {
            for (Map.Entry<String, String> f : fields) {
                put(map, f.getKey(), f.getValue());
            }
        }
        map.put(Imap4Constants.UID, uid);
        map.put(Imap4Constants.UID_VALIDITY, uidValidity);
        map.put(Imap4Constants.FOLDER, folder);
        map.put(Imap4Constants.FLAGS, flags);
        map.put(Imap4Constants.SEQUENCE_NUMBER, sequence);
        putIfPresent(map, Imap4Constants.INTERNAL_DATE, internalDate);
        putIfPresent(map, Imap4Constants.SIZE, size);
        putIfPresent(map, Imap4Constants.MOD_SEQ, modSeq);
        putIfPresent(map, Imap4Constants.ENVELOPE, envelope);
        putIfPresent(map, Imap4Constants.BODY_STRUCTURE, bodyStructure);
    }

    // a repeated field (Received, for one) becomes a list, as camel-mail does; the filter strategy
    // drops Camel-looking names, so a mail cannot set the consumer's own headers
    private void put(Map<String, Object> map, String name, String value) {
        if (filter != null && filter.applyFilterToExternalHeaders(name, value, getExchange())) {
            return;
        }
        Object existing = map.putIfAbsent(name, value);
        if (existing != null) {
            List<Object> more;
            if (existing instanceof MultipleValues list) {
                more = list;
            } else {
                more = new MultipleValues();
                more.add(existing);
                map.put(name, more);
            }
            more.add(value);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    /** The values of a repeated field, in order. */
    private static final class MultipleValues extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        MultipleValues() {
            super(4);
        }
    }
}
