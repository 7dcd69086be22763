package dev.imap4.client.internal.transport;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The server-identity check of RFC 9525 (which updates RFC 6125; RFC 2595 §2.4 asks IMAP clients
 * for it), run by the client itself after every TLS handshake, whatever trust manager the caller
 * supplied: a trust manager may skip the host name (an {@code X509ExtendedTrustManager} is the one
 * that JSSE asks to do it). Rules:
 * <ul>
 * <li>A host name matches a subjectAltName dNSName, compared without case and without a final dot;
 *     a name in another script is compared in its ASCII (A-label) form.</li>
 * <li>A wildcard is honoured only as the whole left-most label ({@code *.example.org}), with at
 *     least two labels after it; it matches exactly one label ({@code a.example.org}, not
 *     {@code example.org} or {@code a.b.example.org}). {@code f*.example.org} matches nothing.</li>
 * <li>An IP address literal matches only a subjectAltName iPAddress of the same address, never a
 *     dNSName.</li>
 * <li>The subject's common name (CN) is never used: a certificate without a matching
 *     subjectAltName is refused (RFC 9525 §6.3 dropped the CN fallback).</li>
 * </ul>
 */
public final class ServerIdentity {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ServerIdentity() {
    }

    /** Refuses the connection unless {@code certificate} names {@code host}. */
    public static void verify(String host, X509Certificate certificate) throws SSLPeerUnverifiedException {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new SSLPeerUnverifiedException("cannot read the server certificate's subjectAltName: "
                    + e.getMessage());
        }
        if (!matches(host, names)) {
            throw new SSLPeerUnverifiedException("the server's certificate is not for " + host + " (its"
                    + " subjectAltNames: " + describe(names) + "; the subject CN is not used); connect with a name"
                    + " the certificate holds");
        }
    }

    /** Whether the subjectAltName entries (as {@link X509Certificate#getSubjectAlternativeNames}) name {@code host}. */
    static boolean matches(String host, Collection<List<?>> subjectAltNames) {
        if (host == null || host.isEmpty() || subjectAltNames == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] ip = ipLiteral(h);
        if (ip == null && (IPV4.matcher(h).matches() || h.indexOf(':') >= 0)) {
            return false; // looks like an address but is none (999.0.0.1): not a host name either
        }
        for (List<?> entry : subjectAltNames) {
            if (entry.size() < 2 || !(entry.get(0) instanceof Integer type) || !(entry.get(1) instanceof String value)) {
                continue;
            }
            if (ip != null ? type == SAN_IP && Arrays.equals(ip, ipLiteral(value))
                    : type == SAN_DNS && dnsMatches(h, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String host, String pattern) {
        String h = canonical(host);
        String p = canonical(pattern);
        if (h == null || p == null || h.isEmpty() || p.isEmpty()) {
            return false;
        }
        if (!p.startsWith("*.")) {
            return p.indexOf('*') < 0 && h.equals(p);
        }
        String rest = p.substring(2);
        if (rest.indexOf('*') >= 0 || rest.indexOf('.') < 0) {
            return false; // a second wildcard, or too few labels after it (*.com)
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot + 1).equals(rest);
    }

    // lower-case ASCII (A-labels), without a final dot; null when not a valid name
    private static String canonical(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return n.toLowerCase(Locale.ROOT);
    }

    // the address of an IP literal (never a DNS lookup: only literal forms reach InetAddress), else null
    private static byte[] ipLiteral(String s) {
        if (IPV4.matcher(s).matches()) {
            String[] parts = s.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        if (!IPV6.matcher(s).matches()) {
            return null;
        }
        try { // contains ':', so InetAddress parses it as an IPv6 literal or refuses it, with no lookup
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String describe(Collection<List<?>> names) {
        List<String> out = new ArrayList<>();
        if (names != null) {
            for (List<?> entry : names) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer type && (type == SAN_DNS || type == SAN_IP)) {
                    out.add((type == SAN_DNS ? "DNS:" : "IP:") + entry.get(1));
                }
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
