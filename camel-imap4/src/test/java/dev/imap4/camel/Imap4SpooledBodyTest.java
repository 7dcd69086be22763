package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.UnitOfWorkHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body in a file converts to {@code byte[]} in one array of its size, with no second copy on the heap. */
class Imap4SpooledBodyTest {

    @Test
    void aBodyInAFileReadsBackIntoOneArrayOfItsSize(@TempDir Path dir) throws Exception {
        byte[] data = new byte[4 * 1024 * 1024 + 7];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 11));
        }
        Path file = Files.write(dir.resolve("message.eml"), data);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange exchange = new DefaultExchange(context);
            Imap4SpooledBody body = Imap4SpooledBody.adopt(exchange, file);
            Imap4BodyConverters.toBytes(Imap4SpooledBody.adopt(new DefaultExchange(context), Files.write(
                    dir.resolve("warm-up.eml"), new byte[100]))); // loads the classes the conversion uses

            long before = threads.getCurrentThreadAllocatedBytes();
            byte[] out = Imap4BodyConverters.toBytes(body);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertArrayEquals(data, out);
            assertEquals(data.length, body.position());
            // the array itself plus a few small objects; gathering the bytes in buffers first and
            // copying them into the result (InputStream.readNBytes(int)) allocates twice the size
            assertTrue(allocated < data.length + 64 * 1024, "allocated " + allocated + " bytes for " + data.length);
            body.reset();
            assertEquals(data[0] & 0xff, body.read(), "reads again from the start");
            UnitOfWorkHelper.doneSynchronizations(exchange, exchange.getExchangeExtension().handoverCompletions());
            assertFalse(Files.exists(file), "the file goes when the exchange is done");
        }
    }
}
