package dev.imap4.client.internal.transport;

import dev.imap4.client.Imap4Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * imaplib's {@code keyfile}/{@code certfile}: a PEM private key (PKCS#8, RSA or EC) and a PEM
 * certificate chain turned into a TLS context that presents them as the client certificate.
 */
public final class PemKeyMaterial {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemKeyMaterial() {
    }

    /**
     * A TLS context presenting the client key and chain; the server is verified against
     * {@code trustStore}, or the JVM's default trust store when it is {@code null}.
     */
    public static SSLContext sslContext(Path keyfile, Path certfile, KeyStore trustStore) {
        try {
            String keyPem = Files.readString(keyfile, StandardCharsets.US_ASCII);
            Matcher m = PRIVATE_KEY.matcher(keyPem);
            if (!m.find()) {
                throw new Imap4Exception("keyfile " + keyfile.getFileName()
                        + " holds no unencrypted PKCS#8 key ('BEGIN PRIVATE KEY'); convert it with "
                        + "'openssl pkcs8 -topk8 -nocrypt'");
            }
            PrivateKey key = privateKey(Base64.getMimeDecoder().decode(m.group(1)));
            List<X509Certificate> chain = PemTrust.certificates(Files.readAllBytes(certfile),
                    "certfile " + certfile.getFileName());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = new char[0];
            ks.setKeyEntry("client", key, pw, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new Imap4Exception("cannot read client certificate files: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new Imap4Exception("cannot use client certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }
}
