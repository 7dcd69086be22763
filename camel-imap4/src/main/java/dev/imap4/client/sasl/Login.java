package dev.imap4.client.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * LOGIN (draft-murchison-sasl-login): the server asks {@code Username:} then {@code Password:},
 * the client answers each. Servers word the prompts differently, so a prompt mentioning a password
 * gets the password and one mentioning a user gets the user name; any other prompt is answered by
 * position (first the user name, then the password). The password travels in the clear: use TLS.
 */
public final class Login implements SaslMechanism {

    private final String user;
    private final String password;
    private int step;

    public Login(String user, String password) {
        this.user = Objects.requireNonNull(user, "user name");
        this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public String name() {
        return "LOGIN";
    }

    /** None: the server speaks first. */
    @Override
    public byte[] initialResponse() {
        return null;
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        String prompt = new String(challenge, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        int position = step++;
        if (prompt.contains("pass")) {
            return SaslText.utf8(password);
        }
        if (prompt.contains("user") || prompt.contains("name")) {
            return SaslText.utf8(user);
        }
        return switch (position) {
            case 0 -> SaslText.utf8(user);
            case 1 -> SaslText.utf8(password);
            default -> throw new Imap4SaslException("LOGIN: unexpected challenge '"
                    + SaslText.printable(challenge) + "' after the user name and password were sent");
        };
    }
}
