package dev.imap4.camel;

import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's scheduled-poll check (DOWN while polls fail, with the poll's {@code reason}), plus what
 * went wrong with single messages while polls succeed: the number of parked unparseable messages
 * and of failed post-actions, the latest of each, and (when UP) a {@code reason} that names them.
 * Such a message does not make the consumer DOWN: every other message is still delivered, and a
 * readiness probe that took the application out of service for one bad mail would do more harm.
 */
final class Imap4ConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    private final Imap4ConsumerCounters counters;

    Imap4ConsumerHealthCheck(Imap4Consumer consumer, String id, Imap4ConsumerCounters counters) {
        super(consumer, id);
        this.counters = counters;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result r = super.call(options);
        if (r.getState() == State.UNKNOWN) {
            return r; // disabled
        }
        HealthCheckResultBuilder b = HealthCheckResultBuilder.on(this).state(r.getState()).details(r.getDetails());
        r.getMessage().ifPresent(b::message);
        r.getError().ifPresent(b::error);
        b.details(counters.details(r.getState() == HealthCheck.State.UP || !r.getDetails().containsKey("reason")));
        return b.build();
    }
}
