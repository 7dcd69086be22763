package dev.imap4.bench.e2e;

/** Where the benchmark server listens and whom to log in as; plain IMAP on loopback. */
record Server(String host, int port, int tlsPort, String user, String password, String trustStore) {

    static Server fromProperties() {
        return new Server(System.getProperty("imap.host", "127.0.0.1"),
                Integer.getInteger("imap.port", 20143),
                Integer.getInteger("imap.tlsPort", 20993),
                System.getProperty("imap.user", "user1"),
                System.getProperty("imap.password", "pass1"),
                System.getProperty("imap.trustStore", ""));
    }
}
