package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScramTest {

    // RFC 5802 §5
    static final String SHA1_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    static final String SHA1_SERVER_FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
    static final String SHA1_CLIENT_FINAL =
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
    static final String SHA1_SERVER_FINAL = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

    // RFC 7677 §3
    static final String SHA256_NONCE = "rOprNGfwEbeRWgbNEkqO";
    static final String SHA256_SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    static final String SHA256_CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    static final String SHA256_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static Scram sha256AfterFirstStep() {
        Scram scram = new Scram("SHA-256", "user", "pencil", SHA256_NONCE);
        scram.initialResponse();
        scram.evaluateChallenge(b(SHA256_SERVER_FIRST));
        return scram;
    }

    @Test
    void rfc5802Sha1Example() {
        Scram scram = new Scram("SHA-1", "user", "pencil", SHA1_NONCE);
        assertEquals("SCRAM-SHA-1", scram.name());
        assertEquals("n,,n=user,r=" + SHA1_NONCE, s(scram.initialResponse()));
        assertEquals(SHA1_CLIENT_FINAL, s(scram.evaluateChallenge(b(SHA1_SERVER_FIRST))));
        assertFalse(scram.isComplete());
        assertArrayEquals(new byte[0], scram.evaluateChallenge(b(SHA1_SERVER_FINAL)));
        assertTrue(scram.isComplete());
    }

    @Test
    void rfc7677Sha256Example() {
        Scram scram = new Scram("SHA-256", "user", "pencil", SHA256_NONCE);
        assertEquals("SCRAM-SHA-256", scram.name());
        assertEquals("n,,n=user,r=" + SHA256_NONCE, s(scram.initialResponse()));
        assertEquals(SHA256_CLIENT_FINAL, s(scram.evaluateChallenge(b(SHA256_SERVER_FIRST))));
        assertArrayEquals(new byte[0], scram.evaluateChallenge(b(SHA256_SERVER_FINAL)));
        assertTrue(scram.isComplete());
    }

    @Test
    void wrongServerSignatureIsRejectedWithoutTheSecret() {
        Scram scram = sha256AfterFirstStep();
        Imap4SaslException e = assertThrows(Imap4SaslException.class,
                () -> scram.evaluateChallenge(b("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")));
        assertTrue(e.getMessage().startsWith("SCRAM-SHA-256: the server signature does not match"), e.getMessage());
        assertFalse(e.getMessage().contains("pencil"), e.getMessage());
        assertFalse(scram.isComplete());
    }

    @Test
    void serverErrorInFinalMessageIsReported() {
        Scram scram = sha256AfterFirstStep();
        Imap4SaslException e = assertThrows(Imap4SaslException.class,
                () -> scram.evaluateChallenge(b("e=invalid-proof")));
        assertEquals("SCRAM-SHA-256: the server reported error 'invalid-proof'", e.getMessage());
        assertFalse(scram.isComplete());
    }

    @Test
    void finalMessageWithoutSignatureIsRejected() {
        Scram scram = sha256AfterFirstStep();
        assertThrows(Imap4SaslException.class, () -> scram.evaluateChallenge(b("x=1")));
        assertFalse(scram.isComplete());
    }

    @Test
    void serverNonceMustExtendTheClientNonce() {
        Scram scram = new Scram("SHA-256", "user", "pencil", SHA256_NONCE);
        scram.initialResponse();
        Imap4SaslException e = assertThrows(Imap4SaslException.class,
                () -> scram.evaluateChallenge(b("r=someoneElsesNonce123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    }

    @Test
    void iterationCountBelow4096IsRefused() {
        Scram scram = new Scram("SHA-256", "user", "pencil", SHA256_NONCE);
        scram.initialResponse();
        Imap4SaslException e = assertThrows(Imap4SaslException.class,
                () -> scram.evaluateChallenge(b("r=" + SHA256_NONCE + "xyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1")));
        assertTrue(e.getMessage().contains("iteration count 1"), e.getMessage());
    }

    @Test
    void mandatoryExtensionIsRefused() {
        Scram scram = new Scram("SHA-1", "user", "pencil", SHA1_NONCE);
        scram.initialResponse();
        assertThrows(Imap4SaslException.class, () -> scram.evaluateChallenge(b("m=ext," + SHA1_SERVER_FIRST)));
    }

    @Test
    void challengeAfterCompletionIsRefused() {
        Scram scram = sha256AfterFirstStep();
        scram.evaluateChallenge(b(SHA256_SERVER_FINAL));
        assertThrows(Imap4SaslException.class, () -> scram.evaluateChallenge(new byte[0]));
    }

    @Test
    void userNameCommaAndEqualsAreEscaped() {
        Scram scram = new Scram("SHA-256", "a,b=c", "pencil", SHA256_NONCE);
        assertEquals("n,,n=a=2Cb=3Dc,r=" + SHA256_NONCE, s(scram.initialResponse()));
    }

    @Test
    void clientNonceIsFreshAndRandomForEveryExchange() {
        Scram scram = new Scram("SHA-256", "user", "pencil");
        String first = s(scram.initialResponse());
        String second = s(scram.initialResponse());
        assertTrue(first.matches("n,,n=user,r=[A-Za-z0-9+/]{24}"), first);
        assertNotEquals(first, second);
    }

    @Test
    void hashNameIsCaseAndHyphenInsensitive() {
        assertEquals("SCRAM-SHA-256", new Scram("sha256", "u", "p").name());
        assertEquals("SCRAM-SHA-1", new Scram("Sha-1", "u", "p").name());
        assertThrows(IllegalArgumentException.class, () -> new Scram("MD5", "u", "p"));
    }

    @Test
    void passwordWithControlCharacterIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scram("SHA-256", "user", "pen\u0007cil"));
        assertFalse(e.getMessage().contains("pen"), e.getMessage());
        assertTrue(e.getMessage().startsWith("password contains"), e.getMessage());
    }

    @Test
    void passwordIsPreparedWithSaslPrep() {
        // U+00AD (soft hyphen) maps to nothing: "pen\u00ADcil" authenticates as "pencil"
        Scram scram = new Scram("SHA-256", "user", "pen\u00ADcil", SHA256_NONCE);
        scram.initialResponse();
        assertEquals(SHA256_CLIENT_FINAL, s(scram.evaluateChallenge(b(SHA256_SERVER_FIRST))));
    }
}
