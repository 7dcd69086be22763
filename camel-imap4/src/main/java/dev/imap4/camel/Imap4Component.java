package dev.imap4.camel;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code imap4:} component: consume mail from, and run IMAP commands on, an IMAP4rev1 server. */
@Component("imap4")
public class Imap4Component extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Default options shared by every endpoint of this component")
    private Imap4Configuration configuration = new Imap4Configuration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "advanced")
    private Imap4ClientFactory clientFactory = new Imap4ClientFactory();
    @Metadata(label = "security,advanced", defaultValue = "false")
    private boolean allowStreamCommandInUri;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!allowStreamCommandInUri) {
            refuseStreamCommand(parameters);
        }
        Imap4Configuration config = configuration.copy();
        parseHostAndPort(remaining, config);
        Imap4Endpoint endpoint = new Imap4Endpoint(uri, this, config);
        setProperties(endpoint, parameters);
        // after the URI options: imap4:?streamCommand=... needs no host
        requireHostOrStream(config);
        Imap4OAuth2.configure(config);
        if (config.getSslContextParameters() == null && config.getTrustCertificates() == null
                && useGlobalSslContextParameters) {
            config.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    /** {@code host}, {@code host:port} or {@code [v6addr]:port}. */
    static void parseHostAndPort(String remaining, Imap4Configuration config) {
        String rest = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        String host = rest;
        String port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed IPv6 address in imap4:" + remaining);
            }
            host = rest.substring(1, close);
            if (rest.length() > close + 1 && rest.charAt(close + 1) == ':') {
                port = rest.substring(close + 2);
            }
        } else if (rest.indexOf(':') >= 0) {
            host = rest.substring(0, rest.indexOf(':'));
            port = rest.substring(rest.indexOf(':') + 1);
        }
        if (!host.isEmpty()) {
            config.setHost(host);
        }
        if (port != null && !port.isEmpty()) {
            try {
                config.setPort(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port '" + port + "' in imap4:" + remaining + " is not a number");
            }
        }
    }

    /** A socket endpoint needs a host; a stream endpoint (streamCommand) does not. */
    static void requireHostOrStream(Imap4Configuration config) {
        if ((config.getHost() == null || config.getHost().isEmpty()) && config.getStreamCommand() == null) {
            throw new IllegalArgumentException("imap4: needs a host, as in imap4:mail.example.org,"
                    + " or a streamCommand");
        }
    }

    /**
     * streamCommand is run by /bin/sh; an endpoint URI may be built from message data (toD), so it may
     * not set it unless the application allowed it (the class of problem behind CVE-2026-46584).
     * Camel matches option names ignoring case (and dashes), so this does too.
     */
    static void refuseStreamCommand(Map<String, Object> parameters) {
        for (String key : parameters.keySet()) {
            if (key.replace("-", "").equalsIgnoreCase("streamCommand")) {
                throw new IllegalArgumentException("imap4: streamCommand (a shell command line) cannot be set in"
                        + " an endpoint URI; set it on the component's configuration or the endpoint object, or set"
                        + " the component option allowStreamCommandInUri=true if no URI is ever built from"
                        + " untrusted data");
            }
        }
    }

    public Imap4Configuration getConfiguration() {
        return configuration;
    }

    /** Default options shared by every endpoint of this component. */
    public void setConfiguration(Imap4Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use Camel's global SSL context parameters when an endpoint sets none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public boolean isAllowStreamCommandInUri() {
        return allowStreamCommandInUri;
    }

    /**
     * Whether an endpoint URI may set streamCommand, a command line run by /bin/sh. Off by default, because a route
     * that builds a URI from message data (toD) would let a mail run a command; set streamCommand on the component's
     * configuration or on the endpoint object instead.
     */
    public void setAllowStreamCommandInUri(boolean allowStreamCommandInUri) {
        this.allowStreamCommandInUri = allowStreamCommandInUri;
    }

    public Imap4ClientFactory getClientFactory() {
        return clientFactory;
    }

    /** How connections are made; replace it to connect differently (tests, proxies). */
    public void setClientFactory(Imap4ClientFactory clientFactory) {
        this.clientFactory = clientFactory;
    }
}
