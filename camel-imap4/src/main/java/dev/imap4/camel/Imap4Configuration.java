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
    private java.util.function.Supplier<String> accessTokenSupplier;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectTimeout = 30000;

    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long readTimeout = 300000;

    @UriParam(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration")
    private long commandTimeout = 600000;

    @UriParam(label = "advanced")
    private long maxHeldBytes;

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
    private String searchCriteria = "UNSEEN";

    @UriParam(label = "consumer")
    private String sortCriteria;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean incremental = false;

    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll = 0;

    @UriParam(label = "consumer", defaultValue = "100")
    private int fetchBatchSize = 100;

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

    @UriParam(label = "advanced")
    private org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy = new Imap4HeaderFilterStrategy();

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean idle = false;

    @UriParam(label = "consumer", defaultValue = "1500000", javaType = "java.time.Duration")
    private long idleInterval = 1500000;

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

    public java.util.function.Supplier<String> getAccessTokenSupplier() {
        return accessTokenSupplier;
    }

    /**
     * A bean supplying OAuth2 access tokens for XOAUTH2 / OAUTHBEARER; asked at every (re)connection, so tokens can refresh.
     */
    public void setAccessTokenSupplier(java.util.function.Supplier<String> accessTokenSupplier) {
        this.accessTokenSupplier = accessTokenSupplier;
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
     * The folder to consume from.
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

    public String getSearchCriteria() {
        return searchCriteria;
    }

    /**
     * Which messages to consume, in IMAP SEARCH syntax, for example UNSEEN, ALL, or UNSEEN FROM "billing@example.org". UNDELETED is added unless the criteria mention DELETED or UNDELETED, and with onFailure FLAG messages carrying failureFlag are left out.
     */
    public void setSearchCriteria(String searchCriteria) {
        this.searchCriteria = searchCriteria;
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
     * How many UIDs one UID FETCH command asks for.
     */
    public void setFetchBatchSize(int fetchBatchSize) {
        this.fetchBatchSize = fetchBatchSize;
    }

    public Imap4FetchContent getFetchContent() {
        return fetchContent;
    }

    /**
     * What to fetch: FULL (the whole message as the body), HEADERS (the header section as the body) or ENVELOPE (envelope and body structure in headers, no content; the main header fields come from the envelope). Bodies are stream caches; a large one is spooled to disk, never held on the heap.
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
     * The folder messages are moved to when onSuccess is MOVE; created when missing only with createMissingFolders.
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
     * The folder failed messages (and messages that cannot be parsed) are moved to when onFailure is MOVE; created when missing only with createMissingFolders.
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
     * Comma-separated commands the producer may run, each an operation of the command option (SEARCH,UID SEARCH,FETCH,APPEND) or RAW:VERB for an extension verb the producer sends raw (RAW:XLIST); anything else is refused when the producer starts. When unset: only the endpoint's command if one is set, otherwise every command the producer has a typed operation for. Commands that change the connection's state (LOGIN, AUTHENTICATE, LOGOUT, UNAUTHENTICATE, STARTTLS, COMPRESS, ENABLE, IDLE, SELECT, EXAMINE, CLOSE, UNSELECT) are never run.
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
}
