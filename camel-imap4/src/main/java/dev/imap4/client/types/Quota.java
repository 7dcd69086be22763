package dev.imap4.client.types;

import java.util.List;

/** A QUOTA response (RFC 2087 / RFC 9208): a quota root and its resources. */
public record Quota(String root, List<QuotaResource> resources) {

    public Quota {
        resources = List.copyOf(resources);
    }

    /** The resource with this name (case-insensitive), or {@code null}. */
    public QuotaResource resource(String name) {
        for (QuotaResource r : resources) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }
}
