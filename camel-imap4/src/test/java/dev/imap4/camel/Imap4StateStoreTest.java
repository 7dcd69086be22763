package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Imap4StateStoreTest {

    private final MemoryStateRepository repo = new MemoryStateRepository();

    private Imap4StateStore store(int maxBytes) {
        return new Imap4StateStore(repo, Imap4StateStore.key("mail.example.org:993", "joe", "INBOX"), maxBytes);
    }

    private static TreeSet<Long> set(long... uids) {
        TreeSet<Long> s = new TreeSet<>();
        for (long u : uids) {
            s.add(u);
        }
        return s;
    }

    @Test
    void savesAndReadsBackEverything() {
        Imap4StateStore a = store(65536);
        a.clear(777);
        a.modSeq(4242L);
        a.beginAttempt(9, 5, set(7, 8, 12));
        a.beginAttempt(20, 5, set(7, 8, 12));
        a.beginAttempt(20, 5, set(7, 8, 12));
        assertEquals("imap4-state/1;uidvalidity:777;watermark:5;modseq:4242;done:7:8,12;attempts:9*1,20*2",
                repo.getState(a.key()));

        Imap4StateStore b = store(65536);
        assertTrue(b.load());
        assertEquals(777, b.uidValidity());
        assertEquals(5, b.watermark());
        assertEquals(4242L, b.modSeq());
        assertEquals(set(7, 8, 12), b.done());
        assertEquals(Map.of(9L, 1, 20L, 2), b.attempts());
    }

    @Test
    void dropsTheAttemptsOfMessagesThatNeedNothingMore() {
        Imap4StateStore a = store(65536);
        a.clear(1);
        a.beginAttempt(3, 0, set());
        a.beginAttempt(4, 0, set());
        a.save(3, set(4));
        assertEquals(Map.of(), a.attempts());
    }

    @Test
    void keysNeverCollideNorCarryTheSeparatorsOfALineStore() {
        String k = Imap4StateStore.key("h:143", "a=b c", "Sup\nport/é");
        assertFalse(k.contains("=") || k.contains(" ") || k.contains("\n") || k.contains("\r"), k);
        assertNotEquals(Imap4StateStore.key("h:143", "a/b", "c"), Imap4StateStore.key("h:143", "a", "b/c"));
        assertNotEquals(Imap4StateStore.key("h:143", "joe", "INBOX"), Imap4StateStore.key("h:143", "ann", "INBOX"));
        assertNotEquals(Imap4StateStore.key("h:143", "joe", "INBOX"), Imap4StateStore.key("h:993", "joe", "INBOX"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "imap4-state/2;uidvalidity:1", "imap4-state/1;watermark:3",
            "imap4-state/1;uidvalidity:0", "imap4-state/1;uidvalidity:x", "imap4-state/1;uidvalidity:1;watermark:-1",
            "imap4-state/1;uidvalidity:1;done:5:3", "imap4-state/1;uidvalidity:1;done:1:4294967295",
            "imap4-state/1;uidvalidity:1;attempts:3", "imap4-state/1;uidvalidity:1;attempts:3*0",
            "imap4-state/1;uidvalidity:1;color:red", "imap4-state/1;uidvalidity:99999999999999999999",
            "imap4-state/1;uidvalidity:1;nocolon"})
    void corruptOrForeignStateIsIgnoredNeverThrown(String value) {
        repo.setState(store(65536).key(), value);
        Imap4StateStore s = store(65536);
        assertFalse(s.load());
        assertEquals(0, s.watermark());
        assertTrue(s.done().isEmpty());
        assertTrue(s.attempts().isEmpty());
        assertNull(s.modSeq());
    }

    @Test
    void staysUnderItsByteBoundDroppingTheOldestAttemptsFirst() {
        Imap4StateStore s = store(256);
        s.clear(1);
        for (long uid = 1; uid <= 80; uid++) {
            s.beginAttempt(uid * 2, 0, set());
        }
        String value = repo.getState(s.key());
        assertTrue(value.length() <= 256, value.length() + ": " + value);
        assertTrue(value.endsWith(",160*1"), "the newest attempt is kept: " + value);
        assertFalse(value.contains("attempts:2*1"), "the oldest was dropped: " + value);

        TreeSet<Long> scattered = new TreeSet<>();
        for (long uid = 1; uid <= 200; uid += 2) {
            scattered.add(uid);
        }
        s.save(0, scattered);
        value = repo.getState(s.key());
        assertTrue(value.length() <= 256, value);
        assertTrue(value.contains("done:1,3,5,"), "the lowest done UIDs are kept: " + value);
        assertFalse(value.contains(",199;"), "the highest were dropped: " + value);
    }

    @Test
    void refusesABoundTooSmallForAnEntry() {
        assertThrows(IllegalArgumentException.class, () -> store(255));
    }

    @Test
    void aFileRepositoryReadsItBackInANewInstance(@TempDir Path dir) throws Exception {
        File file = dir.resolve("state").toFile();
        FileStateRepository first = FileStateRepository.fileStateRepository(file);
        first.start();
        Imap4StateStore a = new Imap4StateStore(first, Imap4StateStore.key("h:143", "a=b", "x y"), 4096);
        a.clear(5);
        a.save(10, set(12, 13));
        first.stop();

        FileStateRepository second = FileStateRepository.fileStateRepository(file);
        second.start();
        Imap4StateStore b = new Imap4StateStore(second, Imap4StateStore.key("h:143", "a=b", "x y"), 4096);
        assertTrue(b.load(), Files.readString(file.toPath()));
        assertEquals(10, b.watermark());
        assertEquals(List.of(12L, 13L), List.copyOf(b.done()));
        second.stop();
    }
}
