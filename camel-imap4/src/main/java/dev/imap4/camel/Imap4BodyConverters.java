package dev.imap4.camel;

import java.io.IOException;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;

/**
 * Conversions of a message body that copy its bytes at most once (a spooled body: read into one
 * array of its size), where Camel's generic {@code InputStream} conversions would buffer and copy
 * them several times. Like those, they read from the current position to the end.
 */
@Converter(generateLoader = true)
public final class Imap4BodyConverters {

    private Imap4BodyConverters() {
    }

    @Converter
    public static byte[] toBytes(Imap4MemoryBody body) {
        return body.remaining();
    }

    /** A spooled body read back in one array of its exact size. */
    @Converter
    public static byte[] toBytes(Imap4SpooledBody body) throws IOException {
        return body.remaining();
    }

    /** Decoded with the exchange's charset ({@link Exchange#CHARSET_NAME}), else the JVM's default, as Camel does. */
    @Converter
    public static String toString(Imap4MemoryBody body, Exchange exchange) {
        return new String(body.remaining(), ExchangeHelper.getCharset(exchange, true));
    }
}
