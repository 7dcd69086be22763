package dev.imap4.client.internal.wire;

/** Printable renderings of protocol bytes for error messages and traces. */
public final class Ascii {
    private Ascii() {
    }

    /** Bytes as text with control and non-ASCII bytes escaped, so a message never carries raw CR/LF. */
    public static String printable(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        return sb.toString();
    }

    public static String printable(byte[] b) {
        return printable(b, 0, b.length);
    }
}
