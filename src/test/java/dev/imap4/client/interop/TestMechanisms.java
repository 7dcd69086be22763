package dev.imap4.client.interop;

import dev.imap4.client.sasl.SaslMechanism;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Small SASL mechanisms written for these tests against the {@link SaslMechanism} interface, so
 * the suite can prove AUTHENTICATE PLAIN, LOGIN and SCRAM on real servers; the project's own
 * mechanisms can replace them once they exist.
 */
final class TestMechanisms {

    private TestMechanisms() {
    }

    /** PLAIN (RFC 4616): {@code \0user\0password} as the initial response. */
    static SaslMechanism plain(String user, String password) {
        byte[] ir = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
        return new SaslMechanism() {
            @Override
            public String name() {
                return "PLAIN";
            }

            @Override
            public byte[] initialResponse() {
                return ir;
            }

            @Override
            public byte[] evaluateChallenge(byte[] challenge) {
                throw new IllegalStateException("PLAIN expects no challenge");
            }
        };
    }

    /** LOGIN (draft-murchison-sasl-login): the user name, then the password, each on request. */
    static SaslMechanism login(String user, String password) {
        return new SaslMechanism() {
            private int step;

            @Override
            public String name() {
                return "LOGIN";
            }

            @Override
            public byte[] initialResponse() {
                return null;
            }

            @Override
            public byte[] evaluateChallenge(byte[] challenge) {
                String value = switch (step++) {
                    case 0 -> user;
                    case 1 -> password;
                    default -> throw new IllegalStateException("LOGIN has two steps");
                };
                return value.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** SCRAM (RFC 5802, RFC 7677) without channel binding; checks the server's signature. */
    static final class Scram implements SaslMechanism {
        private final String name;
        private final String hash;
        private final String mac;
        private final String user;
        private final String password;
        private final String clientFirstBare;
        private byte[] expectedServerSignature;
        private boolean serverVerified;
        private int step;

        Scram(String name, String user, String password) {
            this.name = name;
            this.hash = name.equals("SCRAM-SHA-1") ? "SHA-1" : "SHA-256";
            this.mac = name.equals("SCRAM-SHA-1") ? "HmacSHA1" : "HmacSHA256";
            this.user = user;
            this.password = password;
            byte[] nonce = new byte[18];
            new SecureRandom().nextBytes(nonce);
            this.clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r="
                    + Base64.getEncoder().encodeToString(nonce);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public byte[] initialResponse() {
            return ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) {
            String text = new String(challenge, StandardCharsets.UTF_8);
            try {
                if (step++ == 0) {
                    return clientFinal(text);
                }
                byte[] signature = Base64.getDecoder().decode(attributes(text).get("v"));
                serverVerified = MessageDigest.isEqual(signature, expectedServerSignature);
                if (!serverVerified) {
                    throw new IllegalStateException("SCRAM server signature does not match");
                }
                return new byte[0];
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " failed", e);
            }
        }

        /** Whether the server proved it knows the password. */
        boolean serverVerified() {
            return serverVerified;
        }

        private byte[] clientFinal(String serverFirst) throws GeneralSecurityException {
            Map<String, String> a = attributes(serverFirst);
            String nonce = a.get("r");
            if (!nonce.startsWith(clientFirstBare.substring(clientFirstBare.indexOf(",r=") + 3))) {
                throw new IllegalStateException("SCRAM server nonce does not extend ours");
            }
            byte[] salt = Base64.getDecoder().decode(a.get("s"));
            int iterations = Integer.parseInt(a.get("i"));
            int bits = hash.equals("SHA-1") ? 160 : 256;
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2With" + mac)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bits)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance(hash).digest(clientKey);
            String withoutProof = "c=biws,r=" + nonce;
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] clientSignature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
            }
            expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
            return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
        }

        private byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(key, mac));
            return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }

        private static Map<String, String> attributes(String message) {
            Map<String, String> out = new HashMap<>();
            for (String part : message.split(",")) {
                int eq = part.indexOf('=');
                if (eq == 1) {
                    out.put(part.substring(0, 1), part.substring(2));
                }
            }
            return out;
        }
    }
}
