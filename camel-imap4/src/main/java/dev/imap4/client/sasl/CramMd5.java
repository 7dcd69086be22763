package dev.imap4.client.sasl;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CRAM-MD5 (RFC 2195): answers the server's challenge with {@code user SP hex(HMAC-MD5(password, challenge))}.
 * The password does not travel, but a recorded exchange allows an offline dictionary attack and the
 * server is not authenticated; prefer SCRAM where offered.
 */
public final class CramMd5 implements SaslMechanism {

    private final String user;
    private final String password;

    /** @param password must not be empty (HMAC needs a key) */
    public CramMd5(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return "CRAM-MD5";
    }

    @Override
    public byte[] initialResponse() {
        return null;
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            byte[] digest = mac.doFinal(challenge);
            StringBuilder sb = new StringBuilder(user).append(' ');
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
        }
    }
}
