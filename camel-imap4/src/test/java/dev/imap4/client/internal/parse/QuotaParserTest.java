package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.types.Quota;
import dev.imap4.client.types.QuotaResource;
import dev.imap4.client.types.QuotaRoot;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaParserTest {

    private static Quota quota(String wire) {
        ImapInput in = after(wire, "QUOTA");
        Quota q = QuotaParser.parseQuota(in);
        consumed(in);
        return q;
    }

    private static QuotaRoot root(String wire) {
        ImapInput in = after(wire, "QUOTAROOT");
        QuotaRoot q = QuotaParser.parseQuotaRoot(in);
        consumed(in);
        return q;
    }

    @Test
    void rfc2087Example() {
        assertEquals(new Quota("", List.of(new QuotaResource("STORAGE", 10, 512))),
                quota("* QUOTA \"\" (STORAGE 10 512)"));
    }

    @Test
    void gmail64BitValues() {
        Quota q = quota("* QUOTA \"\" (STORAGE 16106127360 32212254720 MESSAGE 5 100000)");
        assertEquals(16106127360L, q.resource("STORAGE").usage());
        assertEquals(32212254720L, q.resource("STORAGE").limit());
        assertEquals(5, q.resource("message").usage());
    }

    @Test
    void quotaRootWithAndWithoutRoots() {
        assertEquals(new QuotaRoot("INBOX", List.of("")), root("* QUOTAROOT INBOX \"\""));
        assertEquals(new QuotaRoot("comp.mail.mime", List.of()), root("* QUOTAROOT comp.mail.mime"));
        assertEquals(List.of("user.a", "shared"), root("* QUOTAROOT inbox user.a shared").roots());
    }

    @Test
    void nonNumberNamesNumber() {
        fails(after("* QUOTA \"\" (STORAGE x 512)", "QUOTA"), QuotaParser::parseQuota, "number");
    }

    @Test
    void missingListNamesQuotaList() {
        fails(after("* QUOTA \"\" STORAGE 1 2", "QUOTA"), QuotaParser::parseQuota, "quota_list");
    }
}
