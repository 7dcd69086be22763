package dev.imap4.camel;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapClient;
import dev.imap4.client.Literal;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fetchContent=PARTS: from each message's BODYSTRUCTURE, picks the text part textBody wants and the
 * attachments the rules select, and fetches only those sections with one UID FETCH per message:
 * {@code BINARY.PEEK[n]} (decoded by the server, RFC 3516) when the server offers BINARY and the part
 * is base64 or quoted-printable, else {@code BODY.PEEK[n]} decoded here. A server that refuses BINARY
 * for a part (NO, e.g. [UNKNOWN-CTE]) is asked again with BODY.PEEK. Parts not selected are never
 * downloaded. What a message's parts make is left on the exchange for {@link Imap4MimeMapper}; a
 * failure of one message (a refused FETCH, a section missing, an unreadable part) is recorded there
 * and fails that message only.
 */
final class Imap4PartFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4PartFetcher.class);

    private final Imap4Configuration config;
    private final Imap4AttachmentRules rules;

    Imap4PartFetcher(Imap4Configuration config, Imap4AttachmentRules rules) {
        this.config = config;
        this.rules = rules;
    }

    /** Fetches the wanted sections of every message of {@code byUid} (each holds its BODYSTRUCTURE header). */
    void fetch(ImapClient client, Map<Long, Exchange> byUid) {
        boolean binary = client.hasCapability("BINARY");
        // every message of the batch is fetched before the first is routed: one heap allowance for all
        long[] heapLeft = {Math.min(config.getBatchMemoryLimit(), Runtime.getRuntime().maxMemory() / 4)};
        for (Map.Entry<Long, Exchange> e : byUid.entrySet()) {
            Exchange exchange = e.getValue();
            BodyStructure structure = exchange.getMessage().getHeader(Imap4Constants.BODY_STRUCTURE, BodyStructure.class);
            Imap4MimeContent content = new Imap4MimeContent(exchange, rules, config.getTextBodyMaxSize(),
                    new Imap4PartStore(exchange, heapLeft));
            exchange.setProperty(Imap4MimeMapper.CONTENT, content);
            if (structure == null) {
                content.fail(new Imap4MimeException("The server sent no BODYSTRUCTURE for UID " + e.getKey()));
                continue;
            }
            List<Wanted> plan = plan(structure);
            if (plan.isEmpty()) {
                continue;
            }
            try {
                download(client, e.getKey(), plan, binary, content);
            } catch (Imap4CommandException refused) {
                if (!binary) {
                    content.fail(refused);
                    continue;
                }
                LOG.debug("BINARY FETCH of UID {} refused ({}); asking for BODY sections", e.getKey(),
                        refused.getMessage());
                Imap4MimeContent again = new Imap4MimeContent(exchange, rules, config.getTextBodyMaxSize(),
                        new Imap4PartStore(exchange, heapLeft));
                exchange.setProperty(Imap4MimeMapper.CONTENT, again);
                try {
                    download(client, e.getKey(), plan, false, again);
                } catch (Imap4CommandException refusedToo) {
                    again.fail(refusedToo);
                }
            }
        }
    }

    /** The sections to fetch: the wanted attachments, and the text part textBody asks for. */
    List<Wanted> plan(BodyStructure structure) {
        List<Wanted> out = new ArrayList<>();
        BodyStructure plain = null;
        BodyStructure html = null;
        for (BodyStructure part : structure.leaves()) {
            String name = rules.nameOf(part);
            if (name != null) {
                if (config.isMapAttachments() && rules.wanted(part, name)) {
                    if (rules.tooLarge(part)) {
                        LOG.debug("Part {} ({}, {} bytes encoded) is above attachmentMaxSize; not fetched",
                                part.partNumber(), name, part.size());
                    } else {
                        out.add(new Wanted(part, name));
                    }
                }
            } else if (Imap4AttachmentRules.isText(part, null)) {
                if (part.subtype().equals("plain") && plain == null) {
                    plain = part;
                } else if (part.subtype().equals("html") && html == null) {
                    html = part;
                }
            }
        }
        BodyStructure text = switch (config.getTextBody()) {
            case PLAIN -> plain != null ? plain : html;
            case HTML -> html != null ? html : plain;
            case NONE -> null;
        };
        if (text != null) {
            out.add(new Wanted(text, null));
        }
        return out;
    }

    private void download(ImapClient client, long uid, List<Wanted> plan, boolean binary, Imap4MimeContent content) {
        FetchItems items = FetchItems.of();
        List<BodySection> sections = new ArrayList<>(plan.size());
        for (Wanted w : plan) {
            BodySection s = binary && encoded(w.part) ? BodySection.binary(path(w.part)) : BodySection.part(path(w.part));
            sections.add(s);
            items = items.withSection(s);
        }
        boolean[] answered = {false};
        client.uidFetch(NumberSet.uids(List.of(uid)), items, r -> {
            if (r.uid() == null || r.uid() != uid || answered[0]) {
                return;
            }
            answered[0] = true;
            for (int i = 0; i < plan.size(); i++) {
                Wanted w = plan.get(i);
                Literal data = r.section(sections.get(i));
                if (data == null) {
                    content.fail(new Imap4MimeException("The server sent no data for " + sections.get(i)
                            + " of UID " + uid));
                    return;
                }
                try (InputStream in = data.openStream()) {
                    InputStream decoded = sections.get(i).binary() ? in : Imap4PartStore.decode(in, w.part.encoding());
                    if (w.name != null) {
                        content.addAttachment(w.part, w.name, fields(w.part), decoded, rules.maxSize());
                    } else {
                        content.addText(w.part, decoded);
                    }
                } catch (IOException | Imap4MimeException e) {
                    content.fail(e);
                    return;
                }
            }
        });
        if (!answered[0]) {
            // no FETCH data for the UID (expunged meanwhile, or a server that left it out)
            content.fail(new Imap4MimeException("The server sent no data for " + sections.get(0) + " of UID " + uid));
        }
    }

    private static boolean encoded(BodyStructure part) {
        return "BASE64".equals(part.encoding()) || "QUOTED-PRINTABLE".equals(part.encoding());
    }

    private static int[] path(BodyStructure part) {
        String[] n = part.partNumber().split("\\.");
        int[] p = new int[n.length];
        for (int i = 0; i < n.length; i++) {
            p[i] = Integer.parseInt(n[i]);
        }
        return p;
    }

    // the attachment's header fields as the BODYSTRUCTURE gives them (the part's own header is not fetched)
    private static List<Map.Entry<String, String>> fields(BodyStructure part) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Content-Type", part.mimeType()));
        if (part.dispositionType() != null) {
            out.add(Map.entry("Content-Disposition", part.dispositionType()));
        }
        if (part.id() != null) {
            out.add(Map.entry("Content-ID", part.id()));
        }
        if (part.description() != null) {
            out.add(Map.entry("Content-Description", part.description()));
        }
        return out;
    }

    /** One section to fetch: an attachment (with its name) or the text part ({@code name} null). */
    record Wanted(BodyStructure part, String name) {
    }
}
