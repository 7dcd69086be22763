package dev.imap4.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * imaplib's {@code (typ, data)} tuple: the response type ({@code OK}, {@code NO}, {@code BAD},
 * {@code BYE}, or a response code for {@code response()}) and the data items.
 */
public record ImapResult(String type, List<ImapData> data) {

    public ImapResult {
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableList(new ArrayList<>(data));
    }

    public boolean ok() {
        return "OK".equals(type);
    }

    /** The first data item as text, or {@code null} for imaplib's None. */
    public String firstText() {
        if (data.isEmpty() || data.get(0) == null) {
            return null;
        }
        ImapData d = data.get(0);
        return d instanceof ImapData.Line l ? l.text() : ((ImapData.Pair) d).headerText();
    }

    /** Every data item rendered as text (literals as their size), for logs and assertions. */
    public List<String> texts() {
        List<String> out = new ArrayList<>(data.size());
        for (ImapData d : data) {
            out.add(d == null ? null : d.toString());
        }
        return out;
    }
}
