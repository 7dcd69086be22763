package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The in-memory body: Camel's stream-cache contract, and its conversions without a copy. */
class Imap4MemoryBodyTest {

    private static final byte[] RAW = "Subject: Grüße\r\n\r\nbody".getBytes(StandardCharsets.UTF_8);

    @Test
    void convertsToBytesAndStringThroughItsOwnConverters() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            assertNotNull(context.getTypeConverterRegistry().lookup(byte[].class, Imap4MemoryBody.class));
            assertNotNull(context.getTypeConverterRegistry().lookup(String.class, Imap4MemoryBody.class));
            Exchange exchange = new DefaultExchange(context);
            Imap4MemoryBody body = new Imap4MemoryBody(RAW);
            exchange.getMessage().setBody(body);

            byte[] bytes = exchange.getMessage().getBody(byte[].class);
            assertArrayEquals(RAW, bytes);
            assertSame(RAW, bytes, "no copy: the body's own array, as a byte[] body converts to itself");
            body.reset();
            assertEquals('S', body.read());
            assertArrayEquals(java.util.Arrays.copyOfRange(RAW, 1, RAW.length), exchange.getMessage().getBody(byte[].class),
                    "from a later position, what is left");
            body.reset();
            assertEquals(new String(RAW, StandardCharsets.UTF_8), exchange.getMessage().getBody(String.class));
            body.reset();
            exchange.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
            assertEquals(new String(RAW, StandardCharsets.ISO_8859_1), exchange.getMessage().getBody(String.class),
                    "the exchange's charset");
        }
    }

    @Test
    void readsLikeAStreamCache() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4MemoryBody body = new Imap4MemoryBody(RAW);
            assertEquals(RAW.length, body.length());
            assertEquals('S', body.read());
            assertEquals(1, body.position());
            StreamCache copy = body.copy(new DefaultExchange(context));
            assertArrayEquals(RAW, ((InputStream) copy).readAllBytes(), "a copy reads from the start, on its own");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.writeTo(out);
            assertArrayEquals(java.util.Arrays.copyOfRange(RAW, 1, RAW.length), out.toByteArray(), "from the position");
            body.reset();
            assertEquals(0, body.position());
            assertArrayEquals(RAW, body.readAllBytes());
        }
    }
}
