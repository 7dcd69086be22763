package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The search program the consumer sends, built from its options. */
class Imap4ConsumerSearchProgramTest {

    private static Imap4Search search(String criteria, boolean incremental, Imap4OnFailure onFailure, String flag) {
        Imap4Configuration c = new Imap4Configuration();
        c.setSearchCriteria(criteria);
        c.setIncremental(incremental);
        c.setOnFailure(onFailure);
        c.setFailureFlag(flag);
        return new Imap4Search(c);
    }

    @Test
    void deletedMessagesAreLeftOutUnlessTheCriteriaSpeakOfThem() {
        assertEquals(List.of("UNSEEN", "UNDELETED"), search("UNSEEN", false, Imap4OnFailure.NONE, null).program(0));
        assertEquals(List.of("DELETED"), search("DELETED", false, Imap4OnFailure.NONE, null).program(0));
        assertEquals(List.of("OR", "SEEN", "(FLAGGED UNDELETED)"),
                search("OR SEEN (FLAGGED UNDELETED)", false, Imap4OnFailure.NONE, null).program(0));
        assertEquals(List.of("SUBJECT", "\"deleted\"", "UNDELETED"),
                search("SUBJECT \"deleted\"", false, Imap4OnFailure.NONE, null).program(0));
    }

    @Test
    void flagOnFailureLeavesOutFlaggedMessages() {
        assertEquals(List.of("ALL", "UNDELETED", "UNKEYWORD", "$Failed"),
                search("ALL", false, Imap4OnFailure.FLAG, "$Failed").program(0));
        assertEquals(List.of("ALL", "UNDELETED", "UNFLAGGED"),
                search("ALL", false, Imap4OnFailure.FLAG, "\\Flagged").program(0));
        assertEquals(List.of("ALL", "UNDELETED"), search("ALL", false, Imap4OnFailure.MOVE, "$Failed").program(0));
    }

    @Test
    void aFailureFlagMustBeAKeywordOrASettableSystemFlag() {
        for (String bad : List.of("two words", "$F(x)", "\\Recent", "quo\"te", "")) {
            assertThrows(IllegalArgumentException.class, () -> search("ALL", false, Imap4OnFailure.FLAG, bad), bad);
        }
    }

    @Test
    void incrementalAddsTheUidRangeAboveTheWatermark() {
        Imap4Search s = search("UNSEEN", true, Imap4OnFailure.NONE, null);
        assertEquals(List.of("UNSEEN", "UNDELETED"), s.program(0));
        assertEquals(List.of("UNSEEN", "UNDELETED", "UID", "42:*"), s.program(41));
        assertEquals(List.of("UNSEEN", "UNDELETED"), s.program(0xFFFFFFFFL), "nothing can come above the largest UID");
        assertEquals(List.of("UNSEEN", "UNDELETED"), search("UNSEEN", false, Imap4OnFailure.NONE, null).program(41));
    }

    @Test
    void emptyCriteriaAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> search(" ", false, Imap4OnFailure.NONE, null));
    }
}
