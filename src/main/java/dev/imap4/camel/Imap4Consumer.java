package dev.imap4.camel;

import java.util.Queue;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/** Polls a folder: SELECT, UID SEARCH, batched UID FETCH, one exchange per message. */
public class Imap4Consumer extends ScheduledBatchPollingConsumer {

    public Imap4Consumer(Imap4Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() throws Exception {
        throw new UnsupportedOperationException("consumer under construction");
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        throw new UnsupportedOperationException("consumer under construction");
    }
}
