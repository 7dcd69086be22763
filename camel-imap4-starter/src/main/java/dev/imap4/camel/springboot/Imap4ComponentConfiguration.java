package dev.imap4.camel.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Consume mail from an IMAP folder with UID-based, batched fetching and IDLE, or run any IMAP
 * command from a route.
 *
 * <p>Every option of the imap4 component, bound from {@code camel.component.imap4.*}. An option
 * the component does not have stops the application.
 *
 * <p>Generated from the component's option model by StarterSources: do not edit.
 */
@ConfigurationProperties(prefix = "camel.component.imap4", ignoreUnknownFields = false)
public class Imap4ComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Default options shared by every endpoint of this component. The option is a
     * dev.imap4.camel.Imap4Configuration type: a bean reference, #bean:name.
     */
    private dev.imap4.camel.Imap4Configuration configuration;

    /**
     * How the connection is protected: SSL (implicit TLS, port 993), STARTTLS (port 143, upgraded
     * before anything else is sent; fails when the server cannot start TLS) or PLAIN (no TLS; only
     * when chosen explicitly).
     */
    private dev.imap4.camel.Imap4Security security = dev.imap4.camel.Imap4Security.SSL;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any
     * exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming
     * messages, or the likes, will now be processed as a message and handled by the routing Error
     * Handler. Important: This is only possible if the 3rd party component allows Camel to be
     * alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel
     * component to hook into the 3rd party component and make this possible for future releases. By
     * default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with
     * exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * The folder messages are copied to when onSuccess is COPY; created when missing only with
     * createMissingFolders.
     */
    private String copyTo;

    /**
     * Whether the consumer creates the folder of a MOVE or COPY post-action (moveTo, copyTo,
     * errorFolder, CamelImap4MoveTo, CamelImap4CopyTo) when the server answers NO TRYCREATE, then
     * tries once more. Off by default: a mistyped folder name is then a counted post-action failure
     * shown by the health check, not a new folder.
     */
    private Boolean createMissingFolders = false;

    /**
     * The folder failed messages (and messages that cannot be parsed) are moved to when onFailure
     * is MOVE; created when missing only with createMissingFolders.
     */
    private String errorFolder;

    /**
     * When deleted (or moved, without MOVE support) messages are expunged: IMMEDIATE, BATCH (once
     * per poll) or NONE. Only UID EXPUNGE (UIDPLUS) is used, never a plain EXPUNGE that would also
     * remove what other clients flagged; without UIDPLUS the messages stay flagged \Deleted (and
     * are never delivered again).
     */
    private dev.imap4.camel.Imap4ExpungeMode expungeMode = dev.imap4.camel.Imap4ExpungeMode.BATCH;

    /**
     * The keyword set when onFailure is FLAG (an IMAP atom such as $Failed, or one of \Flagged,
     * \Answered, \Draft, \Seen, \Deleted); messages carrying it are left out of the search.
     */
    private String failureFlag = "$Failed";

    /**
     * How many UIDs one UID FETCH command asks for.
     */
    private Integer fetchBatchSize = 100;

    /**
     * What to fetch: FULL (the whole message as the body), HEADERS (the header section as the body)
     * or ENVELOPE (envelope and body structure in headers, no content; the main header fields come
     * from the envelope). Bodies are stream caches; a large one is spooled to disk, never held on
     * the heap.
     */
    private dev.imap4.camel.Imap4FetchContent fetchContent = dev.imap4.camel.Imap4FetchContent.FULL;

    /**
     * The folder to consume from.
     */
    private String folder = "INBOX";

    /**
     * When the idempotentRepository gets a message's key. true: before the route runs (removed
     * again when the exchange fails), so a repository shared by two consumers that both poll keeps
     * a message to one of them, but a consumer that dies in the middle of an exchange leaves the
     * key behind and the message is never delivered again. false: when the exchange has completed
     * (the key is only checked before the route runs), so a message whose consumer died is
     * delivered again, at least once: one that completed but whose key was not added yet is
     * processed twice.
     */
    private Boolean idempotentEager = true;

    /**
     * Skips messages already processed, keyed by folder/UIDVALIDITY/UID (never Message-ID). The
     * option is a org.apache.camel.spi.IdempotentRepository type: a bean reference, #bean:name.
     */
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    /**
     * After each poll wait in IDLE and search again as soon as the server reports new mail, instead
     * of waiting for the scheduler; plain polling when the server lacks IDLE. The consumer keeps
     * its polling thread while idling (do not share a small scheduled thread pool with it); the
     * scheduler's delay then only paces reconnection after a failure.
     */
    private Boolean idle = false;

    /**
     * How long one IDLE may last before the folder is selected and searched again and IDLE
     * re-issued, in milliseconds; keep it under the server's timeout (29 minutes by RFC 2177, about
     * 10 for Office 365). A duration: a number of milliseconds, or a value with a unit such as 30s
     * or 5m.
     */
    private java.time.Duration idleInterval = java.time.Duration.ofMillis(1500000L);

    /**
     * Only look at UIDs above the highest one already consumed (restricting the search to UID n:,
     * and dropping the highest UID that servers such as Dovecot return when nothing is new). The
     * mark never passes a message that failed and will be retried. It is kept in memory: it resets
     * when UIDVALIDITY changes and when the consumer restarts (add an idempotentRepository to skip
     * consumed messages across restarts).
     */
    private Boolean incremental = false;

    /**
     * How many failed attempts a message gets before onFailure MOVE takes it out of the folder.
     * Attempts are counted in memory per folder, UIDVALIDITY and UID, so they start over when the
     * consumer restarts.
     */
    private Integer maxFailedAttempts = 3;

    /**
     * The most messages to deliver per poll; 0 means no limit.
     */
    private Integer maxMessagesPerPoll = 0;

    /**
     * The folder messages are moved to when onSuccess is MOVE; created when missing only with
     * createMissingFolders.
     */
    private String moveTo;

    /**
     * What to do with a message whose exchange failed: NONE (leave it exactly as it was, so the
     * next poll delivers it again), FLAG (set failureFlag; the search then leaves it out, so it
     * waits for someone to remove the flag) or MOVE (to errorFolder once it failed
     * maxFailedAttempts times). FLAG and MOVE keep a poison message from being retried forever. A
     * message whose FETCH response cannot be parsed is isolated from its batch and parked at once:
     * FLAG flags it, MOVE moves it to errorFolder without waiting for maxFailedAttempts, NONE
     * leaves it in the folder and no later poll fetches it again while the consumer runs.
     */
    private dev.imap4.camel.Imap4OnFailure onFailure = dev.imap4.camel.Imap4OnFailure.NONE;

    /**
     * What to do with a message once its exchange completed: SEEN, DELETE (\Seen and \Deleted,
     * expunged per expungeMode), MOVE (to moveTo), COPY (to copyTo, the original left as it is) or
     * NONE. Headers CamelImap4MoveTo, CamelImap4CopyTo and CamelImap4Delete override it per
     * message. A message still matching the search afterwards (COPY, NONE) is not delivered again
     * while the consumer runs; add incremental or an idempotentRepository to skip it after a
     * restart too.
     */
    private dev.imap4.camel.Imap4OnSuccess onSuccess = dev.imap4.camel.Imap4OnSuccess.SEEN;

    /**
     * Open the folder with EXAMINE: nothing is ever changed on the server (success and failure
     * actions are skipped). Messages are still delivered only once while the consumer runs; to skip
     * them after a restart too, add incremental or an idempotentRepository.
     */
    private Boolean readOnly = false;

    /**
     * Which messages to consume, in IMAP SEARCH syntax, for example UNSEEN, ALL, or UNSEEN FROM
     * billingexample.org. UNDELETED is added unless the criteria mention DELETED or UNDELETED, and
     * with onFailure FLAG messages carrying failureFlag are left out.
     */
    private String searchCriteria = "UNSEEN";

    /**
     * Deliver messages in this SORT order (RFC 5256), for example ARRIVAL or REVERSE DATE, when the
     * server supports SORT; UID order otherwise.
     */
    private String sortCriteria;

    /**
     * How many bytes of bodies above Camel's spool threshold (128 KiB by default) one fetch batch
     * keeps on the heap, as the client read them, when Camel's stream-cache spooling is off (the
     * default). A large body beyond this, or one the client already spooled, is held in a temporary
     * file instead. Never more than a quarter of the JVM's maximum heap; 0 puts every large body in
     * a file. Smaller bodies always stay on the heap; with spooling on, Camel's spooling decides.
     * Large bodies held on the heap across a batch cost garbage-collection work, so more is not
     * faster (docs/performance.md).
     */
    private Long batchMemoryLimit = 16777216L;

    /**
     * Comma-separated commands the producer may run, each an operation of the command option
     * (SEARCH,UID SEARCH,FETCH,APPEND) or RAW:VERB for an extension verb the producer sends raw
     * (RAW:XLIST); anything else is refused when the producer starts. When unset: only the
     * endpoint's command if one is set, otherwise every command the producer has a typed operation
     * for. Commands that change the connection's state (LOGIN, AUTHENTICATE, LOGOUT,
     * UNAUTHENTICATE, STARTTLS, COMPRESS, ENABLE, IDLE, SELECT, EXAMINE, CLOSE, UNSELECT) are never
     * run.
     */
    private String allowedCommands;

    /**
     * The command the producer runs when the message has no CamelImap4Command header, written as
     * the IMAP verb (UID SEARCH, UIDSEARCH in a URI) or the constant (UID_SEARCH). RAW runs only
     * extension verbs, named by the CamelImap4Command header and allowed with
     * allowedCommands=RAW:VERB or allowRawCommands.
     */
    private dev.imap4.camel.Imap4Operation command;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can
     * use this to allow CamelContext and routes to startup in situations where a producer may
     * otherwise fail during starting and cause the route to fail being started. By deferring this
     * startup to be lazy then the startup failure can be handled during routing messages via
     * Camel's routing error handlers. Beware that when the first message is processed then creating
     * and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The most bytes of server data (plus 64 bytes per response) that CamelImap4UntaggedResponses
     * holds for one producer command; beyond it the oldest responses are dropped and counted in
     * CamelImap4UntaggedResponsesDropped.
     */
    private Long maxUntaggedResponseBytes = 1048576L;

    /**
     * The most untagged responses of one producer command kept in CamelImap4UntaggedResponses;
     * beyond it the oldest are dropped and counted in CamelImap4UntaggedResponsesDropped. 0 keeps
     * none.
     */
    private Integer maxUntaggedResponses = 1000;

    /**
     * The most connections the producer keeps; concurrent exchanges never share one at the same
     * time.
     */
    private Integer poolSize = 4;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must
     * be marked as autowired) by looking up in the registry to find if there is a single instance
     * of matching type, which then gets configured on the component. This can be used for automatic
     * configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * How connections are made; replace it to connect differently (tests, proxies). The option is a
     * dev.imap4.camel.Imap4ClientFactory type: a bean reference, #bean:name.
     */
    private dev.imap4.camel.Imap4ClientFactory clientFactory;

    /**
     * Longest one IMAP command may take in milliseconds, however slowly the server sends (the read
     * timeout restarts with every byte, this does not); past it the connection is aborted and the
     * thread freed. 0 means no limit. The default of 10 minutes lets a batch of 100 messages of 1
     * MB each arrive over about 1.4 Mbit/s. An IDLE is bounded by idleInterval plus the read
     * timeout instead. A duration: a number of milliseconds, or a value with a unit such as 30s or
     * 5m.
     */
    private java.time.Duration commandTimeout = java.time.Duration.ofMillis(600000L);

    /**
     * Connect (and TLS handshake) timeout in milliseconds. A duration: a number of milliseconds, or
     * a value with a unit such as 30s or 5m.
     */
    private java.time.Duration connectTimeout = java.time.Duration.ofMillis(30000L);

    /**
     * Protocol trace level as in imaplib (above 3 every line is logged through SLF4J logger
     * dev.imap4.client.trace); secrets are always redacted.
     */
    private Integer debugLevel = 0;

    /**
     * Decides which of a message's own header fields (Subject, From, Received...) become Camel
     * headers. The default keeps all but those that look like Camel headers (any case), so a mail
     * cannot set CamelImap4Delete or CamelImap4MoveTo. The option is a
     * org.apache.camel.spi.HeaderFilterStrategy type: a bean reference, #bean:name.
     */
    private org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy;

    /**
     * The heap budget of one connection in bytes: what it holds from the server at once (lines and
     * in-memory literals of the running command, results being built, kept untagged data). A server
     * that sends more aborts the connection. 0 (the default) means a quarter of the JVM's maximum
     * heap, at least 16 MiB and at most 64 MiB.
     */
    private Long maxHeldBytes;

    /**
     * The disk budget of one connection in bytes: large literals it has spooled to temporary files
     * and not yet handed over. A server that sends more aborts the connection.
     */
    private Long maxSpoolBytes = 4294967296L;

    /**
     * Read timeout in milliseconds; a server silent for longer aborts the connection (IDLE waits
     * are extended automatically). A duration: a number of milliseconds, or a value with a unit
     * such as 30s or 5m.
     */
    private java.time.Duration readTimeout = java.time.Duration.ofMillis(300000L);

    /**
     * Speak IMAP over the stdin/stdout of this command line instead of a socket (like imaplib's
     * IMAP4_stream), for example a server's preauthenticated imap binary. Host, port and
     * credentials are then ignored. The command line is run by /bin/sh, so an endpoint URI may set
     * it only when the component option allowStreamCommandInUri is true; otherwise set it on the
     * component's configuration or the endpoint object.
     */
    private String streamCommand;

    /**
     * Used for enabling or disabling all consumer based health checks from this component.
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice:
     * Camel has by default disabled all producer based health-checks. You can turn on producer
     * checks globally by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * A bean supplying OAuth2 access tokens for XOAUTH2 / OAUTHBEARER; asked at every
     * (re)connection, so tokens can refresh. The option is a
     * java.util.function.Supplier&lt;java.lang.String&gt; type: a bean reference, #bean:name.
     */
    private java.util.function.Supplier<java.lang.String> accessTokenSupplier;

    /**
     * Whether the producer may send extension verbs it has no typed operation for (raw, with
     * imaplib-encoded arguments) when allowedCommands is unset. The connection is closed after each
     * such command, since its effect on the connection's state is unknown. Commands that change the
     * connection's state are refused even so.
     */
    private Boolean allowRawCommands = false;

    /**
     * The password; never logged.
     */
    private String password;

    /**
     * How to authenticate: AUTO picks the strongest SASL mechanism both sides support (an OAuth2
     * one when an access token supplier is set), falling back to the LOGIN command; LOGIN forces
     * the LOGIN command; any other value forces that SASL mechanism. The SASL names are accepted as
     * written (CRAM-MD5, scram-sha-256) as well as the constants (CRAM_MD5).
     */
    private dev.imap4.camel.Imap4SaslMechanism saslMechanism = dev.imap4.camel.Imap4SaslMechanism.AUTO;

    /**
     * Camel's TLS configuration (trust store, key store, protocols). Certificates and host names
     * are always verified. The option is a org.apache.camel.support.jsse.SSLContextParameters type:
     * a bean reference, #bean:name.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * A PEM file whose certificates are the only ones trusted, like Python's cafile= or curl's
     * --cacert: a self-signed server's certificate (for example the cert.pem a test server writes),
     * a private CA, or several in one file. A file path, or classpath:, file: or http: as Camel
     * resolves resources. Certificates and host names are still verified. Not together with
     * sslContextParameters.
     */
    private String trustCertificates;

    /**
     * Use Camel's global SSL context parameters when an endpoint sets none.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * The user name to log in with.
     */
    private String username;

    /**
     * Whether an endpoint URI may set streamCommand, a command line run by /bin/sh. Off by default,
     * because a route that builds a URI from message data (toD) would let a mail run a command; set
     * streamCommand on the component's configuration or on the endpoint object instead.
     */
    private Boolean allowStreamCommandInUri = false;

    public dev.imap4.camel.Imap4Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(dev.imap4.camel.Imap4Configuration configuration) {
        this.configuration = configuration;
    }

    public dev.imap4.camel.Imap4Security getSecurity() {
        return security;
    }

    public void setSecurity(dev.imap4.camel.Imap4Security security) {
        this.security = security;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getCopyTo() {
        return copyTo;
    }

    public void setCopyTo(String copyTo) {
        this.copyTo = copyTo;
    }

    public Boolean getCreateMissingFolders() {
        return createMissingFolders;
    }

    public void setCreateMissingFolders(Boolean createMissingFolders) {
        this.createMissingFolders = createMissingFolders;
    }

    public String getErrorFolder() {
        return errorFolder;
    }

    public void setErrorFolder(String errorFolder) {
        this.errorFolder = errorFolder;
    }

    public dev.imap4.camel.Imap4ExpungeMode getExpungeMode() {
        return expungeMode;
    }

    public void setExpungeMode(dev.imap4.camel.Imap4ExpungeMode expungeMode) {
        this.expungeMode = expungeMode;
    }

    public String getFailureFlag() {
        return failureFlag;
    }

    public void setFailureFlag(String failureFlag) {
        this.failureFlag = failureFlag;
    }

    public Integer getFetchBatchSize() {
        return fetchBatchSize;
    }

    public void setFetchBatchSize(Integer fetchBatchSize) {
        this.fetchBatchSize = fetchBatchSize;
    }

    public dev.imap4.camel.Imap4FetchContent getFetchContent() {
        return fetchContent;
    }

    public void setFetchContent(dev.imap4.camel.Imap4FetchContent fetchContent) {
        this.fetchContent = fetchContent;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public Boolean getIdempotentEager() {
        return idempotentEager;
    }

    public void setIdempotentEager(Boolean idempotentEager) {
        this.idempotentEager = idempotentEager;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Boolean getIdle() {
        return idle;
    }

    public void setIdle(Boolean idle) {
        this.idle = idle;
    }

    public java.time.Duration getIdleInterval() {
        return idleInterval;
    }

    public void setIdleInterval(java.time.Duration idleInterval) {
        this.idleInterval = idleInterval;
    }

    public Boolean getIncremental() {
        return incremental;
    }

    public void setIncremental(Boolean incremental) {
        this.incremental = incremental;
    }

    public Integer getMaxFailedAttempts() {
        return maxFailedAttempts;
    }

    public void setMaxFailedAttempts(Integer maxFailedAttempts) {
        this.maxFailedAttempts = maxFailedAttempts;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getMoveTo() {
        return moveTo;
    }

    public void setMoveTo(String moveTo) {
        this.moveTo = moveTo;
    }

    public dev.imap4.camel.Imap4OnFailure getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(dev.imap4.camel.Imap4OnFailure onFailure) {
        this.onFailure = onFailure;
    }

    public dev.imap4.camel.Imap4OnSuccess getOnSuccess() {
        return onSuccess;
    }

    public void setOnSuccess(dev.imap4.camel.Imap4OnSuccess onSuccess) {
        this.onSuccess = onSuccess;
    }

    public Boolean getReadOnly() {
        return readOnly;
    }

    public void setReadOnly(Boolean readOnly) {
        this.readOnly = readOnly;
    }

    public String getSearchCriteria() {
        return searchCriteria;
    }

    public void setSearchCriteria(String searchCriteria) {
        this.searchCriteria = searchCriteria;
    }

    public String getSortCriteria() {
        return sortCriteria;
    }

    public void setSortCriteria(String sortCriteria) {
        this.sortCriteria = sortCriteria;
    }

    public Long getBatchMemoryLimit() {
        return batchMemoryLimit;
    }

    public void setBatchMemoryLimit(Long batchMemoryLimit) {
        this.batchMemoryLimit = batchMemoryLimit;
    }

    public String getAllowedCommands() {
        return allowedCommands;
    }

    public void setAllowedCommands(String allowedCommands) {
        this.allowedCommands = allowedCommands;
    }

    public dev.imap4.camel.Imap4Operation getCommand() {
        return command;
    }

    public void setCommand(dev.imap4.camel.Imap4Operation command) {
        this.command = command;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Long getMaxUntaggedResponseBytes() {
        return maxUntaggedResponseBytes;
    }

    public void setMaxUntaggedResponseBytes(Long maxUntaggedResponseBytes) {
        this.maxUntaggedResponseBytes = maxUntaggedResponseBytes;
    }

    public Integer getMaxUntaggedResponses() {
        return maxUntaggedResponses;
    }

    public void setMaxUntaggedResponses(Integer maxUntaggedResponses) {
        this.maxUntaggedResponses = maxUntaggedResponses;
    }

    public Integer getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(Integer poolSize) {
        this.poolSize = poolSize;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public dev.imap4.camel.Imap4ClientFactory getClientFactory() {
        return clientFactory;
    }

    public void setClientFactory(dev.imap4.camel.Imap4ClientFactory clientFactory) {
        this.clientFactory = clientFactory;
    }

    public java.time.Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(java.time.Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public java.time.Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(java.time.Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getDebugLevel() {
        return debugLevel;
    }

    public void setDebugLevel(Integer debugLevel) {
        this.debugLevel = debugLevel;
    }

    public org.apache.camel.spi.HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    public void setHeaderFilterStrategy(org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public Long getMaxHeldBytes() {
        return maxHeldBytes;
    }

    public void setMaxHeldBytes(Long maxHeldBytes) {
        this.maxHeldBytes = maxHeldBytes;
    }

    public Long getMaxSpoolBytes() {
        return maxSpoolBytes;
    }

    public void setMaxSpoolBytes(Long maxSpoolBytes) {
        this.maxSpoolBytes = maxSpoolBytes;
    }

    public java.time.Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(java.time.Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getStreamCommand() {
        return streamCommand;
    }

    public void setStreamCommand(String streamCommand) {
        this.streamCommand = streamCommand;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public java.util.function.Supplier<java.lang.String> getAccessTokenSupplier() {
        return accessTokenSupplier;
    }

    public void setAccessTokenSupplier(java.util.function.Supplier<java.lang.String> accessTokenSupplier) {
        this.accessTokenSupplier = accessTokenSupplier;
    }

    public Boolean getAllowRawCommands() {
        return allowRawCommands;
    }

    public void setAllowRawCommands(Boolean allowRawCommands) {
        this.allowRawCommands = allowRawCommands;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public dev.imap4.camel.Imap4SaslMechanism getSaslMechanism() {
        return saslMechanism;
    }

    public void setSaslMechanism(dev.imap4.camel.Imap4SaslMechanism saslMechanism) {
        this.saslMechanism = saslMechanism;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTrustCertificates() {
        return trustCertificates;
    }

    public void setTrustCertificates(String trustCertificates) {
        this.trustCertificates = trustCertificates;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Boolean getAllowStreamCommandInUri() {
        return allowStreamCommandInUri;
    }

    public void setAllowStreamCommandInUri(Boolean allowStreamCommandInUri) {
        this.allowStreamCommandInUri = allowStreamCommandInUri;
    }
}
