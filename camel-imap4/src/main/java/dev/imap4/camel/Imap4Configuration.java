package dev.imap4.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** The options of an imap4 endpoint; the component holds defaults that each endpoint copies. */
@UriParams
@Configurer
public class Imap4Configuration implements Cloneable {

    @UriPath
    @Metadata(required = true)
    private String host;
    @UriPath
    private int port;

    @UriParam(label = "common", defaultValue = "SSL")
    private Imap4Security security = Imap4Security.SSL;

    @UriParam(label = "security")
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    @UriParam(label = "security")
    private String trustCertificates;

    @UriParam(label = "security")
    private String username;

    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "security", defaultValue = "AUTO")
    private Imap4SaslMechanism saslMechanism = Imap4SaslMechanism.AUTO;

    @UriParam(label = "security")
    private String oauth2TokenUrl;

    @UriParam(label = "security")
    private String oauth2ClientId;

    @UriParam(label = "security", secret = true)
    private String oauth2ClientSecret;

    @UriParam(label = "security", secret = true)
    private String oauth2RefreshToken;

    @UriParam(label = "security")
    private String oauth2Scope;

    @UriParam(label = "security,advanced", defaultValue = "POST")
    private dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication oauth2ClientAuthentication =
            dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication.POST;

    @UriParam(label = "security,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long oauth2TokenSkew = 60000;

    @UriParam(label = "security,advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long oauth2Timeout = 30000;

    @UriParam(label = "security")
    private java.util.function.Supplier<String> accessTokenSupplier;

    @UriParam(label = "security")
    private String kerberosLoginContext;

    @UriParam(label = "proxy")
    private dev.imap4.client.ImapProxy.Type proxyType;

    @UriParam(label = "proxy")
    private String proxyHost;

    @UriParam(label = "proxy")
    private int proxyPort;

    @UriParam(label = "proxy,security")
    private String proxyUsername;

    @UriParam(label = "proxy,security", secret = true)
    private String proxyPassword;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectTimeout = 30000;

    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long readTimeout = 300000;

    @UriParam(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration")
    private long commandTimeout = 600000;

    @UriParam(label = "advanced")
    private long maxHeldBytes;

    @UriParam(label = "advanced", defaultValue = "false")
    private boolean compression;

    @UriParam(label = "advanced", defaultValue = "4294967296")
    private long maxSpoolBytes = 4L << 30;

    @UriParam(label = "advanced")
    private String streamCommand;

    @UriParam(label = "advanced", defaultValue = "0")
    private int debugLevel = 0;

    @UriParam(label = "consumer", defaultValue = "INBOX")
    private String folder = "INBOX";

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean readOnly = false;

    @UriParam(label = "consumer", defaultValue = "UNSEEN")
    private Object searchCriteria = "UNSEEN";

    @UriParam(label = "consumer", javaType = "java.time.Duration")
    private long searchWithin;

    @UriParam(label = "consumer")
    private String sortCriteria;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean incremental = false;

    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll = 0;

    @UriParam(label = "consumer", defaultValue = "1000")
    private int fetchBatchSize = 1000;

    @UriParam(label = "consumer,advanced", defaultValue = "16777216")
    private long batchMemoryLimit = 16L * 1024 * 1024;

    @UriParam(label = "consumer", defaultValue = "FULL")
    private Imap4FetchContent fetchContent = Imap4FetchContent.FULL;

    @UriParam(label = "consumer", defaultValue = "SEEN")
    private Imap4OnSuccess onSuccess = Imap4OnSuccess.SEEN;

    @UriParam(label = "consumer")
    private String moveTo;

    @UriParam(label = "consumer")
    private String copyTo;

    @UriParam(label = "consumer", defaultValue = "BATCH")
    private Imap4ExpungeMode expungeMode = Imap4ExpungeMode.BATCH;

    @UriParam(label = "consumer", defaultValue = "NONE")
    private Imap4OnFailure onFailure = Imap4OnFailure.NONE;

    @UriParam(label = "consumer", defaultValue = "$Failed")
    private String failureFlag = "$Failed";

    @UriParam(label = "consumer")
    private String errorFolder;

    @UriParam(label = "consumer", defaultValue = "3")
    private int maxFailedAttempts = 3;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean createMissingFolders;

    @UriParam(label = "consumer")
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean idempotentEager = true;

    @UriParam(label = "consumer", defaultValue = "UID")
    private Imap4IdempotentKey idempotentKey = Imap4IdempotentKey.UID;

    @UriParam(label = "consumer")
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced", defaultValue = "65536")
    private int stateMaxBytes = 65536;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean deliverVanished;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean deliverFlagChanges;

    @UriParam(label = "advanced")
    private org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy = new Imap4HeaderFilterStrategy();

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean idle = false;

    @UriParam(label = "consumer", defaultValue = "1500000", javaType = "java.time.Duration")
    private long idleInterval = 1500000;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean mapAttachments;

    @UriParam(label = "consumer", defaultValue = "NONE")
    private Imap4TextBody textBody = Imap4TextBody.NONE;

    @UriParam(label = "consumer,advanced", defaultValue = "8388608")
    private long textBodyMaxSize = 8L * 1024 * 1024;

    @UriParam(label = "consumer")
    private String attachmentContentTypes;

    @UriParam(label = "consumer")
    private String attachmentNamePattern;

    @UriParam(label = "consumer", defaultValue = "0")
    private long attachmentMaxSize;

    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean decodeFilename = true;

    @UriParam(label = "consumer,advanced", defaultValue = "never", enums = "never,uuid")
    private String generateMissingAttachmentNames = "never";

    @UriParam(label = "consumer,advanced", defaultValue = "never", enums = "never,uuidPrefix,uuidSuffix")
    private String handleDuplicateAttachmentNames = "never";

    @UriParam(label = "consumer,advanced", defaultValue = "false")
    private boolean failOnDuplicateFileAttachment;

    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean inlineAttachments = true;

    @UriParam(label = "producer")
    private Imap4Operation command;

    @UriParam(label = "producer")
    private String allowedCommands;

    @UriParam(label = "producer", defaultValue = "4")
    private int poolSize = 4;

    @UriParam(label = "producer,security", defaultValue = "false")
    private boolean allowRawCommands = false;

    @UriParam(label = "producer", defaultValue = "1000")
    private int maxUntaggedResponses = 1000;

    @UriParam(label = "producer", defaultValue = "1048576")
    private long maxUntaggedResponseBytes = 1024L * 1024;

    /** A copy for a new endpoint. */
    public Imap4Configuration copy() {
        try {
            return (Imap4Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The port to connect to: the configured one, else 993 for SSL and 143 otherwise. */
    public int effectivePort() {
        if (port > 0) {
            return port;
        }
        return security == Imap4Security.SSL ? 993 : 143;
    }

    public String getHost() {
        return host;
    }

    /** The IMAP server's host name. */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /** The IMAP server's port; 993 for SSL and 143 otherwise when unset. */
    public void setPort(int port) {
        this.port = port;
    }

    public Imap4Security getSecurity() {
        return security;
    }

    /**
     * How the connection is protected: SSL (implicit TLS, port 993), STARTTLS (port 143, upgraded before anything else is sent; fails when the server cannot start TLS) or PLAIN (no TLS; only when chosen explicitly).
     */
    public void setSecurity(Imap4Security security) {
        this.security = security;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Camel's TLS configuration (trust store, key store, protocols). Certificates and host names are always verified.
     */
    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTrustCertificates() {
        return trustCertificates;
    }

    /**
     * A PEM file whose certificates are the only ones trusted, like Python's cafile= or curl's --cacert: a self-signed server's certificate (for example the cert.pem a test server writes), a private CA, or several in one file. A file path, or classpath:, file: or http: as Camel resolves resources. Certificates and host names are still verified. Not together with sslContextParameters.
     */
    public void setTrustCertificates(String trustCertificates) {
        this.trustCertificates = trustCertificates;
    }

    public String getUsername() {
        return username;
    }

    /**
     * The user name to log in with.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The password; never logged.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public Imap4SaslMechanism getSaslMechanism() {
        return saslMechanism;
    }

    /**
     * How to authenticate: AUTO picks the strongest SASL mechanism both sides support (an OAuth2 one when an access token supplier is set), falling back to the LOGIN command; LOGIN forces the LOGIN command; any other value forces that SASL mechanism. The SASL names are accepted as written (CRAM-MD5, scram-sha-256) as well as the constants (CRAM_MD5).
     */
    public void setSaslMechanism(Imap4SaslMechanism saslMechanism) {
        this.saslMechanism = saslMechanism;
    }

    public String getOauth2TokenUrl() {
        return oauth2TokenUrl;
    }

    /**
     * The OAuth2 token endpoint (https; http only on a loopback address), for example https://oauth2.googleapis.com/token or https://login.microsoftonline.com/TENANT/oauth2/v2.0/token. When set, the endpoint fetches its access tokens there (refresh-token grant when oauth2RefreshToken is set, else client-credentials), keeps each until oauth2TokenSkew before it expires, and authenticates with XOAUTH2 or OAUTHBEARER (saslMechanism AUTO picks the one the server offers).
     */
    public void setOauth2TokenUrl(String oauth2TokenUrl) {
        this.oauth2TokenUrl = oauth2TokenUrl;
    }

    public String getOauth2ClientId() {
        return oauth2ClientId;
    }

    /**
     * The OAuth2 client (application) id registered with the identity provider.
     */
    public void setOauth2ClientId(String oauth2ClientId) {
        this.oauth2ClientId = oauth2ClientId;
    }

    public String getOauth2ClientSecret() {
        return oauth2ClientSecret;
    }

    /**
     * The OAuth2 client secret; needed for the client-credentials grant, optional for a public client's refresh-token grant. Never logged.
     */
    public void setOauth2ClientSecret(String oauth2ClientSecret) {
        this.oauth2ClientSecret = oauth2ClientSecret;
    }

    public String getOauth2RefreshToken() {
        return oauth2RefreshToken;
    }

    /**
     * The OAuth2 refresh token of the mailbox's user (refresh-token grant); without it the client-credentials grant is used. A refresh token the provider rotates is used from then on, in memory only. Never logged.
     */
    public void setOauth2RefreshToken(String oauth2RefreshToken) {
        this.oauth2RefreshToken = oauth2RefreshToken;
    }

    public String getOauth2Scope() {
        return oauth2Scope;
    }

    /**
     * The OAuth2 scope to ask for, space-separated, for example https://mail.google.com/ or https://outlook.office365.com/.default.
     */
    public void setOauth2Scope(String oauth2Scope) {
        this.oauth2Scope = oauth2Scope;
    }

    public dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication getOauth2ClientAuthentication() {
        return oauth2ClientAuthentication;
    }

    /**
     * How the client secret is sent to the token endpoint: POST (in the form, as Google and Microsoft document) or BASIC (HTTP Basic authentication).
     */
    public void setOauth2ClientAuthentication(
            dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication oauth2ClientAuthentication) {
        this.oauth2ClientAuthentication = oauth2ClientAuthentication;
    }

    public long getOauth2TokenSkew() {
        return oauth2TokenSkew;
    }

    /**
     * How long before it expires an access token is replaced, in milliseconds: 0 to 10 minutes.
     */
    public void setOauth2TokenSkew(long oauth2TokenSkew) {
        this.oauth2TokenSkew = oauth2TokenSkew;
    }

    public long getOauth2Timeout() {
        return oauth2Timeout;
    }

    /**
     * The bound on one exchange with the token endpoint, answer included, in milliseconds: 1 s to 10 minutes (connecting is also bounded by connectTimeout).
     */
    public void setOauth2Timeout(long oauth2Timeout) {
        this.oauth2Timeout = oauth2Timeout;
    }

    public java.util.function.Supplier<String> getAccessTokenSupplier() {
        return accessTokenSupplier;
    }

    /**
     * A bean supplying OAuth2 access tokens for XOAUTH2 / OAUTHBEARER; asked at every (re)connection, so tokens can refresh.
     */
    public void setAccessTokenSupplier(java.util.function.Supplier<String> accessTokenSupplier) {
        this.accessTokenSupplier = accessTokenSupplier;
    }

    public String getKerberosLoginContext() {
        return kerberosLoginContext;
    }

    /**
     * With saslMechanism=GSSAPI: the JAAS login configuration entry (java.security.auth.login.config) that logs in to Kerberos, e.g. with Krb5LoginModule and a keytab; username and password, when set, answer its name and password prompts. Unset: the JVM's own Kerberos credentials.
     */
    public void setKerberosLoginContext(String kerberosLoginContext) {
        this.kerberosLoginContext = kerberosLoginContext;
    }

    public dev.imap4.client.ImapProxy.Type getProxyType() {
        return proxyType;
    }

    /**
     * Connect through a proxy of this kind: SOCKS5 (RFC 1928) or HTTP (CONNECT). The server's name is resolved by the proxy, and TLS still verifies the server, end to end. Needs proxyHost and proxyPort; the proxy's handshake counts against connectTimeout.
     */
    public void setProxyType(dev.imap4.client.ImapProxy.Type proxyType) {
        this.proxyType = proxyType;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * The proxy's host name or address (with proxyType).
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    /**
     * The proxy's port (with proxyType).
     */
    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /**
     * The user name for the proxy: SOCKS5 user/password authentication (RFC 1929) or HTTP Basic proxy authorization.
     */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /**
     * The password for the proxy (with proxyUsername). Never logged.
     */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Connect (and TLS handshake) timeout in milliseconds.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /**
     * Read timeout in milliseconds; a server silent for longer aborts the connection (IDLE waits are extended automatically).
     */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getCommandTimeout() {
        return commandTimeout;
    }

    /**
     * Longest one IMAP command may take in milliseconds, however slowly the server sends (the read timeout restarts with every byte, this does not); past it the connection is aborted and the thread freed. 0 means no limit. The default of 10 minutes lets a batch of 100 messages of 1 MB each arrive over about 1.4 Mbit/s. An IDLE is bounded by idleInterval plus the read timeout instead.
     */
    public void setCommandTimeout(long commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public long getMaxHeldBytes() {
        return maxHeldBytes;
    }

    /**
     * The heap budget of one connection in bytes: what it holds from the server at once (lines and in-memory literals of the running command, results being built, kept untagged data). A server that sends more aborts the connection. 0 (the default) means a quarter of the JVM's maximum heap, at least 16 MiB and at most 64 MiB.
     */
    public void setMaxHeldBytes(long maxHeldBytes) {
        this.maxHeldBytes = maxHeldBytes;
    }

    public boolean isCompression() {
        return compression;
    }

    /**
     * Compress the connection with COMPRESS=DEFLATE (RFC 4978) right after authentication when the server offers it; a server that refuses leaves it uncompressed. Pays on slow links (a third to a sixth of the bytes for the benchmark's text mail; see docs/performance.md), costs CPU on both ends and slows a fast link. Off by default: compressing secrets together with data an attacker can inject leaks their length (CRIME-style); credentials are always sent before compression starts.
     */
    public void setCompression(boolean compression) {
        this.compression = compression;
    }

    public long getMaxSpoolBytes() {
        return maxSpoolBytes;
    }

    /**
     * The disk budget of one connection in bytes: large literals it has spooled to temporary files and not yet handed over. A server that sends more aborts the connection.
     */
    public void setMaxSpoolBytes(long maxSpoolBytes) {
        this.maxSpoolBytes = maxSpoolBytes;
    }

    public String getStreamCommand() {
        return streamCommand;
    }

    /**
     * Speak IMAP over the stdin/stdout of this command line instead of a socket (like imaplib's IMAP4_stream), for example a server's preauthenticated imap binary. Host, port and credentials are then ignored. The command line is run by /bin/sh, so an endpoint URI may set it only when the component option allowStreamCommandInUri is true; otherwise set it on the component's configuration or the endpoint object.
     */
    public void setStreamCommand(String streamCommand) {
        this.streamCommand = streamCommand;
    }

    public int getDebugLevel() {
        return debugLevel;
    }

    /**
     * Protocol trace level as in imaplib (above 3 every line is logged through SLF4J logger dev.imap4.client.trace); secrets are always redacted.
     */
    public void setDebugLevel(int debugLevel) {
        this.debugLevel = debugLevel;
    }

    public String getFolder() {
        return folder;
    }

    /**
     * The folder to consume from; or several, as a comma-separated list of names and LIST patterns (* across levels, % within one, in the server's hierarchy delimiter), for example INBOX,Support/*. Several folders are polled in turn over one connection, each with its own state (and stateRepository entry); patterns are resolved at every poll, so new folders are picked up. Each exchange's CamelImap4Folder header names its folder and the idempotent key stays folder/UIDVALIDITY/UID. With idle=true and a server offering NOTIFY (RFC 5465), one connection waits in IDLE for a change in any of them; without NOTIFY they are polled at the scheduler's delay. A folder whose name holds a comma, * or % cannot be consumed with this option.
     */
    public void setFolder(String folder) {
        this.folder = folder;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Open the folder with EXAMINE: nothing is ever changed on the server (success and failure actions are skipped). Messages are still delivered only once while the consumer runs; to skip them after a restart too, add incremental or an idempotentRepository.
     */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public Object getSearchCriteria() {
        return searchCriteria;
    }

    /**
     * Which messages to consume: text in IMAP SEARCH syntax, for example UNSEEN, ALL, or UNSEEN FROM "billing@example.org", or a typed dev.imap4.client.types.SearchKey (a #bean reference). UNDELETED is added unless the criteria mention DELETED or UNDELETED, and with onFailure FLAG messages carrying failureFlag are left out.
     */
    public void setSearchCriteria(Object searchCriteria) {
        this.searchCriteria = searchCriteria;
    }

    public long getSearchWithin() {
        return searchWithin;
    }

    /**
     * Only consume messages that arrived within this time before each poll, for example 7d or P7D (the last 7 days); 0 (the default) sets no limit. ANDed with searchCriteria. Sent as WITHIN's YOUNGER when the server offers it, otherwise as SINCE the day the window starts, taken in UTC-12 so that no message of the window is left out whatever its time zone (up to two days more may be delivered).
     */
    public void setSearchWithin(long searchWithin) {
        this.searchWithin = searchWithin;
    }

    public String getSortCriteria() {
        return sortCriteria;
    }

    /**
     * Deliver messages in this SORT order (RFC 5256), for example ARRIVAL or REVERSE DATE, when the server supports SORT; UID order otherwise.
     */
    public void setSortCriteria(String sortCriteria) {
        this.sortCriteria = sortCriteria;
    }

    public boolean isIncremental() {
        return incremental;
    }

    /**
     * Only look at UIDs above the highest one already consumed (restricting the search to UID n:*, and dropping the highest UID that servers such as Dovecot return when nothing is new). The mark never passes a message that failed and will be retried. It is kept in memory: it resets when UIDVALIDITY changes and when the consumer restarts (add an idempotentRepository to skip consumed messages across restarts).
     */
    public void setIncremental(boolean incremental) {
        this.incremental = incremental;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most messages to deliver per poll; 0 means no limit.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getBatchMemoryLimit() {
        return batchMemoryLimit;
    }

    /**
     * How many bytes of bodies above Camel's spool threshold (128 KiB by default) one fetch batch
     * keeps on the heap, as the client read them, when Camel's stream-cache spooling is off (the
     * default). A large body beyond this, or one the client already spooled, is held in a temporary
     * file instead. Never more than a quarter of the JVM's maximum heap; 0 puts every large body in a
     * file. Smaller bodies always stay on the heap; with spooling on, Camel's spooling decides.
     * Large bodies held on the heap across a batch cost garbage-collection work, so more is not
     * faster (docs/performance.md).
     */
    public void setBatchMemoryLimit(long batchMemoryLimit) {
        this.batchMemoryLimit = batchMemoryLimit;
    }

    public int getFetchBatchSize() {
        return fetchBatchSize;
    }

    /**
     * At most how many UIDs one UID FETCH command asks for. A poll's first FETCH asks for at most 10, so the route starts early, and each one after it for twice as many as the one before, up to this. Judged by the batches before it, a FETCH also asks for no more messages than half of batchMemoryLimit (at least 8 MiB) of bodies holds, so large bodies stay on the heap instead of going to files, and no more than the route takes about a second for, so the outcomes of a slow route are still applied (one UID STORE per batch) every second or two.
     */
    public void setFetchBatchSize(int fetchBatchSize) {
        this.fetchBatchSize = fetchBatchSize;
    }

    public Imap4FetchContent getFetchContent() {
        return fetchContent;
    }

    /**
     * What to fetch: FULL (the whole message as the body), HEADERS (the header section as the body), ENVELOPE (envelope and body structure in headers, no content; the main header fields come from the envelope) or PARTS (the header and BODYSTRUCTURE, then only the sections that mapAttachments and textBody select, by attachmentContentTypes, attachmentNamePattern and attachmentMaxSize; BINARY.PEEK when the server offers BINARY, else BODY.PEEK). Bodies are stream caches; a large one is spooled to disk, never held on the heap.
     */
    public void setFetchContent(Imap4FetchContent fetchContent) {
        this.fetchContent = fetchContent;
    }

    public Imap4OnSuccess getOnSuccess() {
        return onSuccess;
    }

    /**
     * What to do with a message once its exchange completed: SEEN, DELETE (\Seen and \Deleted, expunged per expungeMode), MOVE (to moveTo), COPY (to copyTo, the original left as it is) or NONE. Headers CamelImap4MoveTo, CamelImap4CopyTo and CamelImap4Delete override it per message. A message still matching the search afterwards (COPY, NONE) is not delivered again while the consumer runs; add incremental or an idempotentRepository to skip it after a restart too.
     */
    public void setOnSuccess(Imap4OnSuccess onSuccess) {
        this.onSuccess = onSuccess;
    }

    public String getMoveTo() {
        return moveTo;
    }

    /**
     * The folder messages are moved to when onSuccess is MOVE; created when missing only with createMissingFolders. A special-use role such as \Archive or \Trash (RFC 6154) names the server's folder with that role, whatever its localised name; when no folder has it the move fails with a clear reason and the message stays.
     */
    public void setMoveTo(String moveTo) {
        this.moveTo = moveTo;
    }

    public String getCopyTo() {
        return copyTo;
    }

    /**
     * The folder messages are copied to when onSuccess is COPY; created when missing only with createMissingFolders.
     */
    public void setCopyTo(String copyTo) {
        this.copyTo = copyTo;
    }

    public Imap4ExpungeMode getExpungeMode() {
        return expungeMode;
    }

    /**
     * When deleted (or moved, without MOVE support) messages are expunged: IMMEDIATE, BATCH (once per poll) or NONE. Only UID EXPUNGE (UIDPLUS) is used, never a plain EXPUNGE that would also remove what other clients flagged; without UIDPLUS the messages stay flagged \Deleted (and are never delivered again).
     */
    public void setExpungeMode(Imap4ExpungeMode expungeMode) {
        this.expungeMode = expungeMode;
    }

    public Imap4OnFailure getOnFailure() {
        return onFailure;
    }

    /**
     * What to do with a message whose exchange failed: NONE (leave it exactly as it was, so the next poll delivers it again), FLAG (set failureFlag; the search then leaves it out, so it waits for someone to remove the flag) or MOVE (to errorFolder once it failed maxFailedAttempts times). FLAG and MOVE keep a poison message from being retried forever. A message whose FETCH response cannot be parsed is isolated from its batch and parked at once: FLAG flags it, MOVE moves it to errorFolder without waiting for maxFailedAttempts, NONE leaves it in the folder and no later poll fetches it again while the consumer runs.
     */
    public void setOnFailure(Imap4OnFailure onFailure) {
        this.onFailure = onFailure;
    }

    public String getFailureFlag() {
        return failureFlag;
    }

    /**
     * The keyword set when onFailure is FLAG (an IMAP atom such as $Failed, or one of \Flagged, \Answered, \Draft, \Seen, \Deleted); messages carrying it are left out of the search.
     */
    public void setFailureFlag(String failureFlag) {
        this.failureFlag = failureFlag;
    }

    public String getErrorFolder() {
        return errorFolder;
    }

    /**
     * The folder failed messages (and messages that cannot be parsed) are moved to when onFailure is MOVE; created when missing only with createMissingFolders. A special-use role such as \Junk (RFC 6154) names the server's folder with that role, whatever its localised name.
     */
    public void setErrorFolder(String errorFolder) {
        this.errorFolder = errorFolder;
    }

    public int getMaxFailedAttempts() {
        return maxFailedAttempts;
    }

    /**
     * How many failed attempts a message gets before onFailure MOVE takes it out of the folder. Attempts are counted in memory per folder, UIDVALIDITY and UID, so they start over when the consumer restarts.
     */
    public void setMaxFailedAttempts(int maxFailedAttempts) {
        this.maxFailedAttempts = maxFailedAttempts;
    }

    public boolean isCreateMissingFolders() {
        return createMissingFolders;
    }

    /**
     * Whether the consumer creates the folder of a MOVE or COPY post-action (moveTo, copyTo, errorFolder, CamelImap4MoveTo, CamelImap4CopyTo) when the server answers NO [TRYCREATE], then tries once more. Off by default: a mistyped folder name is then a counted post-action failure shown by the health check, not a new folder.
     */
    public void setCreateMissingFolders(boolean createMissingFolders) {
        this.createMissingFolders = createMissingFolders;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Skips messages already processed, keyed by folder/UIDVALIDITY/UID (never Message-ID).
     */
    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Keeps the consumer's state (UIDVALIDITY, the UID watermark and the UIDs done above it, HIGHESTMODSEQ, and how many times each message was handed to the route without success) in this repository, for example Camel's FileStateRepository, so a consumer restarted in any JVM searches and fetches only what is new. One entry per server, user and folder. Each attempt is counted before the route runs, so a message that was handed over maxFailedAttempts times without success (even one that stopped the JVM each time) is not handed over again but parked as onFailure says (NONE: left as it is). A corrupt or foreign entry is logged and replaced. With incremental=true the search itself starts after the saved watermark.
     */
    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public int getStateMaxBytes() {
        return stateMaxBytes;
    }

    /**
     * The largest value the consumer writes to the stateRepository, in bytes (at least 256). Over it, the oldest attempt counts are dropped first, then the highest done UIDs above the watermark (those may be delivered again after a restart, never lost).
     */
    public void setStateMaxBytes(int stateMaxBytes) {
        this.stateMaxBytes = stateMaxBytes;
    }

    public boolean isDeliverVanished() {
        return deliverVanished;
    }

    /**
     * Sends an exchange with header CamelImap4Vanished (the UIDs as a UID set, no body) whenever the server reports messages expunged from the folder since the last poll, to mirror deletions. Needs a server with QRESYNC (RFC 7162): each SELECT then names the HIGHESTMODSEQ of the last one and the server answers with VANISHED (EARLIER). The mark is kept in the stateRepository (so deletions made while the consumer was stopped are reported at its start) or, without one, in memory from the consumer's first poll. The messages the consumer itself deleted or moved are reported too. A vanished exchange that fails is reported again at the next poll.
     */
    public void setDeliverVanished(boolean deliverVanished) {
        this.deliverVanished = deliverVanished;
    }

    public boolean isDeliverFlagChanges() {
        return deliverFlagChanges;
    }

    /**
     * Sends an exchange for each message whose flags changed since the last poll (or the saved state), to mirror flags: no body, header CamelImap4FlagsChanged=true with CamelImap4Uid, CamelImap4Folder, CamelImap4UidValidity, CamelImap4Flags (the flags now) and CamelImap4ModSeq. Needs a server with QRESYNC (RFC 7162): each SELECT names the HIGHESTMODSEQ of the last one and the server answers with the messages changed since. Not sent for a message the same poll delivers as new (nor one still in flight); the flags the consumer itself set (\Seen, \Deleted, the failure flag) are reported too, at the next poll. The mark is kept in the stateRepository (so changes made while the consumer was stopped are reported at its start) or, without one, in memory from the consumer's first poll; it moves only once every change exchange of the poll completed, so a failed one is sent again (with the others) at the next poll. The changes reported by one SELECT must fit in maxHeldBytes.
     */
    public void setDeliverFlagChanges(boolean deliverFlagChanges) {
        this.deliverFlagChanges = deliverFlagChanges;
    }

    public Imap4IdempotentKey getIdempotentKey() {
        return idempotentKey;
    }

    /**
     * What the idempotentRepository is keyed on: UID (folder/UIDVALIDITY/UID) or EMAILID (EMAILID/id, RFC 8474 OBJECTID), which stays the same when a message is moved or copied to another folder, so a message moved between watched folders is not processed twice. EMAILID needs a server offering OBJECTID (Cyrus 3.6 does); the consumer then fetches EMAILID and THREADID and sets headers CamelImap4EmailId and CamelImap4ThreadId. Messages are then checked against the repository after their FETCH, not before.
     */
    public void setIdempotentKey(Imap4IdempotentKey idempotentKey) {
        this.idempotentKey = idempotentKey;
    }

    public boolean isIdempotentEager() {
        return idempotentEager;
    }

    /**
     * When the idempotentRepository gets a message's key. true: before the route runs (removed again when the exchange fails), so a repository shared by two consumers that both poll keeps a message to one of them, but a consumer that dies in the middle of an exchange leaves the key behind and the message is never delivered again. false: when the exchange has completed (the key is only checked before the route runs), so a message whose consumer died is delivered again, at least once: one that completed but whose key was not added yet is processed twice.
     */
    public void setIdempotentEager(boolean idempotentEager) {
        this.idempotentEager = idempotentEager;
    }

    public org.apache.camel.spi.HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    /**
     * Decides which of a message's own header fields (Subject, From, Received...) become Camel headers. The default keeps all but those that look like Camel headers (any case), so a mail cannot set CamelImap4Delete or CamelImap4MoveTo.
     */
    public void setHeaderFilterStrategy(org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public boolean isIdle() {
        return idle;
    }

    /**
     * After each poll wait in IDLE and search again as soon as the server reports new mail, instead of waiting for the scheduler; plain polling when the server lacks IDLE. The consumer keeps its polling thread while idling (do not share a small scheduled thread pool with it); the scheduler's delay then only paces reconnection after a failure.
     */
    public void setIdle(boolean idle) {
        this.idle = idle;
    }

    public long getIdleInterval() {
        return idleInterval;
    }

    /**
     * How long one IDLE may last before the folder is selected and searched again and IDLE re-issued, in milliseconds; keep it under the server's timeout (29 minutes by RFC 2177, about 10 for Office 365).
     */
    public void setIdleInterval(long idleInterval) {
        this.idleInterval = idleInterval;
    }

    public Imap4Operation getCommand() {
        return command;
    }

    /**
     * The command the producer runs when the message has no CamelImap4Command header, written as the IMAP verb (UID SEARCH, UID+SEARCH in a URI) or the constant (UID_SEARCH). RAW runs only extension verbs, named by the CamelImap4Command header and allowed with allowedCommands=RAW:VERB or allowRawCommands.
     */
    public void setCommand(Imap4Operation command) {
        this.command = command;
    }

    public String getAllowedCommands() {
        return allowedCommands;
    }

    /**
     * Comma-separated commands the producer may run, each an operation of the command option (SEARCH,UID SEARCH,FETCH,APPEND) or RAW:VERB for an extension verb the producer sends raw (RAW:XLIST); anything else is refused when the producer starts. When unset: only the endpoint's command if one is set, otherwise every command the producer has a typed operation for except UNAUTHENTICATE, which runs only when listed here (or as command) and closes its connection afterwards. Commands that change the connection's state (LOGIN, AUTHENTICATE, LOGOUT, STARTTLS, COMPRESS, ENABLE, IDLE, SELECT, EXAMINE, CLOSE, UNSELECT) are never run.
     */
    public void setAllowedCommands(String allowedCommands) {
        this.allowedCommands = allowedCommands;
    }

    public int getPoolSize() {
        return poolSize;
    }

    /**
     * The most connections the producer keeps; concurrent exchanges never share one at the same time.
     */
    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public int getMaxUntaggedResponses() {
        return maxUntaggedResponses;
    }

    /**
     * The most untagged responses of one producer command kept in CamelImap4UntaggedResponses; beyond it the oldest are dropped and counted in CamelImap4UntaggedResponsesDropped. 0 keeps none.
     */
    public void setMaxUntaggedResponses(int maxUntaggedResponses) {
        this.maxUntaggedResponses = maxUntaggedResponses;
    }

    public long getMaxUntaggedResponseBytes() {
        return maxUntaggedResponseBytes;
    }

    /**
     * The most bytes of server data (plus 64 bytes per response) that CamelImap4UntaggedResponses holds for one producer command; beyond it the oldest responses are dropped and counted in CamelImap4UntaggedResponsesDropped.
     */
    public void setMaxUntaggedResponseBytes(long maxUntaggedResponseBytes) {
        this.maxUntaggedResponseBytes = maxUntaggedResponseBytes;
    }

    public boolean isAllowRawCommands() {
        return allowRawCommands;
    }

    /**
     * Whether the producer may send extension verbs it has no typed operation for (raw, with imaplib-encoded arguments) when allowedCommands is unset. The connection is closed after each such command, since its effect on the connection's state is unknown. Commands that change the connection's state are refused even so.
     */
    public void setAllowRawCommands(boolean allowRawCommands) {
        this.allowRawCommands = allowRawCommands;
    }

    public boolean isMapAttachments() {
        return mapAttachments;
    }

    /**
     * Whether the message's attachments are mapped into Camel's attachments API (AttachmentMessage), as camel-mail's mapMailMessage does; the body stays the raw message unless textBody says otherwise. Each attachment is a DataHandler over a stream cache of the decoded part: on the heap up to the stream-caching spool threshold, else in a temporary file deleted when the exchange is done. An attachment is a part with a file name (Content-Disposition filename or Content-Type name, RFC 2231 and RFC 2047 decoded, directories stripped), as in camel-mail. Needs fetchContent FULL or PARTS. A message whose MIME structure cannot be read fails alone: onFailure applies to it and the others flow.
     */
    public void setMapAttachments(boolean mapAttachments) {
        this.mapAttachments = mapAttachments;
    }

    public Imap4TextBody getTextBody() {
        return textBody;
    }

    /**
     * Whether the body becomes the message's text, decoded (transfer encoding and charset) into a String: PLAIN (text/plain, else text/html), HTML (text/html, else text/plain) or NONE (the raw message). The raw message stays in header CamelImap4RawMessage when it was fetched (fetchContent FULL). A message with neither text part gets an empty body. Needs fetchContent FULL or PARTS.
     */
    public void setTextBody(Imap4TextBody textBody) {
        this.textBody = textBody;
    }

    public long getTextBodyMaxSize() {
        return textBodyMaxSize;
    }

    /**
     * The most bytes of decoded text that textBody puts into the body; a message whose text is larger fails (onFailure applies) rather than being cut.
     */
    public void setTextBodyMaxSize(long textBodyMaxSize) {
        this.textBodyMaxSize = textBodyMaxSize;
    }

    public String getAttachmentContentTypes() {
        return attachmentContentTypes;
    }

    /**
     * Only attachments of these media types, comma separated, a trailing * for a whole type: application/pdf,image/*. Unset takes every type. With fetchContent=PARTS the others are never downloaded.
     */
    public void setAttachmentContentTypes(String attachmentContentTypes) {
        this.attachmentContentTypes = attachmentContentTypes;
    }

    public String getAttachmentNamePattern() {
        return attachmentNamePattern;
    }

    /**
     * Only attachments whose decoded file name matches this regular expression, case-insensitive and in full: .*\.pdf. Unset takes every name. With fetchContent=PARTS the others are never downloaded.
     */
    public void setAttachmentNamePattern(String attachmentNamePattern) {
        this.attachmentNamePattern = attachmentNamePattern;
    }

    public long getAttachmentMaxSize() {
        return attachmentMaxSize;
    }

    /**
     * Only attachments of at most this many decoded bytes; 0 for no limit. With fetchContent=PARTS a part the BODYSTRUCTURE shows to be larger is never downloaded; a part that turns out larger while it is read is dropped and its spool file deleted.
     */
    public void setAttachmentMaxSize(long attachmentMaxSize) {
        this.attachmentMaxSize = attachmentMaxSize;
    }

    public boolean isDecodeFilename() {
        return decodeFilename;
    }

    /**
     * Whether RFC 2047 encoded-words in attachment file names are decoded (camel-mail's decodeFilename, whose default is false). RFC 2231 parameters (filename*=, filename*0*=...) are always decoded.
     */
    public void setDecodeFilename(boolean decodeFilename) {
        this.decodeFilename = decodeFilename;
    }

    public String getGenerateMissingAttachmentNames() {
        return generateMissingAttachmentNames;
    }

    /**
     * As camel-mail: uuid gives a part whose disposition is attachment or inline but that has no file name a random UUID as its name, so it becomes an attachment; never leaves such parts out.
     */
    public void setGenerateMissingAttachmentNames(String generateMissingAttachmentNames) {
        this.generateMissingAttachmentNames = generateMissingAttachmentNames;
    }

    public String getHandleDuplicateAttachmentNames() {
        return handleDuplicateAttachmentNames;
    }

    /**
     * As camel-mail, what to do when two attachments of a message have the same name: never keeps the first (the second is dropped with a warning, or fails the message with failOnDuplicateFileAttachment); uuidPrefix renames both to uuid_name.ext; uuidSuffix renames both to name_uuid.ext.
     */
    public void setHandleDuplicateAttachmentNames(String handleDuplicateAttachmentNames) {
        this.handleDuplicateAttachmentNames = handleDuplicateAttachmentNames;
    }

    public boolean isFailOnDuplicateFileAttachment() {
        return failOnDuplicateFileAttachment;
    }

    /**
     * As camel-mail: whether a second attachment with a name already taken fails the message (onFailure applies) instead of being dropped with a warning, when handleDuplicateAttachmentNames is never.
     */
    public void setFailOnDuplicateFileAttachment(boolean failOnDuplicateFileAttachment) {
        this.failOnDuplicateFileAttachment = failOnDuplicateFileAttachment;
    }

    public boolean isInlineAttachments() {
        return inlineAttachments;
    }

    /**
     * Whether parts with Content-Disposition inline and a file name (images in HTML mail) are attachments too, as in camel-mail. Their Content-ID is in the attachment's headers. false leaves them out.
     */
    public void setInlineAttachments(boolean inlineAttachments) {
        this.inlineAttachments = inlineAttachments;
    }
}
