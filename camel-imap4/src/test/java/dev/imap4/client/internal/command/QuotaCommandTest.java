package dev.imap4.client.internal.command;

import static dev.imap4.client.internal.command.AclCommandTest.PREAUTH;
import static dev.imap4.client.internal.command.AclCommandTest.connect;
import static dev.imap4.client.internal.command.AclCommandTest.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.Quota;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GETQUOTA and SETQUOTA (RFC 9208) through the typed API; GETQUOTAROOT has its own transcripts. */
@Timeout(30)
class QuotaCommandTest {

    @Test
    void getQuotaReturnsEveryQuotaResponse() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} GETQUOTA ""
                S: * QUOTA "" (STORAGE 10 512)
                S: * QUOTA "" (MESSAGE 3 100)
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            List<Quota> quotas = c.extensions().getQuota("");
            assertEquals(2, quotas.size());
            assertEquals("", quotas.get(0).root());
            done(c, server);
        }
    }

    @Test
    void setQuotaSendsTheLimitsInOrderAndReturnsTheNewQuota() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} SETQUOTA "" (STORAGE 512 MESSAGE 100)
                S: * QUOTA "" (STORAGE 10 512 MESSAGE 3 100)
                S: {tag} OK set
                """)) {
            ImapClient c = connect(server);
            Map<String, Long> limits = new LinkedHashMap<>();
            limits.put("STORAGE", 512L);
            limits.put("MESSAGE", 100L);
            List<Quota> quotas = c.extensions().setQuota("", limits);
            assertEquals(1, quotas.size());
            done(c, server);
        }
    }
}
