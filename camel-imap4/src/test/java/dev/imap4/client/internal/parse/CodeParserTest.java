package dev.imap4.client.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.ResponseCode;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.StatusParser;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Response-code data, typed once as the status line is read. */
class CodeParserTest {

    /** The status response of {@code A1 OK <text>}, read as the engine reads it. */
    private static StatusResponse ok(String text) {
        ImapInput in = BytesResponseSource.input("A1 OK " + text);
        in.atom();
        in.sp();
        return StatusParser.parse("A1", StatusParser.responseName(in), in);
    }

    /** The typed data of {@code [codeAndData]}. */
    private static ResponseCode code(String codeAndData) {
        return ok("[" + codeAndData + "] done").typedCode();
    }

    private static void failsNaming(String rule, Executable e) {
        ImapProtocolException ex = assertThrows(ImapProtocolException.class, e);
        assertTrue(ex.getMessage().contains("in " + rule + ":"), ex.getMessage());
    }

    @Test
    void copyUid() {
        CopyUid c = code("COPYUID 38505 304,319:320 3956:3958").copyUid();
        assertEquals(38505, c.uidValidity());
        assertTrue(c.sourceUids().isUid());
        assertEquals(Map.of(304L, 3956L, 319L, 3957L, 320L, 3958L), c.mapping());
    }

    @Test
    void copyUidWithUnequalSetsIsRefused() {
        failsNaming("resp-code-copy", () -> code("COPYUID 1 1:3 7:8").copyUid());
    }

    @Test
    void copyUidWithStarIsRefused() {
        failsNaming("uid-set", () -> code("COPYUID 1 1:* 7:8").copyUid());
    }

    @Test
    void copyUidMissingSetNamesSp() {
        failsNaming("SP", () -> code("COPYUID 38505 304").copyUid());
    }

    @Test
    void copyUidWithEmptySetsReportsNoMapping() {
        // Exchange: the UID validity with both sets empty
        assertNull(code("COPYUID 1234  ").copyUid());
    }

    @Test
    void appendUidSingleAndMultiple() {
        assertEquals(new AppendUid(38505, NumberSet.uids(3955)), code("APPENDUID 38505 3955").appendUid());
        assertEquals(List.of(3955L, 3956L, 3957L), code("APPENDUID 38505 3955:3957").appendUid().uids().toList());
    }

    @Test
    void appendUidZeroValidityNamesNzNumber() {
        failsNaming("nz-number", () -> code("APPENDUID 0 3955").appendUid());
    }

    @Test
    void permanentFlags() {
        assertEquals(List.of("\\Deleted", "\\Seen", "$Label", "\\*"),
                code("PERMANENTFLAGS (\\Deleted \\Seen $Label \\*)").permanentFlags());
        assertEquals(List.of(), code("PERMANENTFLAGS ()").permanentFlags());
    }

    @Test
    void permanentFlagsMayHoldABracketInAKeyword() {
        // Gmail: ']' inside a keyword, within the parenthesised list
        StatusResponse st = ok("[PERMANENTFLAGS (\\Seen $Old]Tag \\*)] Flags permitted.");
        assertEquals(List.of("\\Seen", "$Old]Tag", "\\*"), st.typedCode().permanentFlags());
        assertEquals("(\\Seen $Old]Tag \\*)", st.codeData());
        assertEquals("Flags permitted.", st.text());
    }

    @Test
    void permanentFlagsWithoutListNamesFlagPerm() {
        failsNaming("flag-perm", () -> code("PERMANENTFLAGS \\Seen").permanentFlags());
    }

    @Test
    void number() {
        assertEquals(4392L, code("UIDNEXT 4392").number());
        assertEquals(3857529045L, code("UIDVALIDITY 3857529045 ").number());
        assertEquals(17L, code("HIGHESTMODSEQ 17").number());
    }

    @Test
    void numberJunkNamesTheRule() {
        failsNaming("number", () -> code("UIDNEXT x").number());
        failsNaming("resp-text-code", () -> code("UIDNEXT 12 34").number());
    }

    @Test
    void modifiedTakesTheKindOfNumbersFromTheCommand() {
        ResponseCode c = code("MODIFIED 7,9:11");
        assertEquals(List.of(7L, 9L, 10L, 11L), c.modified(true).toList());
        assertTrue(c.modified(true).isUid());
        assertEquals(List.of(7L, 9L, 10L, 11L), c.modified(false).toList());
        assertFalse(c.modified(false).isUid());
    }

    @Test
    void missingDataIsAProtocolError() {
        failsNaming("resp-text-code", () -> code("COPYUID").copyUid());
        failsNaming("resp-text-code", () -> code("UIDNEXT").number());
    }

    @Test
    void malformedDataFailsOnlyWhenAskedFor() {
        StatusResponse st = ok("[UIDNEXT soon] text goes on");
        assertEquals("UIDNEXT", st.code());
        assertEquals("soon", st.codeData());
        assertEquals("text goes on", st.text());
        failsNaming("number", () -> st.typedCode().number());
    }

    @Test
    void rawCodeDataIsKeptForTheRawApi() {
        StatusResponse st = ok("[COPYUID 38505 304,319:320 3956:3958] Done");
        assertEquals("38505 304,319:320 3956:3958", st.codeData());
        assertEquals("Done", st.text());
    }

    @Test
    void codesTheClientDoesNotTypeHaveNoTypedData() {
        assertSame(ResponseCode.NONE, code("X-GOOGLE 12"));
        assertSame(ResponseCode.NONE, ok("no code at all").typedCode());
    }
}
