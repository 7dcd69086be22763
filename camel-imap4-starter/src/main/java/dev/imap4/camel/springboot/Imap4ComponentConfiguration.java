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
     * Only attachments of these media types, comma separated, a trailing for a whole type:
     * application/pdf,image/. Unset takes every type. With fetchContent=PARTS the others are never
     * downloaded.
     */
    private String attachmentContentTypes;

    /**
     * Only attachments of at most this many decoded bytes; 0 for no limit. With fetchContent=PARTS
     * a part the BODYSTRUCTURE shows to be larger is never downloaded; a part that turns out larger
     * while it is read is dropped and its spool file deleted.
     */
    private Long attachmentMaxSize = 0L;

    /**
     * Only attachments whose decoded file name matches this regular expression, case-insensitive
     * and in full: .\.pdf. Unset takes every name. With fetchContent=PARTS the others are never
     * downloaded.
     */
    private String attachmentNamePattern;

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
     * Sends an exchange for each message whose flags changed since the last poll (or the saved
     * state), to mirror flags: no body, header CamelImap4FlagsChanged=true with CamelImap4Uid,
     * CamelImap4Folder, CamelImap4UidValidity, CamelImap4Flags (the flags now) and
     * CamelImap4ModSeq. Needs a server with QRESYNC (RFC 7162): each SELECT names the HIGHESTMODSEQ
     * of the last one and the server answers with the messages changed since. Not sent for a
     * message the same poll delivers as new (nor one still in flight); the flags the consumer
     * itself set (\Seen, \Deleted, the failure flag) are reported too, at the next poll. The mark
     * is kept in the stateRepository (so changes made while the consumer was stopped are reported
     * at its start) or, without one, in memory from the consumer's first poll; it moves only once
     * every change exchange of the poll completed, so a failed one is sent again (with the others)
     * at the next poll. The changes reported by one SELECT must fit in maxHeldBytes.
     */
    private Boolean deliverFlagChanges = false;

    /**
     * Sends an exchange with header CamelImap4Vanished (the UIDs as a UID set, no body) whenever
     * the server reports messages expunged from the folder since the last poll, to mirror
     * deletions. Needs a server with QRESYNC (RFC 7162): each SELECT then names the HIGHESTMODSEQ
     * of the last one and the server answers with VANISHED (EARLIER). The mark is kept in the
     * stateRepository (so deletions made while the consumer was stopped are reported at its start)
     * or, without one, in memory from the consumer's first poll. The messages the consumer itself
     * deleted or moved are reported too. A vanished exchange that fails is reported again at the
     * next poll.
     */
    private Boolean deliverVanished = false;

    /**
     * The folder failed messages (and messages that cannot be parsed) are moved to when onFailure
     * is MOVE; created when missing only with createMissingFolders. A special-use role such as
     * \Junk (RFC 6154) names the server's folder with that role, whatever its localised name.
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
     * At most how many UIDs one UID FETCH command asks for. A poll's first FETCH asks for at most
     * 10, so the route starts early, and each one after it for twice as many as the one before, up
     * to this. Judged by the batches before it, a FETCH also asks for no more messages than half of
     * batchMemoryLimit (at least 8 MiB) of bodies holds, so large bodies stay on the heap instead
     * of going to files, and no more than the route takes about a second for, so the outcomes of a
     * slow route are still applied (one UID STORE per batch) every second or two.
     */
    private Integer fetchBatchSize = 1000;

    /**
     * What to fetch: FULL (the whole message as the body), HEADERS (the header section as the
     * body), ENVELOPE (envelope and body structure in headers, no content; the main header fields
     * come from the envelope) or PARTS (the header and BODYSTRUCTURE, then only the sections that
     * mapAttachments and textBody select, by attachmentContentTypes, attachmentNamePattern and
     * attachmentMaxSize; BINARY.PEEK when the server offers BINARY, else BODY.PEEK). Bodies are
     * stream caches; a large one is spooled to disk, never held on the heap.
     */
    private dev.imap4.camel.Imap4FetchContent fetchContent = dev.imap4.camel.Imap4FetchContent.FULL;

    /**
     * The folder to consume from; or several, as a comma-separated list of names and LIST patterns
     * ( across levels, % within one, in the server's hierarchy delimiter), for example
     * INBOX,Support/. Several folders are polled in turn over one connection, each with its own
     * state (and stateRepository entry); patterns are resolved at every poll, so new folders are
     * picked up. Each exchange's CamelImap4Folder header names its folder and the idempotent key
     * stays folder/UIDVALIDITY/UID. With idle=true and a server offering NOTIFY (RFC 5465), one
     * connection waits in IDLE for a change in any of them; without NOTIFY they are polled at the
     * scheduler's delay. A folder whose name holds a comma, or % cannot be consumed with this
     * option.
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
     * What the idempotentRepository is keyed on: UID (folder/UIDVALIDITY/UID) or EMAILID
     * (EMAILID/id, RFC 8474 OBJECTID), which stays the same when a message is moved or copied to
     * another folder, so a message moved between watched folders is not processed twice. EMAILID
     * needs a server offering OBJECTID (Cyrus 3.6 does); the consumer then fetches EMAILID and
     * THREADID and sets headers CamelImap4EmailId and CamelImap4ThreadId. Messages are then checked
     * against the repository after their FETCH, not before.
     */
    private dev.imap4.camel.Imap4IdempotentKey idempotentKey = dev.imap4.camel.Imap4IdempotentKey.UID;

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
     * Whether the message's attachments are mapped into Camel's attachments API
     * (AttachmentMessage), as camel-mail's mapMailMessage does; the body stays the raw message
     * unless textBody says otherwise. Each attachment is a DataHandler over a stream cache of the
     * decoded part: on the heap up to the stream-caching spool threshold, else in a temporary file
     * deleted when the exchange is done. An attachment is a part with a file name
     * (Content-Disposition filename or Content-Type name, RFC 2231 and RFC 2047 decoded,
     * directories stripped), as in camel-mail. Needs fetchContent FULL or PARTS. A message whose
     * MIME structure cannot be read fails alone: onFailure applies to it and the others flow.
     */
    private Boolean mapAttachments = false;

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
     * createMissingFolders. A special-use role such as \Archive or \Trash (RFC 6154) names the
     * server's folder with that role, whatever its localised name; when no folder has it the move
     * fails with a clear reason and the message stays.
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
     * Which messages to consume: text in IMAP SEARCH syntax, for example UNSEEN, ALL, or UNSEEN
     * FROM billingexample.org, or a typed dev.imap4.client.types.SearchKey (a #bean reference).
     * UNDELETED is added unless the criteria mention DELETED or UNDELETED, and with onFailure FLAG
     * messages carrying failureFlag are left out. The option is a java.lang.Object type: a bean
     * reference, #bean:name.
     */
    private java.lang.Object searchCriteria = "UNSEEN";

    /**
     * Only consume messages that arrived within this time before each poll, for example 7d or P7D
     * (the last 7 days); 0 (the default) sets no limit. ANDed with searchCriteria. Sent as WITHIN's
     * YOUNGER when the server offers it, otherwise as SINCE the day the window starts, taken in
     * UTC-12 so that no message of the window is left out whatever its time zone (up to two days
     * more may be delivered). A duration: a number of milliseconds, or a value with a unit such as
     * 30s or 5m.
     */
    private java.time.Duration searchWithin;

    /**
     * Deliver messages in this SORT order (RFC 5256), for example ARRIVAL or REVERSE DATE, when the
     * server supports SORT; UID order otherwise.
     */
    private String sortCriteria;

    /**
     * Keeps the consumer's state (UIDVALIDITY, the UID watermark and the UIDs done above it,
     * HIGHESTMODSEQ, and how many times each message was handed to the route without success) in
     * this repository, for example Camel's FileStateRepository, so a consumer restarted in any JVM
     * searches and fetches only what is new. One entry per server, user and folder. Each attempt is
     * counted before the route runs, so a message that was handed over maxFailedAttempts times
     * without success (even one that stopped the JVM each time) is not handed over again but parked
     * as onFailure says (NONE: left as it is). A corrupt or foreign entry is logged and replaced.
     * With incremental=true the search itself starts after the saved watermark. The option is a
     * org.apache.camel.spi.StateRepository&lt;java.lang.String, java.lang.String&gt; type: a bean
     * reference, #bean:name.
     */
    private org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> stateRepository;

    /**
     * Whether the body becomes the message's text, decoded (transfer encoding and charset) into a
     * String: PLAIN (text/plain, else text/html), HTML (text/html, else text/plain) or NONE (the
     * raw message). The raw message stays in header CamelImap4RawMessage when it was fetched
     * (fetchContent FULL). A message with neither text part gets an empty body. Needs fetchContent
     * FULL or PARTS.
     */
    private dev.imap4.camel.Imap4TextBody textBody = dev.imap4.camel.Imap4TextBody.NONE;

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
     * Whether RFC 2047 encoded-words in attachment file names are decoded (camel-mail's
     * decodeFilename, whose default is false). RFC 2231 parameters (filename=, filename0=...) are
     * always decoded.
     */
    private Boolean decodeFilename = true;

    /**
     * As camel-mail: whether a second attachment with a name already taken fails the message
     * (onFailure applies) instead of being dropped with a warning, when
     * handleDuplicateAttachmentNames is never.
     */
    private Boolean failOnDuplicateFileAttachment = false;

    /**
     * As camel-mail: uuid gives a part whose disposition is attachment or inline but that has no
     * file name a random UUID as its name, so it becomes an attachment; never leaves such parts
     * out.
     */
    private String generateMissingAttachmentNames = "never";

    /**
     * As camel-mail, what to do when two attachments of a message have the same name: never keeps
     * the first (the second is dropped with a warning, or fails the message with
     * failOnDuplicateFileAttachment); uuidPrefix renames both to uuid_name.ext; uuidSuffix renames
     * both to name_uuid.ext.
     */
    private String handleDuplicateAttachmentNames = "never";

    /**
     * Whether parts with Content-Disposition inline and a file name (images in HTML mail) are
     * attachments too, as in camel-mail. Their Content-ID is in the attachment's headers. false
     * leaves them out.
     */
    private Boolean inlineAttachments = true;

    /**
     * The largest value the consumer writes to the stateRepository, in bytes (at least 256). Over
     * it, the oldest attempt counts are dropped first, then the highest done UIDs above the
     * watermark (those may be delivered again after a restart, never lost).
     */
    private Integer stateMaxBytes = 65536;

    /**
     * The most bytes of decoded text that textBody puts into the body; a message whose text is
     * larger fails (onFailure applies) rather than being cut.
     */
    private Long textBodyMaxSize = 8388608L;

    /**
     * Comma-separated commands the producer may run, each an operation of the command option
     * (SEARCH,UID SEARCH,FETCH,APPEND) or RAW:VERB for an extension verb the producer sends raw
     * (RAW:XLIST); anything else is refused when the producer starts. When unset: only the
     * endpoint's command if one is set, otherwise every command the producer has a typed operation
     * for except UNAUTHENTICATE, which runs only when listed here (or as command) and closes its
     * connection afterwards. Commands that change the connection's state (LOGIN, AUTHENTICATE,
     * LOGOUT, STARTTLS, COMPRESS, ENABLE, IDLE, SELECT, EXAMINE, CLOSE, UNSELECT) are never run.
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
     * Compress the connection with COMPRESS=DEFLATE (RFC 4978) right after authentication when the
     * server offers it; a server that refuses leaves it uncompressed. Pays on slow links (a third
     * to a sixth of the bytes for the benchmark's text mail; see docs/performance.md), costs CPU on
     * both ends and slows a fast link. Off by default: compressing secrets together with data an
     * attacker can inject leaks their length (CRIME-style); credentials are always sent before
     * compression starts.
     */
    private Boolean compression = false;

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
     * The proxy's host name or address (with proxyType).
     */
    private String proxyHost;

    /**
     * The proxy's port (with proxyType).
     */
    private Integer proxyPort;

    /**
     * Connect through a proxy of this kind: SOCKS5 (RFC 1928) or HTTP (CONNECT). The server's name
     * is resolved by the proxy, and TLS still verifies the server, end to end. Needs proxyHost and
     * proxyPort; the proxy's handshake counts against connectTimeout.
     */
    private dev.imap4.client.ImapProxy.Type proxyType;

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
     * With saslMechanism=GSSAPI: the JAAS login configuration entry
     * (java.security.auth.login.config) that logs in to Kerberos, e.g. with Krb5LoginModule and a
     * keytab; username and password, when set, answer its name and password prompts. Unset: the
     * JVM's own Kerberos credentials.
     */
    private String kerberosLoginContext;

    /**
     * The OAuth2 client (application) id registered with the identity provider.
     */
    private String oauth2ClientId;

    /**
     * The OAuth2 client secret; needed for the client-credentials grant, optional for a public
     * client's refresh-token grant. Never logged.
     */
    private String oauth2ClientSecret;

    /**
     * The OAuth2 refresh token of the mailbox's user (refresh-token grant); without it the
     * client-credentials grant is used. A refresh token the provider rotates is used from then on,
     * in memory only. Never logged.
     */
    private String oauth2RefreshToken;

    /**
     * The OAuth2 scope to ask for, space-separated, for example https://mail.google.com/ or
     * https://outlook.office365.com/.default.
     */
    private String oauth2Scope;

    /**
     * The OAuth2 token endpoint (https; http only on a loopback address), for example
     * https://oauth2.googleapis.com/token or
     * https://login.microsoftonline.com/TENANT/oauth2/v2.0/token. When set, the endpoint fetches
     * its access tokens there (refresh-token grant when oauth2RefreshToken is set, else
     * client-credentials), keeps each until oauth2TokenSkew before it expires, and authenticates
     * with XOAUTH2 or OAUTHBEARER (saslMechanism AUTO picks the one the server offers).
     */
    private String oauth2TokenUrl;

    /**
     * The password; never logged.
     */
    private String password;

    /**
     * The password for the proxy (with proxyUsername). Never logged.
     */
    private String proxyPassword;

    /**
     * The user name for the proxy: SOCKS5 user/password authentication (RFC 1929) or HTTP Basic
     * proxy authorization.
     */
    private String proxyUsername;

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

    /**
     * How the client secret is sent to the token endpoint: POST (in the form, as Google and
     * Microsoft document) or BASIC (HTTP Basic authentication).
     */
    private dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication oauth2ClientAuthentication = dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication.POST;

    /**
     * The bound on one exchange with the token endpoint, answer included, in milliseconds: 1 s to
     * 10 minutes (connecting is also bounded by connectTimeout). A duration: a number of
     * milliseconds, or a value with a unit such as 30s or 5m.
     */
    private java.time.Duration oauth2Timeout = java.time.Duration.ofMillis(30000L);

    /**
     * How long before it expires an access token is replaced, in milliseconds: 0 to 10 minutes. A
     * duration: a number of milliseconds, or a value with a unit such as 30s or 5m.
     */
    private java.time.Duration oauth2TokenSkew = java.time.Duration.ofMillis(60000L);

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

    public String getAttachmentContentTypes() {
        return attachmentContentTypes;
    }

    public void setAttachmentContentTypes(String attachmentContentTypes) {
        this.attachmentContentTypes = attachmentContentTypes;
    }

    public Long getAttachmentMaxSize() {
        return attachmentMaxSize;
    }

    public void setAttachmentMaxSize(Long attachmentMaxSize) {
        this.attachmentMaxSize = attachmentMaxSize;
    }

    public String getAttachmentNamePattern() {
        return attachmentNamePattern;
    }

    public void setAttachmentNamePattern(String attachmentNamePattern) {
        this.attachmentNamePattern = attachmentNamePattern;
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

    public Boolean getDeliverFlagChanges() {
        return deliverFlagChanges;
    }

    public void setDeliverFlagChanges(Boolean deliverFlagChanges) {
        this.deliverFlagChanges = deliverFlagChanges;
    }

    public Boolean getDeliverVanished() {
        return deliverVanished;
    }

    public void setDeliverVanished(Boolean deliverVanished) {
        this.deliverVanished = deliverVanished;
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

    public dev.imap4.camel.Imap4IdempotentKey getIdempotentKey() {
        return idempotentKey;
    }

    public void setIdempotentKey(dev.imap4.camel.Imap4IdempotentKey idempotentKey) {
        this.idempotentKey = idempotentKey;
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

    public Boolean getMapAttachments() {
        return mapAttachments;
    }

    public void setMapAttachments(Boolean mapAttachments) {
        this.mapAttachments = mapAttachments;
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

    public java.lang.Object getSearchCriteria() {
        return searchCriteria;
    }

    public void setSearchCriteria(java.lang.Object searchCriteria) {
        this.searchCriteria = searchCriteria;
    }

    public java.time.Duration getSearchWithin() {
        return searchWithin;
    }

    public void setSearchWithin(java.time.Duration searchWithin) {
        this.searchWithin = searchWithin;
    }

    public String getSortCriteria() {
        return sortCriteria;
    }

    public void setSortCriteria(String sortCriteria) {
        this.sortCriteria = sortCriteria;
    }

    public org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public dev.imap4.camel.Imap4TextBody getTextBody() {
        return textBody;
    }

    public void setTextBody(dev.imap4.camel.Imap4TextBody textBody) {
        this.textBody = textBody;
    }

    public Long getBatchMemoryLimit() {
        return batchMemoryLimit;
    }

    public void setBatchMemoryLimit(Long batchMemoryLimit) {
        this.batchMemoryLimit = batchMemoryLimit;
    }

    public Boolean getDecodeFilename() {
        return decodeFilename;
    }

    public void setDecodeFilename(Boolean decodeFilename) {
        this.decodeFilename = decodeFilename;
    }

    public Boolean getFailOnDuplicateFileAttachment() {
        return failOnDuplicateFileAttachment;
    }

    public void setFailOnDuplicateFileAttachment(Boolean failOnDuplicateFileAttachment) {
        this.failOnDuplicateFileAttachment = failOnDuplicateFileAttachment;
    }

    public String getGenerateMissingAttachmentNames() {
        return generateMissingAttachmentNames;
    }

    public void setGenerateMissingAttachmentNames(String generateMissingAttachmentNames) {
        this.generateMissingAttachmentNames = generateMissingAttachmentNames;
    }

    public String getHandleDuplicateAttachmentNames() {
        return handleDuplicateAttachmentNames;
    }

    public void setHandleDuplicateAttachmentNames(String handleDuplicateAttachmentNames) {
        this.handleDuplicateAttachmentNames = handleDuplicateAttachmentNames;
    }

    public Boolean getInlineAttachments() {
        return inlineAttachments;
    }

    public void setInlineAttachments(Boolean inlineAttachments) {
        this.inlineAttachments = inlineAttachments;
    }

    public Integer getStateMaxBytes() {
        return stateMaxBytes;
    }

    public void setStateMaxBytes(Integer stateMaxBytes) {
        this.stateMaxBytes = stateMaxBytes;
    }

    public Long getTextBodyMaxSize() {
        return textBodyMaxSize;
    }

    public void setTextBodyMaxSize(Long textBodyMaxSize) {
        this.textBodyMaxSize = textBodyMaxSize;
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

    public Boolean getCompression() {
        return compression;
    }

    public void setCompression(Boolean compression) {
        this.compression = compression;
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

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public dev.imap4.client.ImapProxy.Type getProxyType() {
        return proxyType;
    }

    public void setProxyType(dev.imap4.client.ImapProxy.Type proxyType) {
        this.proxyType = proxyType;
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

    public String getKerberosLoginContext() {
        return kerberosLoginContext;
    }

    public void setKerberosLoginContext(String kerberosLoginContext) {
        this.kerberosLoginContext = kerberosLoginContext;
    }

    public String getOauth2ClientId() {
        return oauth2ClientId;
    }

    public void setOauth2ClientId(String oauth2ClientId) {
        this.oauth2ClientId = oauth2ClientId;
    }

    public String getOauth2ClientSecret() {
        return oauth2ClientSecret;
    }

    public void setOauth2ClientSecret(String oauth2ClientSecret) {
        this.oauth2ClientSecret = oauth2ClientSecret;
    }

    public String getOauth2RefreshToken() {
        return oauth2RefreshToken;
    }

    public void setOauth2RefreshToken(String oauth2RefreshToken) {
        this.oauth2RefreshToken = oauth2RefreshToken;
    }

    public String getOauth2Scope() {
        return oauth2Scope;
    }

    public void setOauth2Scope(String oauth2Scope) {
        this.oauth2Scope = oauth2Scope;
    }

    public String getOauth2TokenUrl() {
        return oauth2TokenUrl;
    }

    public void setOauth2TokenUrl(String oauth2TokenUrl) {
        this.oauth2TokenUrl = oauth2TokenUrl;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
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

    public dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication getOauth2ClientAuthentication() {
        return oauth2ClientAuthentication;
    }

    public void setOauth2ClientAuthentication(dev.imap4.client.sasl.OAuth2TokenSupplier.ClientAuthentication oauth2ClientAuthentication) {
        this.oauth2ClientAuthentication = oauth2ClientAuthentication;
    }

    public java.time.Duration getOauth2Timeout() {
        return oauth2Timeout;
    }

    public void setOauth2Timeout(java.time.Duration oauth2Timeout) {
        this.oauth2Timeout = oauth2Timeout;
    }

    public java.time.Duration getOauth2TokenSkew() {
        return oauth2TokenSkew;
    }

    public void setOauth2TokenSkew(java.time.Duration oauth2TokenSkew) {
        this.oauth2TokenSkew = oauth2TokenSkew;
    }
}
