package dev.imap4.bench.e2e;

import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLSession;

/** Prints, once per case and JVM, the protocol and cipher suite a TLS case negotiated. */
final class Tls {

    private static final Set<String> NOTED = new HashSet<>();

    private Tls() {
    }

    static synchronized void note(String name, SSLSession session) {
        if (session != null && NOTED.add(name)) {
            System.out.printf("# tls %s: %s %s (java %s)%n", name, session.getProtocol(), session.getCipherSuite(),
                    System.getProperty("java.version"));
        }
    }
}
