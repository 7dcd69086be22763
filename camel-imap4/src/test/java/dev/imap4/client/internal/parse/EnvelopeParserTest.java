package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static dev.imap4.client.internal.parse.Wire.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Literal;
import dev.imap4.client.types.Address;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
import dev.imap4.client.internal.wire.ResponseSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeParserTest {

    private static Envelope parse(String wire) {
        ImapInput in = in(wire);
        Envelope e = EnvelopeParser.parse(in);
        consumed(in);
        return e;
    }

    @Test
    void fullEnvelope() {
        Envelope e = parse("(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"=?ISO-8859-1?Q?Caf=E9?=\""
                + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL ((NIL NIL \"r\" \"x.org\"))"
                + " ((NIL NIL \"imap\" \"cac.washington.edu\")) NIL ((NIL NIL \"b\" \"y.org\")) \"<a@b>\" \"<c@d>\")");
        assertEquals("=?ISO-8859-1?Q?Caf=E9?=", e.subject());
        assertEquals("Café", e.decodedSubject());
        assertEquals(new Address("Terry Gray", null, "gray", "cac.washington.edu"), e.from().get(0));
        assertEquals(List.of(), e.sender());
        assertEquals("r@x.org", e.replyTo().get(0).email());
        assertEquals("b@y.org", e.bcc().get(0).email());
        assertEquals("<a@b>", e.inReplyTo());
        assertEquals("<c@d>", e.messageId());
        assertEquals(ZonedDateTime.of(1996, 7, 17, 2, 23, 25, 0, ZoneOffset.ofHours(-7)), e.dateTime());
    }

    @Test
    void allNil() {
        Envelope e = parse("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
        assertNull(e.date());
        assertNull(e.dateTime());
        assertEquals(List.of(), e.to());
    }

    @Test
    void yahooEmptyParenthesesForAddressLists() {
        Envelope e = parse("(\"d\" \"s\" () () () () () () NIL NIL)");
        assertEquals(List.of(), e.from());
        assertEquals(List.of(), e.cc());
    }

    @Test
    void dominoWrapsTheEnvelopeInExtraParentheses() {
        Envelope e = parse("((\"d\" \"s\" ((NIL NIL \"a\" \"b.c\")) NIL NIL NIL NIL NIL NIL \"<m>\"))");
        assertEquals("s", e.subject());
        assertEquals("a@b.c", e.from().get(0).email());
        assertEquals("<m>", e.messageId());
    }

    @Test
    void groupSyntaxMarkers() {
        Envelope e = parse("(NIL NIL NIL NIL NIL ((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"x.org\")(NIL NIL NIL NIL))"
                + " NIL NIL NIL NIL)");
        List<Address> to = e.to();
        assertTrue(to.get(0).isGroupStart());
        assertNull(to.get(0).email());
        assertEquals("a@x.org", to.get(1).email());
        assertTrue(to.get(2).isGroupEnd());
    }

    @Test
    void literalSubject() {
        Envelope e = parse("(NIL {5}\r\nhello NIL NIL NIL NIL NIL NIL NIL NIL)");
        assertEquals("hello", e.subject());
    }

    @Test
    void spooledLiteralIsNotTakenAsAString() throws Exception {
        byte[] wire = "(NIL {20}\r\n01234567890123456789 NIL NIL NIL NIL NIL NIL NIL NIL)\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        BytesResponseSource bytes = new BytesResponseSource(wire);
        List<Path> spooled = new ArrayList<>();
        ResponseSource spooling = new ResponseSource() {
            @Override
            public byte[] readLine() {
                return bytes.readLine();
            }

            @Override
            public Literal readLiteral(long size) throws IOException {
                Path f = Files.createTempFile("envelope-test", ".tmp");
                Files.write(f, bytes.readLiteral(size).bytes());
                spooled.add(f);
                return Literal.spooled(f, size);
            }
        };
        ImapInput in = new ImapInput(spooling, 64);
        in.nextLine();
        fails(in, EnvelopeParser::parse, "env-subject");
        assertFalse(Files.exists(spooled.get(0)), "the spool file is released");
    }

    @Test
    void missingFieldNamesTheRule() {
        fails(in("(\"d\" \"s\" NIL NIL NIL NIL NIL NIL NIL)"), EnvelopeParser::parse, "SP");
        fails(in("(\"d\" \"s\" NIL NIL NIL NIL NIL NIL NIL \"m\" \"extra\")"), EnvelopeParser::parse, "envelope");
    }

    @Test
    void atomWhereAddressListBelongsNamesTheField() {
        fails(in("(\"d\" \"s\" gray NIL NIL NIL NIL NIL NIL NIL)"), EnvelopeParser::parse, "env-from");
    }

    @Test
    void shortAddressNamesAddress() {
        fails(in("(\"d\" \"s\" ((NIL NIL \"a\")) NIL NIL NIL NIL NIL NIL NIL)"), EnvelopeParser::parse, "SP");
    }

    @Test
    void atomInsteadOfStringNamesTheField() {
        fails(in("(\"d\" subject NIL NIL NIL NIL NIL NIL NIL NIL)"), EnvelopeParser::parse, "env-subject");
    }
}
