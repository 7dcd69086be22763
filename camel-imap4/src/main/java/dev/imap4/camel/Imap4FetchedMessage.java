package dev.imap4.camel;

import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.StreamCache;

/**
 * One message fetched by the producer's FETCH / UID FETCH. Section contents are Camel stream
 * caches (in memory when small, spooled to disk when large); {@code other} keeps items the parser
 * does not know, such as Gmail's X-GM-LABELS.
 */
public record Imap4FetchedMessage(long sequence, Long uid, List<String> flags, ZonedDateTime internalDate, Long size,
        Envelope envelope, BodyStructure bodyStructure, Long modSeq, Map<String, StreamCache> sections,
        Map<String, String> other) {

    /** The whole message ({@code BODY[]} or {@code RFC822}), or null when not fetched. */
    public StreamCache body() {
        StreamCache s = sections.get("BODY[]");
        return s != null ? s : sections.get("RFC822");
    }
}
