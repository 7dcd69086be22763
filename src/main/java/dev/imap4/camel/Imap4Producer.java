package dev.imap4.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Runs the IMAP command named in the message headers. */
public class Imap4Producer extends DefaultProducer {

    public Imap4Producer(Imap4Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        throw new UnsupportedOperationException("producer under construction");
    }
}
