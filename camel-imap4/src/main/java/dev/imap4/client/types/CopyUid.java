package dev.imap4.client.types;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The COPYUID response code (RFC 4315 §3) of COPY and MOVE: the destination's UIDVALIDITY and the
 * source and destination UIDs, which correspond in order.
 */
public record CopyUid(long uidValidity, NumberSet sourceUids, NumberSet destinationUids) {

    /**
     * Source UID to destination UID, in the order the server listed them.
     *
     * @throws IllegalStateException when the two sets have different sizes
     */
    public Map<Long, Long> mapping() {
        List<Long> from = sourceUids.toList();
        List<Long> to = destinationUids.toList();
        if (from.size() != to.size()) {
            throw new IllegalStateException("COPYUID lists " + from.size() + " source and " + to.size()
                    + " destination UIDs");
        }
        Map<Long, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < from.size(); i++) {
            out.put(from.get(i), to.get(i));
        }
        return out;
    }
}
