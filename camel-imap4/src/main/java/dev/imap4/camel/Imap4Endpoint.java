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

    /** Connections for this endpoint, made by the component's factory. */
    public Imap4ClientFactory clientFactory() {
        return getComponent().getClientFactory();
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
