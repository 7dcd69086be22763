package dev.imap4.client.internal.transport;

import dev.imap4.client.Imap4Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Python's {@code cafile=} and curl's {@code --cacert}: the certificates of a PEM file (a server's
 * self-signed certificate, a private CA, or several in one file) as the trust anchors of a TLS
 * context. Chains are validated against them by the JDK's PKIX trust manager, and host names are
 * checked as with any other context: this replaces which certificates are trusted, never which
 * checks are made.
 */
public final class PemTrust {

    private static final Pattern CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private PemTrust() {
    }

    /** A TLS context trusting exactly the certificates in {@code pem}; {@code source} names it in errors. */
    public static SSLContext sslContext(byte[] pem, String source) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trustStore(pem, source));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new Imap4Exception("cannot build a TLS context from " + source + ": " + e.getMessage(), e);
        }
    }

    /** The certificates of {@code pem} in an in-memory trust store. */
    static KeyStore trustStore(byte[] pem, String source) throws GeneralSecurityException {
        List<X509Certificate> certs = certificates(pem, source);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store cannot fail to load", e);
        }
        for (int i = 0; i < certs.size(); i++) {
            ks.setCertificateEntry("trusted-" + i, certs.get(i));
        }
        return ks;
    }

    static List<X509Certificate> certificates(byte[] pem, String source) throws GeneralSecurityException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certs = new ArrayList<>();
        Matcher m = CERTIFICATE.matcher(text);
        while (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new Imap4Exception("certificate " + (certs.size() + 1) + " in " + source
                        + " is not valid base64: " + e.getMessage(), e);
            }
            Certificate c = cf.generateCertificate(new ByteArrayInputStream(der));
            certs.add((X509Certificate) c);
        }
        if (certs.isEmpty()) {
            throw new Imap4Exception(source + " holds no PEM certificate (a '-----BEGIN CERTIFICATE-----'"
                    + " block); pass the server's certificate or its CA's, not a key or a key store");
        }
        return certs;
    }
}
