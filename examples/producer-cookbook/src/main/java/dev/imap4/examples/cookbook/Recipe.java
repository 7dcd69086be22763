package dev.imap4.examples.cookbook;

import dev.imap4.client.types.NumberSet;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ExpressionAdapter;

/** What the recipes share: the endpoint, a logger for what happened, and small helpers. */
abstract class Recipe extends RouteBuilder {

    /** Host and port here; security and credentials are component options in application.properties. */
    static final String IMAP = "imap4:{{imap.host}}:{{imap.port}}";

    static final LoggingLevel INFO = LoggingLevel.INFO;
    static final String LOG = "cookbook";

    /** An expression computed by a lambda, for headers that need a List or a date. */
    static Expression fn(Function<Exchange, Object> f) {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return f.apply(exchange);
            }
        };
    }

    /** The body as the list a command left there: UIDs from UID SEARCH, folders from LIST. */
    @SuppressWarnings("unchecked")
    static <T> List<T> bodyList(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }

    /** The UIDs a UID SEARCH left in the body, as a UID set such as {@code 1:3,7}. */
    static String uidSet(Exchange exchange) {
        return NumberSet.uids(Recipe.<Long>bodyList(exchange)).toString();
    }
}
