package dev.imap4.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The default header filter of the imap4 component. A message's own header fields become Camel
 * headers, except those that look like Camel's: whoever sends a mail must not be able to steer the
 * route or the consumer (a field named {@code CamelImap4Delete} or {@code camelimap4moveto} would
 * otherwise override the success action). Camel headers are case-insensitive, so the match is too.
 */
public class Imap4HeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    public Imap4HeaderFilterStrategy() {
        setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setOutFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
    }

    @Override
    protected boolean extendedFilter(Direction direction, String key, Object value, Exchange exchange) {
        return key.regionMatches(true, 0, "camel", 0, 5) || key.regionMatches(true, 0, "org.apache.camel.", 0, 17);
    }
}
