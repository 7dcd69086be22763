package dev.imap4.camel;

import org.apache.camel.Converter;

/**
 * Reads the producer's {@code command} option as users write it: Camel's own enum conversion knows
 * {@code UID_SEARCH} and {@code uid-search} but not the IMAP verb {@code UID SEARCH} (or
 * {@code UID+SEARCH} in a URI), which the documentation and existing routes use.
 */
@Converter(generateLoader = true)
public final class Imap4OptionConverters {

    private Imap4OptionConverters() {
    }

    @Converter
    public static Imap4Operation toOperation(String text) {
        return Imap4Operation.fromOption(text);
    }
}
