package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The imaplib documentation's own example, line by line, against GreenMail. */
class SeedExampleTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @Test
    void loginSelectSearchFetchEachLogout() {
        MAIL.setUser("joe@example.org", "joe", "secret");
        GreenMailUtil.sendTextEmail("joe@example.org", "ann@example.org", "first", "Hello one", MAIL.getSmtp().getServerSetup());
        GreenMailUtil.sendTextEmail("joe@example.org", "ann@example.org", "second", "Hello two", MAIL.getSmtp().getServerSetup());

        Imap4 m = new Imap4("127.0.0.1", MAIL.getImap().getPort());
        assertEquals("IMAP4rev1", m.protocolVersion());
        m.login("joe", "secret");
        ImapResult sel = m.select();
        assertEquals("2", sel.firstText());
        ImapResult found = m.search(null, "ALL");
        assertEquals("OK", found.type());
        List<String> bodies = new ArrayList<>();
        for (String num : found.firstText().split(" ")) {
            ImapResult r = m.fetch(num, "(RFC822)");
            ImapData.Pair pair = (ImapData.Pair) r.data().get(0);
            assertTrue(pair.headerText().startsWith(num + " (") && pair.headerText().contains("RFC822 {"), pair.headerText());
            bodies.add(new String(pair.literal().bytes()));
        }
        ImapResult bye = m.logout();
        assertEquals("BYE", bye.type());
        assertEquals(2, bodies.size());
        assertTrue(bodies.get(0).contains("Subject: first") && bodies.get(0).contains("Hello one"), bodies.get(0));
        assertTrue(bodies.get(1).contains("Subject: second") && bodies.get(1).contains("Hello two"), bodies.get(1));
    }
}
