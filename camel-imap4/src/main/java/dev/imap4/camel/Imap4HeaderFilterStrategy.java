package dev.imap4.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The default header filter of the imap4 component. A message's own header fields become Camel
 * headers, except those whose names other parts of a route read as instructions: whoever sends a
 * mail must not be able to steer the route or the consumer (a field named {@code CamelImap4Delete}
 * or {@code camelimap4moveto} would otherwise override the success action, {@code
 * kafka.OVERRIDE_TOPIC} the topic a Kafka producer writes to). Dropped, ignoring case: names
 * starting with {@code Camel}, {@code org.apache.camel.}, {@code kafka.} or {@code JMS}, and
 * {@code breadcrumbId}. Every other field passes.
 */
public class Imap4HeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    /** Name prefixes (compared ignoring case) of the headers that are dropped. */
    private static final String[] CONTROL_PREFIXES = {"camel", "org.apache.camel.", "kafka.", "jms"};

    public Imap4HeaderFilterStrategy() {
        setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setOutFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
    }

    @Override
    protected boolean extendedFilter(Direction direction, String key, Object value, Exchange exchange) {
        for (String prefix : CONTROL_PREFIXES) {
            if (key.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return key.equalsIgnoreCase("breadcrumbId");
    }
}
