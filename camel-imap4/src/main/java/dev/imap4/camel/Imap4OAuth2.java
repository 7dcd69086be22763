package dev.imap4.camel;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.sasl.OAuth2TokenSupplier;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Turns the {@code oauth2*} options into the endpoint's access token supplier: an
 * {@link OAuth2TokenSupplier} for the refresh-token grant when {@code oauth2RefreshToken} is set,
 * else the client-credentials grant. Each endpoint has its own supplier, so its own kept token.
 * Around the login it fetches the token first and replaces a token the server refuses, once.
 */
final class Imap4OAuth2 {

    private Imap4OAuth2() {
    }

    /** Sets the endpoint's accessTokenSupplier from its oauth2 options, refusing incomplete or conflicting ones. */
    static void configure(Imap4Configuration c) {
        boolean anyOther = c.getOauth2ClientId() != null || c.getOauth2ClientSecret() != null
                || c.getOauth2RefreshToken() != null || c.getOauth2Scope() != null;
        if (c.getOauth2TokenUrl() == null) {
            if (anyOther) {
                throw new IllegalArgumentException("the oauth2 options need oauth2TokenUrl, the token endpoint");
            }
            return;
        }
        if (c.getAccessTokenSupplier() != null) {
            throw new IllegalArgumentException("set oauth2TokenUrl or accessTokenSupplier, not both");
        }
        if (c.getOauth2ClientId() == null) {
            throw new IllegalArgumentException("oauth2TokenUrl needs oauth2ClientId");
        }
        if (c.getOauth2RefreshToken() == null && c.getOauth2ClientSecret() == null) {
            throw new IllegalArgumentException("oauth2TokenUrl needs oauth2RefreshToken (refresh-token grant) or"
                    + " oauth2ClientSecret (client-credentials grant)");
        }
        if (c.getSaslMechanism() == Imap4SaslMechanism.LOGIN) {
            throw new IllegalArgumentException("saslMechanism=LOGIN sends a password; with oauth2TokenUrl use AUTO,"
                    + " XOAUTH2 or OAUTHBEARER");
        }
        URI url;
        try {
            url = new URI(c.getOauth2TokenUrl());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("oauth2TokenUrl is not a URL: " + e.getReason(), e);
        }
        OAuth2TokenSupplier.Builder b = c.getOauth2RefreshToken() != null
                ? OAuth2TokenSupplier.refreshToken(url, c.getOauth2ClientId(), c.getOauth2RefreshToken())
                        .clientSecret(c.getOauth2ClientSecret())
                : OAuth2TokenSupplier.clientCredentials(url, c.getOauth2ClientId(), c.getOauth2ClientSecret());
        long connect = Math.max(1000, Math.min(c.getConnectTimeout(), c.getOauth2Timeout()));
        c.setAccessTokenSupplier(b.scope(c.getOauth2Scope()).clientAuthentication(c.getOauth2ClientAuthentication())
                .skew(Duration.ofMillis(c.getOauth2TokenSkew())).readTimeout(Duration.ofMillis(c.getOauth2Timeout()))
                .connectTimeout(Duration.ofMillis(Math.min(connect, 600_000))).build());
    }

    /**
     * Runs {@code login}. With an OAuth2 token supplier and a token mechanism (AUTO, XOAUTH2,
     * OAUTHBEARER) the token is fetched first, so a token endpoint failure never interrupts
     * AUTHENTICATE on the wire; when the server refuses the token (revoked, or expired before its
     * time) it is dropped and {@code login} runs once more with a fresh one, then the failure stands.
     */
    static void authenticate(Imap4Configuration c, Runnable login) {
        Imap4SaslMechanism chosen = c.getSaslMechanism() == null ? Imap4SaslMechanism.AUTO : c.getSaslMechanism();
        if (!(c.getAccessTokenSupplier() instanceof OAuth2TokenSupplier tokens)
                || !(chosen == Imap4SaslMechanism.AUTO || chosen == Imap4SaslMechanism.XOAUTH2
                        || chosen == Imap4SaslMechanism.OAUTHBEARER)) {
            login.run();
            return;
        }
        String token = tokens.get();
        try {
            login.run();
        } catch (Imap4CommandException e) {
            if (!e.verb().equals("AUTHENTICATE XOAUTH2") && !e.verb().equals("AUTHENTICATE OAUTHBEARER")) {
                throw e;
            }
            tokens.invalidate(token);
            tokens.get();
            login.run();
        }
    }
}
