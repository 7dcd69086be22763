package dev.imap4.examples.core;

/** Starts the demo server, runs the imaplib-style example and then the typed one against it. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try (DemoMailServer server = new DemoMailServer()) {
            System.out.println("== imaplib's example, line by line");
            ImaplibExample.run(server.host(), server.port(), DemoMailServer.USER, DemoMailServer.PASSWORD);
            System.out.println("== the typed API");
            TypedExample.run(server.host(), server.port(), DemoMailServer.USER, DemoMailServer.PASSWORD);
        }
    }
}
