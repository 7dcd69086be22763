package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer's memory between polls: in flight, done, the incremental watermark, UIDVALIDITY. */
class Imap4ConsumerStateTest {

    private final Imap4ConsumerState state = new Imap4ConsumerState();

    @BeforeEach
    void select() {
        assertFalse(state.adopt(7), "the first UIDVALIDITY is no change");
    }

    @Test
    void messagesInFlightOrDoneAreNotCandidates() {
        state.delivered(1);
        state.delivered(2);
        state.finished(2);
        assertEquals(List.of(3L), state.candidates(List.of(1L, 2L, 3L), false));
    }

    @Test
    void aRetriedMessageIsACandidateAgain() {
        state.delivered(1);
        state.retry(1);
        assertEquals(List.of(1L), state.candidates(List.of(1L), false));
    }

    @Test
    void doneIsForgottenOnceTheSearchNoLongerFindsIt() {
        state.delivered(1);
        state.finished(1);
        assertEquals(List.of(), state.candidates(List.of(), false));
        // marked unseen again by a user: delivered again
        assertEquals(List.of(1L), state.candidates(List.of(1L), false));
    }

    @Test
    void incrementalDropsUidsAtOrBelowTheWatermarkLikeTheHighestUidOfAnEmptyRange() {
        for (long uid = 1; uid <= 3; uid++) {
            state.delivered(uid);
            state.finished(uid);
        }
        assertEquals(List.of(), state.candidates(List.of(1L, 2L, 3L), true));
        assertEquals(3, state.watermark());
        // "UID SEARCH ... UID 4:*" answered with 3 by Dovecot
        assertEquals(List.of(), state.candidates(List.of(3L), true));
        assertEquals(List.of(4L), state.candidates(List.of(3L, 4L), true));
    }

    @Test
    void theWatermarkStopsBelowAMessageThatMustBeRetried() {
        state.delivered(1);
        state.delivered(2);
        state.retry(1);
        state.finished(2);
        assertEquals(List.of(1L), state.candidates(List.of(1L, 2L), true));
        assertEquals(0, state.watermark());
        state.delivered(1);
        state.finished(1);
        assertEquals(List.of(), state.candidates(List.of(1L, 2L), true));
        assertEquals(2, state.watermark());
    }

    @Test
    void theWatermarkStopsBelowAMessageInFlightEvenWhenTheSearchNoLongerFindsIt() {
        state.delivered(5);
        state.delivered(6);
        state.finished(6);
        assertEquals(List.of(), state.candidates(List.of(), true));
        assertEquals(0, state.watermark());
        state.finished(5);
        assertEquals(List.of(), state.candidates(List.of(), true));
        assertEquals(6, state.watermark(), "done messages the search no longer finds (now \\Seen) are absorbed");
    }

    @Test
    void aChangedUidValidityForgetsEverything() {
        state.delivered(1);
        state.delivered(2);
        state.finished(2);
        state.failedAttempt(3);
        state.expungeLater(List.of(2L));
        assertTrue(state.adopt(8));
        assertEquals(8, state.uidValidity());
        assertEquals(List.of(1L, 2L), state.candidates(List.of(1L, 2L), false));
        assertEquals(List.of(), state.takePendingExpunge());
        assertEquals(1, state.failedAttempt(3));
    }

    @Test
    void failedAttemptsAreCountedPerUidAndForgottenWhenFinished() {
        assertEquals(1, state.failedAttempt(4));
        assertEquals(2, state.failedAttempt(4));
        assertEquals(1, state.failedAttempt(5));
        state.finished(4);
        assertEquals(1, state.failedAttempt(4));
    }

    @Test
    void pendingExpungesAreTakenOnce() {
        state.expungeLater(List.of(3L, 1L));
        state.expungeLater(List.of(2L));
        assertEquals(List.of(1L, 2L, 3L), state.takePendingExpunge());
        assertEquals(List.of(), state.takePendingExpunge());
    }
}
