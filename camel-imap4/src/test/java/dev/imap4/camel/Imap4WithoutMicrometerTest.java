package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Micrometer is optional: the component, loaded by a class loader that cannot see
 * {@code io.micrometer}, consumes and produces as usual, even with a MeterRegistry (which it cannot
 * see either) bound in the Camel registry. Fails if any class the routes load names a Micrometer
 * type outside {@link Imap4Micrometer}, or if {@link Imap4Metrics} calls it without checking.
 */
@Timeout(60)
class Imap4WithoutMicrometerTest {

    /** Loads dev.imap4 classes itself (from the same class files) and refuses io.micrometer. */
    static final class WithoutMicrometer extends ClassLoader {
        WithoutMicrometer(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name + " (hidden by the test)");
            }
            if (!name.startsWith("dev.imap4.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @Test
    void theComponentRunsWhereMicrometerIsMissing() throws Exception {
        ClassLoader loader = new WithoutMicrometer(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(Imap4Metrics.REGISTRY_CLASS));
        Class<?> metrics = loader.loadClass(Imap4Metrics.class.getName());
        assertNotSame(Imap4Metrics.class, metrics);
        var present = metrics.getDeclaredMethod("micrometerPresent");
        present.setAccessible(true);
        assertFalse((Boolean) present.invoke(null));

        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // Camel resolves configurers and services through the thread's and the application's loader
        thread.setContextClassLoader(loader);
        try (FakeImapServer server = new FakeImapServer("UIDPLUS")) {
            server.add(TestMailbox.message("one", "body one"));
            server.add(TestMailbox.message("two", "body two"));
            CamelContext context = new DefaultCamelContext();
            context.setApplicationContextClassLoader(loader);
            context.getRegistry().bind("metricsRegistry", new SimpleMeterRegistry());
            Component component = (Component) loader.loadClass(Imap4Component.class.getName())
                    .getDeclaredConstructor().newInstance();
            context.addComponent("imap4", component);
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&username=joe&password=secret";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri + "&initialDelay=0&delay=50").routeId("r").to("mock:out");
                }
            });
            context.start();
            try {
                MockEndpoint out = context.getEndpoint("mock:out", MockEndpoint.class);
                out.expectedMessageCount(2);
                out.assertIsSatisfied(10000);
                assertEquals(loader, context.getRoute("r").getConsumer().getClass().getClassLoader());
                org.apache.camel.Exchange reply = context.createProducerTemplate().request(uri,
                        e -> e.getMessage().setHeader(Imap4Constants.COMMAND, "NOOP"));
                assertEquals(null, reply.getException());
                assertEquals("OK", reply.getMessage().getHeader(Imap4Constants.RESPONSE_TYPE));
                assertEquals(loader, context.getEndpoint(uri).createProducer().getClass().getClassLoader());
            } finally {
                context.stop();
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
