package dev.imap4.bench.e2e;

import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Camel's own floor for a consumer like ours, without IMAP: {@code floor:name?count=N&size=B} hands
 * N exchanges to its route from one thread, as the consumer's polling thread does, each with a body
 * of B bytes (one array, made before the context starts, so no reading and no allocation of bodies
 * is counted), the three batch properties and an on-completion hook, and nothing else. What a fresh
 * JVM spends on this is what any Camel component pays to route as many exchanges cold; the rest of
 * a cold imap4 run is IMAP.
 */
public final class CamelFloor extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        int count = Integer.parseInt(String.valueOf(parameters.remove("count")));
        int size = Integer.parseInt(String.valueOf(parameters.remove("size")));
        return new FloorEndpoint(uri, this, count, new byte[size]);
    }

    static final class FloorEndpoint extends DefaultEndpoint {
        final int count;
        final byte[] body;

        FloorEndpoint(String uri, CamelFloor component, int count, byte[] body) {
            super(uri, component);
            this.count = count;
            this.body = body;
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException("floor: is a consumer only");
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            return new FloorConsumer(this, processor);
        }
    }

    static final class FloorConsumer extends DefaultConsumer {
        private final FloorEndpoint endpoint;
        private Thread thread;

        FloorConsumer(FloorEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
            this.endpoint = endpoint;
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            thread = new Thread(this::run, "floor-consumer");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            Integer size = endpoint.count;
            SynchronizationAdapter hook = new SynchronizationAdapter();
            for (int i = 0; i < endpoint.count && isRunAllowed(); i++) {
                Exchange exchange = createExchange(true);
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, i);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, i == endpoint.count - 1);
                exchange.getExchangeExtension().addOnCompletion(hook);
                exchange.getMessage().setBody(endpoint.body);
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
            }
            if (Main.THREADS) {
                // this thread ends before the run's thread CPU is read: its own, here
                System.out.println("# floor_thread_cpu_ms "
                        + java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
            }
        }
    }
}
