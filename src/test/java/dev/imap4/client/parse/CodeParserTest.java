package dev.imap4.client.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.NumberSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CodeParserTest {

    private static void failsNaming(String rule, Executable e) {
        ImapProtocolException ex = assertThrows(ImapProtocolException.class, e);
        assertTrue(ex.getMessage().contains("in " + rule + ":"), ex.getMessage());
    }

    @Test
    void copyUid() {
        CopyUid c = CodeParser.copyUid("38505 304,319:320 3956:3958");
        assertEquals(38505, c.uidValidity());
        assertTrue(c.sourceUids().isUid());
        assertEquals(Map.of(304L, 3956L, 319L, 3957L, 320L, 3958L), c.mapping());
    }

    @Test
    void copyUidWithUnequalSetsIsRefused() {
        failsNaming("resp-code-copy", () -> CodeParser.copyUid("1 1:3 7:8"));
    }

    @Test
    void copyUidWithStarIsRefused() {
        failsNaming("uid-set", () -> CodeParser.copyUid("1 1:* 7:8"));
    }

    @Test
    void copyUidMissingSetNamesSp() {
        failsNaming("SP", () -> CodeParser.copyUid("38505 304"));
    }

    @Test
    void appendUidSingleAndMultiple() {
        assertEquals(new AppendUid(38505, NumberSet.uids(3955)), CodeParser.appendUid("38505 3955"));
        assertEquals(List.of(3955L, 3956L, 3957L), CodeParser.appendUid("38505 3955:3957").uids().toList());
    }

    @Test
    void appendUidZeroValidityNamesNzNumber() {
        failsNaming("nz-number", () -> CodeParser.appendUid("0 3955"));
    }

    @Test
    void permanentFlags() {
        assertEquals(List.of("\\Deleted", "\\Seen", "$Label", "\\*"),
                CodeParser.permanentFlags("(\\Deleted \\Seen $Label \\*)"));
        assertEquals(List.of(), CodeParser.permanentFlags("()"));
    }

    @Test
    void permanentFlagsWithoutListNamesFlagPerm() {
        failsNaming("flag-perm", () -> CodeParser.permanentFlags("\\Seen"));
    }

    @Test
    void number() {
        assertEquals(4392L, CodeParser.number("4392"));
        assertEquals(3857529045L, CodeParser.number(" 3857529045 "));
    }

    @Test
    void numberJunkNamesTheRule() {
        failsNaming("number", () -> CodeParser.number("x"));
        failsNaming("CRLF", () -> CodeParser.number("12 34"));
    }

    @Test
    void missingDataIsAProtocolError() {
        failsNaming("resp-text-code", () -> CodeParser.copyUid(null));
    }
}
