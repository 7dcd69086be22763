package dev.imap4.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Consume mail from an IMAP folder with UID-based, batched fetching and IDLE, or run any IMAP
 * command from a route.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "imap4", title = "IMAP4", syntax = "imap4:host:port",
        category = {Category.MAIL}, headersClass = Imap4Constants.class)
public class Imap4Endpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriParam
    private Imap4Configuration configuration;
    private final java.util.Set<Imap4Producer> producers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private java.time.Clock clock = java.time.Clock.systemUTC();

    public Imap4Endpoint(String uri, Imap4Component component, Imap4Configuration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Imap4Component getComponent() {
        return (Imap4Component) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new Imap4Producer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (Imap4FolderSet.isSeveral(configuration.getFolder())) {
            Imap4MultiFolderConsumer several = new Imap4MultiFolderConsumer(this, processor);
            configureConsumer(several);
            return several;
        }
        Imap4Consumer consumer = new Imap4Consumer(this, processor);
        configureConsumer(consumer);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        return consumer;
    }

    public Imap4Configuration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(Imap4Configuration configuration) {
        this.configuration = configuration;
    }

    /** The started producers of this endpoint, for the dev console. */
    java.util.Collection<Imap4Producer> producers() {
        return java.util.List.copyOf(producers);
    }

    void producerStarted(Imap4Producer producer, boolean started) {
        if (started) {
            producers.add(producer);
        } else {
            producers.remove(producer);
        }
    }

    /** Connections for this endpoint, made by the component's factory. */
    public Imap4ClientFactory clientFactory() {
        return getComponent().getClientFactory();
    }

    /** The clock that dates each poll, for the relative search window (searchWithin). */
    java.time.Clock clock() {
        return clock;
    }

    /** Replaces the clock (tests move time on between polls). */
    void useClock(java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String getServiceUrl() {
        return configuration.getStreamCommand() != null ? "stream"
                : configuration.getHost() + ":" + configuration.effectivePort();
    }

    @Override
    public String getServiceProtocol() {
        return configuration.getSecurity() == Imap4Security.SSL ? "imaps" : "imap";
    }
}
