package dev.imap4.client;

import java.io.IOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

/** Says in words what a failed TLS handshake means and what fixes it; other failures as they are. */
final class TlsFailure {

    private TlsFailure() {
    }

    static String describe(IOException e, String host) {
        if (!(e instanceof SSLHandshakeException)) {
            return e.getMessage();
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            // the JDK's PKIX validator: sun.security.validator.ValidatorException, CertPathBuilderException
            if (t instanceof CertPathValidatorException || name.endsWith("ValidatorException")
                    || name.endsWith("CertPathBuilderException")) {
                return "the server's certificate is not trusted (" + e.getMessage() + "); trust its certificate"
                        + " or its CA: a PEM file through trustCertificates (Imap4Options.withTrustedCertificates),"
                        + " or a trust store";
            }
            if (t instanceof CertificateException && String.valueOf(t.getMessage()).contains("match")) {
                return "the server's certificate is not for " + host + " (" + t.getMessage()
                        + "); connect with a name the certificate holds";
            }
        }
        return e.getMessage();
    }
}
