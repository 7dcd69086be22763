package dev.imap4.testing;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Trust managers a careless application might pass: the client must refuse or out-check them. */
public final class PermissiveTrust {

    private PermissiveTrust() {
    }

    /** Accepts every chain; JSSE still checks the host name around it (it is not "extended"). */
    public static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * An extended trust manager: JSSE leaves chain and host name to it. With {@code only} null it
     * checks nothing; otherwise it trusts exactly that certificate and still skips the host name.
     */
    public static final class Permissive extends X509ExtendedTrustManager {
        private final X509Certificate only;

        public Permissive(X509Certificate only) {
            this.only = only;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (only != null && !only.equals(chain[0])) {
                throw new CertificateException("not the one certificate trusted here");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
