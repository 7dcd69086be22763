package dev.imap4.client.sasl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from a standard OAuth 2.0 token endpoint (RFC 6749 §6 refresh-token grant, §4.4
 * client-credentials grant), for {@link XOAuth2} and {@link OAuthBearer}. A token is kept until
 * {@code skew} before it expires ({@code expires_in}), then the next {@link #get()} fetches a new
 * one; {@link #invalidate(String)} drops one the server refused, so a retried AUTHENTICATE gets a
 * fresh token. A refresh token the endpoint rotates (Microsoft does) is used from then on; it is
 * kept in memory only.
 *
 * <p>Bounded and verified: the endpoint must be {@code https} (plain {@code http} only on a
 * loopback address, for tests and local proxies), its certificate and host name are checked by the
 * JDK's default trust store (there is no way to turn that off), redirects are not followed (the
 * secrets go to the configured endpoint only), connecting is bounded by {@code connectTimeout},
 * the whole exchange by {@code readTimeout}, and the answer by {@code maxResponseBytes}. Neither
 * tokens nor secrets are logged or put in exception messages; {@link #toString()} shows neither.
 *
 * <p>Thread-safe: one token fetch at a time; callers wait for it (within the timeouts).
 */
public final class OAuth2TokenSupplier implements Supplier<String> {

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenSupplier.class);

    /** How the client authenticates to the token endpoint (RFC 6749 §2.3.1). */
    public enum ClientAuthentication {
        /** {@code client_id} and {@code client_secret} in the form body (Google's and Microsoft's examples). */
        POST,
        /** HTTP Basic with the URL-encoded client id and secret, which every endpoint must accept. */
        BASIC
    }

    static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
    static final Duration MAX_SKEW = Duration.ofMinutes(10);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
    static final int MIN_RESPONSE_BYTES = 1024;
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    /** The longest {@code expires_in} taken as given: a year. */
    static final long MAX_EXPIRES_IN = 365L * 24 * 3600;

    // RFC 6750 §2.1 b64token, which is also safe inside a SASL message
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final URI tokenUrl;
    private final String where;
    private final String grant;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final ClientAuthentication clientAuthentication;
    private final Duration skew;
    private final Duration readTimeout;
    private final int maxResponseBytes;
    private final Clock clock;
    private final HttpClient http;

    private String refreshToken;
    private String token;
    private Instant validUntil = Instant.MIN;

    private OAuth2TokenSupplier(Builder b) {
        this.tokenUrl = b.tokenUrl;
        this.where = describe(b.tokenUrl);
        this.grant = b.refreshToken == null ? "client_credentials" : "refresh_token";
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.refreshToken = b.refreshToken;
        this.scope = b.scope;
        this.clientAuthentication = b.clientAuthentication;
        this.skew = b.skew;
        this.readTimeout = b.readTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.clock = b.clock;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A supplier using the refresh-token grant (RFC 6749 §6): the usual one for a user's mailbox. */
    public static Builder refreshToken(URI tokenUrl, String clientId, String refreshToken) {
        return new Builder(tokenUrl, clientId, Objects.requireNonNull(refreshToken, "refresh token"));
    }

    /** A supplier using the client-credentials grant (RFC 6749 §4.4): an application's own access. */
    public static Builder clientCredentials(URI tokenUrl, String clientId, String clientSecret) {
        return new Builder(tokenUrl, clientId, null).clientSecret(Objects.requireNonNull(clientSecret, "client secret"));
    }

    /** The current access token: the kept one while it is valid, else a new one from the endpoint. */
    @Override
    public synchronized String get() {
        if (token != null && clock.instant().isBefore(validUntil)) {
            return token;
        }
        return fetch();
    }

    /**
     * Drops {@code refused} (the server did not accept it, e.g. AUTHENTICATE answered NO), so the
     * next {@link #get()} fetches a new token; a token fetched meanwhile by another caller is kept.
     */
    public synchronized void invalidate(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
            validUntil = Instant.MIN;
        }
    }

    /** The grant and the endpoint; no secret. */
    @Override
    public String toString() {
        return "OAuth2TokenSupplier[" + grant + " at " + where + "]";
    }

    private String fetch() {
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl).timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        StringBuilder form = new StringBuilder("grant_type=").append(grant);
        if (refreshToken != null) {
            add(form, "refresh_token", refreshToken);
        }
        if (clientAuthentication == ClientAuthentication.BASIC && clientSecret != null) {
            String pair = encode(clientId) + ":" + encode(clientSecret);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            add(form, "client_id", clientId);
            if (clientSecret != null) {
                add(form, "client_secret", clientSecret);
            }
        }
        if (scope != null) {
            add(form, "scope", scope);
        }
        request.POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8));
        Instant asked = clock.instant();
        HttpResponse<byte[]> response = send(request.build());
        Map<String, String> json = parse(response);
        if (response.statusCode() != 200) {
            throw refused(response.statusCode(), json);
        }
        return adopt(json, asked);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new CappedBody(maxResponseBytes));
        try {
            return future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OAuth2TokenException("the token endpoint " + where + " did not answer within "
                    + readTimeout.toSeconds() + " s", 0, null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OAuth2TokenException("interrupted while asking " + where + " for a token", 0, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new OAuth2TokenException("the answer of the token endpoint " + where + " is larger than "
                        + maxResponseBytes + " bytes", 0, null);
            }
            throw new OAuth2TokenException("cannot reach the token endpoint " + where + ": "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
                    0, null);
        }
    }

    private Map<String, String> parse(HttpResponse<byte[]> response) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(response.body())).toString();
        } catch (CharacterCodingException e) {
            throw new OAuth2TokenException("the token endpoint " + where + " answered HTTP " + response.statusCode()
                    + " with bytes that are not UTF-8", response.statusCode(), null);
        }
        try {
            return TokenJson.parse(text);
        } catch (Imap4SaslException e) {
            throw new OAuth2TokenException("the token endpoint " + where + " answered HTTP " + response.statusCode()
                    + ", and " + e.getMessage(), response.statusCode(), null);
        }
    }

    // RFC 6749 §5.2: error (an ASCII code) and error_description
    private OAuth2TokenException refused(int status, Map<String, String> json) {
        String error = json.get("error");
        if (error != null && !error.matches("[\\x20-\\x7E]{1,64}")) {
            error = "(an error code that is not printable ASCII)";
        }
        String description = json.get("error_description");
        StringBuilder msg = new StringBuilder("the token endpoint ").append(where).append(" refused the ")
                .append(grant).append(" grant: HTTP ").append(status);
        if (error != null) {
            msg.append(' ').append(error);
        }
        if (description != null) {
            msg.append(" (").append(clean(description)).append(')');
        }
        return new OAuth2TokenException(msg.toString(), status, error);
    }

    private String adopt(Map<String, String> json, Instant asked) {
        String access = json.get("access_token");
        if (access == null || access.isEmpty()) {
            throw new OAuth2TokenException("the token endpoint " + where + " answered without an access_token", 200, null);
        }
        if (!B64TOKEN.matcher(access).matches()) {
            throw new OAuth2TokenException("the access_token from " + where + " holds characters a bearer token may"
                    + " not (RFC 6750 §2.1)", 200, null);
        }
        String type = json.get("token_type");
        if (type == null || !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new OAuth2TokenException("the token endpoint " + where + " issued a token of type "
                    + (type == null ? "(none)" : clean(type)) + ", not Bearer", 200, null);
        }
        long expiresIn = expiresIn(json.get("expires_in"));
        String rotated = json.get("refresh_token");
        if (rotated != null && !rotated.isEmpty() && refreshToken != null) {
            refreshToken = rotated;
        }
        token = access;
        validUntil = expiresIn < 0 ? Instant.MAX : asked.plusSeconds(expiresIn).minus(skew);
        LOG.debug("Got an access token from {} ({} grant), valid for {}", where, grant,
                expiresIn < 0 ? "as long as the server accepts it" : expiresIn + " s");
        return access;
    }

    /**
     * {@code expires_in} in seconds, or -1 when absent (the token is then kept until a server
     * refuses it). A number, or a string holding one (Azure AD's v1 endpoint sends a string).
     */
    private long expiresIn(String value) {
        if (value == null) {
            return -1;
        }
        if (!value.matches("\\d{1,12}")) {
            throw new OAuth2TokenException("the token endpoint " + where + " answered with an expires_in that is not"
                    + " a whole number of seconds", 200, null);
        }
        return Math.min(Long.parseLong(value), MAX_EXPIRES_IN);
    }

    /** Server text for a message: printable, short, and without any of our secrets. */
    private String clean(String text) {
        String t = text.replaceAll("[\\p{Cntrl}]", " ");
        for (String secret : new String[] {clientSecret, refreshToken, token}) {
            if (secret != null && !secret.isEmpty()) {
                t = t.replace(secret, "***");
            }
        }
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    private static void add(StringBuilder form, String name, String value) {
        form.append('&').append(name).append('=').append(encode(value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches();
    }

    /** Collects the body, failing as soon as it grows past the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int max;
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The settings of a supplier; every bound has a default and a limit. */
    public static final class Builder {
        private final URI tokenUrl;
        private final String clientId;
        private final String refreshToken;
        private String clientSecret;
        private String scope;
        private ClientAuthentication clientAuthentication = ClientAuthentication.POST;
        private Duration skew = DEFAULT_SKEW;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Clock clock = Clock.systemUTC();

        private Builder(URI tokenUrl, String clientId, String refreshToken) {
            this.tokenUrl = checkUrl(Objects.requireNonNull(tokenUrl, "token URL"));
            this.clientId = Objects.requireNonNull(clientId, "client id");
            this.refreshToken = refreshToken;
        }

        private static URI checkUrl(URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("the token URL must be an https URL, was " + describe(url));
            }
            if (scheme.equals("http") && !loopback(url.getHost())) {
                throw new IllegalArgumentException("the token URL must be https: plain http would send the client"
                        + " secret and refresh token unencrypted (http is accepted only on a loopback address), was "
                        + describe(url));
            }
            if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
                throw new IllegalArgumentException("the token URL may hold neither user info nor a fragment, was "
                        + url.getScheme() + "://" + url.getHost() + (url.getRawPath() == null ? "" : url.getRawPath()));
            }
            return url;
        }

        /** The client secret; none for a public client using the refresh-token grant. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** The scope to ask for (space-separated), or none to get the grant's default. */
        public Builder scope(String scope) {
            this.scope = scope == null || scope.isBlank() ? null : scope;
            return this;
        }

        /** How to send the client secret; {@link ClientAuthentication#POST} by default. */
        public Builder clientAuthentication(ClientAuthentication how) {
            this.clientAuthentication = Objects.requireNonNull(how, "client authentication");
            return this;
        }

        /** How long before its expiry a token is replaced: 0 to 10 minutes, 60 s by default. */
        public Builder skew(Duration skew) {
            this.skew = bounded(skew, Duration.ZERO, MAX_SKEW, "skew");
            return this;
        }

        /** The bound on connecting (and the TLS handshake): 1 s to 10 minutes, 10 s by default. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = bounded(timeout, Duration.ofSeconds(1), MAX_TIMEOUT, "connect timeout");
            return this;
        }

        /** The bound on the whole exchange, answer included: 1 s to 10 minutes, 30 s by default. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = bounded(timeout, Duration.ofSeconds(1), MAX_TIMEOUT, "read timeout");
            return this;
        }

        /** The largest answer read, in bytes: 1 KiB to 1 MiB, 64 KiB by default. */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < MIN_RESPONSE_BYTES || bytes > MAX_RESPONSE_BYTES) {
                throw new IllegalArgumentException("maxResponseBytes must be " + MIN_RESPONSE_BYTES + " to "
                        + MAX_RESPONSE_BYTES + ", was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** The clock expiry is measured with (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OAuth2TokenSupplier build() {
            return new OAuth2TokenSupplier(this);
        }

        private static Duration bounded(Duration d, Duration min, Duration max, String what) {
            Objects.requireNonNull(d, what);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " must be " + min.toSeconds() + " s to " + max.toSeconds()
                        + " s, was " + d.toSeconds() + " s");
            }
            return d;
        }
    }
}
