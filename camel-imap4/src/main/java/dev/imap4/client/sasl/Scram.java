package dev.imap4.client.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677) without channel binding (GS2 header
 * {@code n,,}). The password never leaves the client; the server proves that it knows the
 * password too, and the exchange only counts as complete ({@link #isComplete()}) once that proof,
 * the server signature of §3, has been checked. A wrong signature or an {@code e=} error from the
 * server raises {@link Imap4SaslException}.
 *
 * <p>User name and password go through {@linkplain SaslPrep SASLprep} (RFC 4013, without its
 * bidirectional-text rules); ordinary passwords are used as their UTF-8 NFKC form. The client
 * nonce is 18 bytes from {@link SecureRandom}. The iteration count the server announces must lie
 * between 4096 (the minimum RFC 7677 §4 asks servers for, refused below so that a fake server
 * cannot obtain a cheaply crackable proof) and 10,000,000 (so that a server cannot make the client
 * spin).
 */
public final class Scram implements SaslMechanism {

    static final int MIN_ITERATIONS = 4096;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final String GS2_HEADER = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Step { START, FIRST_SENT, FINAL_SENT, COMPLETE, FAILED }

    private final String mechanism;
    private final String digest;
    private final String hmac;
    private final String user;
    private final byte[] password;
    private final String fixedNonce;

    private Step step = Step.START;
    private String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    /**
     * @param hashName {@code SHA-1} or {@code SHA-256} (case and hyphen do not matter)
     * @throws IllegalArgumentException for another hash, or a user name or password SASLprep refuses
     */
    public Scram(String hashName, String user, String password) {
        this(hashName, user, password, null);
    }

    /** With a fixed client nonce, so that the published test vectors can be replayed. */
    Scram(String hashName, String user, String password, String clientNonce) {
        String h = Objects.requireNonNull(hashName, "hash name").toUpperCase(Locale.ROOT).replace("-", "");
        switch (h) {
            case "SHA1" -> {
                mechanism = "SCRAM-SHA-1";
                digest = "SHA-1";
                hmac = "HmacSHA1";
            }
            case "SHA256" -> {
                mechanism = "SCRAM-SHA-256";
                digest = "SHA-256";
                hmac = "HmacSHA256";
            }
            default -> throw new IllegalArgumentException("SCRAM supports SHA-1 and SHA-256, not " + hashName);
        }
        this.user = SaslText.saslName(SaslPrep.prepare(Objects.requireNonNull(user, "user name"), "user name"));
        String prepared = SaslPrep.prepare(Objects.requireNonNull(password, "password"), "password");
        if (prepared.isEmpty()) {
            throw new IllegalArgumentException(mechanism + " needs a non-empty password");
        }
        this.password = prepared.getBytes(StandardCharsets.UTF_8);
        if (clientNonce != null && !isPrintable(clientNonce)) {
            throw new IllegalArgumentException("client nonce must be printable ASCII without ','");
        }
        this.fixedNonce = clientNonce;
    }

    @Override
    public String name() {
        return mechanism;
    }

    /** client-first-message (§5.1): the GS2 header, the user name and a fresh nonce. */
    @Override
    public byte[] initialResponse() {
        clientNonce = fixedNonce != null ? fixedNonce : newNonce();
        clientFirstBare = "n=" + user + ",r=" + clientNonce;
        expectedServerSignature = null;
        step = Step.FIRST_SENT;
        return SaslText.utf8(GS2_HEADER + clientFirstBare);
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        return switch (step) {
            case START -> {
                if (challenge.length != 0) {
                    throw fail("the server sent a challenge before the client's first message");
                }
                yield initialResponse();
            }
            case FIRST_SENT -> clientFinal(new String(challenge, StandardCharsets.UTF_8));
            case FINAL_SENT -> verifyServerFinal(new String(challenge, StandardCharsets.UTF_8));
            case COMPLETE, FAILED -> throw fail("the server sent a challenge after the exchange ended");
        };
    }

    /** True once the server signature has been verified. */
    @Override
    public boolean isComplete() {
        return step == Step.COMPLETE;
    }

    /** Reads server-first-message (§5.1) and computes client-final-message with the proof (§3). */
    private byte[] clientFinal(String serverFirst) {
        String[] attrs = serverFirst.split(",", -1);
        serverError(attrs[0]);
        if (attrs[0].startsWith("m=")) {
            throw fail("the server requires a mandatory extension (m=) this client does not support");
        }
        if (attrs.length < 3 || !attrs[0].startsWith("r=") || !attrs[1].startsWith("s=") || !attrs[2].startsWith("i=")) {
            throw fail("expected server-first-message 'r=...,s=...,i=...', got '" + SaslText.printable(
                    SaslText.utf8(serverFirst)) + "'");
        }
        String nonce = attrs[0].substring(2);
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length() || !isPrintable(nonce)) {
            throw fail("the server nonce does not extend the client nonce");
        }
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(attrs[1].substring(2));
        } catch (IllegalArgumentException e) {
            throw fail("the salt is not valid base64");
        }
        if (salt.length == 0) {
            throw fail("the salt is empty");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(attrs[2].substring(2));
        } catch (NumberFormatException e) {
            throw fail("the iteration count is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw fail("the iteration count " + iterations + " is outside " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(SaslText.utf8(GS2_HEADER)) + ",r=" + nonce;
        byte[] authMessage = SaslText.utf8(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] salted = hi(salt, iterations);
        byte[] clientKey = hmac(salted, SaslText.utf8("Client Key"));
        byte[] clientSignature = hmac(sha(clientKey), authMessage);
        byte[] proof = clientKey.clone();
        for (int i = 0; i < proof.length; i++) {
            proof[i] ^= clientSignature[i];
        }
        expectedServerSignature = hmac(hmac(salted, SaslText.utf8("Server Key")), authMessage);
        Arrays.fill(salted, (byte) 0);
        Arrays.fill(clientKey, (byte) 0);
        step = Step.FINAL_SENT;
        return SaslText.utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** Checks server-final-message (§5.1): {@code v=} must carry the expected server signature. */
    private byte[] verifyServerFinal(String serverFinal) {
        serverError(serverFinal);
        if (!serverFinal.startsWith("v=")) {
            throw fail("expected server-final-message 'v=...', got '" + SaslText.printable(
                    SaslText.utf8(serverFinal)) + "'");
        }
        int end = serverFinal.indexOf(',');
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(serverFinal.substring(2, end < 0 ? serverFinal.length() : end));
        } catch (IllegalArgumentException e) {
            throw fail("the server signature is not valid base64");
        }
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw fail("the server signature does not match: the server does not know the password,"
                    + " or the exchange was tampered with");
        }
        expectedServerSignature = null;
        step = Step.COMPLETE;
        return new byte[0];
    }

    private void serverError(String attr) {
        if (attr.startsWith("e=")) {
            throw fail("the server reported error '" + SaslText.printable(SaslText.utf8(attr.substring(2))) + "'");
        }
    }

    private Imap4SaslException fail(String why) {
        step = Step.FAILED;
        expectedServerSignature = null;
        return new Imap4SaslException(mechanism + ": " + why);
    }

    /** Hi(str, salt, i) of §2.2: PBKDF2 with HMAC and one output block. */
    private byte[] hi(byte[] salt, int iterations) {
        Mac mac = mac(password);
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    private Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " unavailable", e);
        }
    }

    private byte[] sha(byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digest + " unavailable", e);
        }
    }

    private static String newNonce() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** RFC 5802 printable: %x21-2B / %x2D-7E, i.e. visible ASCII but ','. */
    private static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
