package dev.imap4.camel;

import org.apache.camel.spi.Metadata;

/** Camel headers of the imap4 component. */
public final class Imap4Constants {

    // ---- set by the consumer ----

    @Metadata(label = "consumer", description = "The message UID.", javaType = "Long")
    public static final String UID = "CamelImap4Uid";
    @Metadata(label = "consumer", description = "The folder's UIDVALIDITY when the message was fetched.",
            javaType = "Long")
    public static final String UID_VALIDITY = "CamelImap4UidValidity";
    @Metadata(description = "Consumer: the folder the message came from. Producer: the folder to select"
            + " before a command that needs one (FETCH, STORE, SEARCH, COPY, MOVE, EXPUNGE...), or the"
            + " folder to append to.", javaType = "String")
    public static final String FOLDER = "CamelImap4Folder";
    @Metadata(description = "Consumer: the message flags when fetched. Producer: flags for APPEND.",
            javaType = "java.util.List<String>")
    public static final String FLAGS = "CamelImap4Flags";
    @Metadata(description = "Consumer: the INTERNALDATE. Producer: the internal date for APPEND.",
            javaType = "java.time.ZonedDateTime")
    public static final String INTERNAL_DATE = "CamelImap4InternalDate";
    @Metadata(label = "consumer", description = "RFC822.SIZE: the message size in bytes.", javaType = "Long")
    public static final String SIZE = "CamelImap4Size";
    @Metadata(label = "consumer", description = "The message sequence number when fetched.", javaType = "Long")
    public static final String SEQUENCE_NUMBER = "CamelImap4SequenceNumber";
    @Metadata(label = "consumer", description = "The message's mod-sequence, when the server supports CONDSTORE.",
            javaType = "Long")
    public static final String MOD_SEQ = "CamelImap4ModSeq";
    @Metadata(label = "consumer", description = "The parsed ENVELOPE, when fetched.",
            javaType = "dev.imap4.client.types.Envelope")
    public static final String ENVELOPE = "CamelImap4Envelope";
    @Metadata(label = "consumer", description = "The parsed BODYSTRUCTURE, when fetched.",
            javaType = "dev.imap4.client.types.BodyStructure")
    public static final String BODY_STRUCTURE = "CamelImap4BodyStructure";
    @Metadata(label = "consumer", description = "With deliverVanished: the UIDs expunged from the folder since the"
            + " last poll (or the saved state), as an IMAP UID set such as 3:7,41, on an exchange of its own with no"
            + " body and no CamelImap4Uid.", javaType = "String")
    public static final String VANISHED = "CamelImap4Vanished";
    @Metadata(label = "consumer", description = "With deliverFlagChanges: true on the exchange of its own (no body)"
            + " that reports a message whose flags changed since the last poll (or the saved state); it carries"
            + " CamelImap4Uid, CamelImap4Folder, CamelImap4UidValidity, CamelImap4Flags (the flags now) and"
            + " CamelImap4ModSeq.", javaType = "Boolean")
    public static final String FLAGS_CHANGED = "CamelImap4FlagsChanged";
    @Metadata(label = "consumer", description = "EMAILID (RFC 8474 OBJECTID): the message's identifier in every folder,"
            + " when fetched (idempotentKey=EMAILID).", javaType = "String")
    public static final String EMAIL_ID = "CamelImap4EmailId";
    @Metadata(label = "consumer", description = "THREADID (RFC 8474 OBJECTID), when fetched (idempotentKey=EMAILID) and the"
            + " message is in a thread.", javaType = "String")
    public static final String THREAD_ID = "CamelImap4ThreadId";

    @Metadata(label = "consumer", description = "With textBody: the raw RFC 5322 message as a stream cache,"
            + " when it was fetched (fetchContent FULL).", javaType = "org.apache.camel.StreamCache")
    public static final String RAW_MESSAGE = "CamelImap4RawMessage";

    // ---- set by the attachment split expression (Imap4SplitAttachmentsExpression) ----

    @Metadata(label = "consumer", description = "The attachment's name (decoded, without directories, after"
            + " handleDuplicateAttachmentNames); also in CamelFileName and camel-mail's CamelSplitAttachmentId.",
            javaType = "String")
    public static final String ATTACHMENT_NAME = "CamelImap4AttachmentName";
    @Metadata(label = "consumer", description = "The attachment's media type, e.g. application/pdf.",
            javaType = "String")
    public static final String ATTACHMENT_CONTENT_TYPE = "CamelImap4AttachmentContentType";
    @Metadata(label = "consumer", description = "The attachment's decoded size in bytes.", javaType = "Long")
    public static final String ATTACHMENT_SIZE = "CamelImap4AttachmentSize";
    @Metadata(label = "consumer", description = "The attachment's IMAP section number, e.g. 2 or 1.3.",
            javaType = "String")
    public static final String ATTACHMENT_PART = "CamelImap4AttachmentPart";
    @Metadata(label = "consumer", description = "camel-mail's name for the attachment's name, set too so that"
            + " routes written for camel-mail's SplitAttachmentsExpression keep working.", javaType = "String")
    public static final String SPLIT_ATTACHMENT_ID = "CamelSplitAttachmentId";

    // ---- per-message overrides of the success action, set by the route ----

    @Metadata(label = "consumer", description = "Move the message to this folder on success, instead of the"
            + " endpoint's onSuccess action (created when missing).", javaType = "String")
    public static final String MOVE_TO = "CamelImap4MoveTo";
    @Metadata(label = "consumer", description = "Copy the message to this folder on success, in addition to the"
            + " endpoint's onSuccess action (instead of copyTo when that action is COPY).", javaType = "String")
    public static final String COPY_TO = "CamelImap4CopyTo";
    @Metadata(label = "consumer", description = "On success, true deletes the message whatever onSuccess says;"
            + " false keeps it in the folder (a DELETE or MOVE action becomes SEEN).", javaType = "Boolean")
    public static final String DELETE = "CamelImap4Delete";

    // ---- producer ----

    @Metadata(label = "producer", description = "The IMAP command to run (SEARCH, UID SEARCH, FETCH, UID FETCH,"
            + " STORE, COPY, MOVE, APPEND, CREATE, DELETE, RENAME, LIST, LSUB, STATUS, EXPUNGE, SUBSCRIBE,"
            + " UNSUBSCRIBE, GETACL, SETACL, GETQUOTA, GETQUOTAROOT, SETQUOTA, SORT, THREAD, NAMESPACE, NOOP,"
            + " CHECK, GETMETADATA, SETMETADATA, UNAUTHENTICATE (only when named in allowedCommands), or an extension"
            + " verb allowed with allowedCommands=RAW:VERB or allowRawCommands). Commands that change the"
            + " connection's state (LOGOUT, SELECT, COMPRESS...) are refused. Overrides the endpoint's command.",
            javaType = "String")
    public static final String COMMAND = "CamelImap4Command";
    @Metadata(label = "producer", description = "The command's arguments: a List (one element per argument)"
            + " or a String (split on spaces outside quotes and parentheses). Encoded by the client core, so"
            + " no value can inject a command.", javaType = "Object")
    public static final String ARGUMENTS = "CamelImap4Arguments";
    @Metadata(label = "producer", description = "For SEARCH, UID SEARCH, SORT and UID SORT: the search program as a"
            + " typed dev.imap4.client.types.SearchKey (the message body may hold it instead). With it,"
            + " CamelImap4Arguments holds nothing for SEARCH and only the sort criteria for SORT.",
            javaType = "dev.imap4.client.types.SearchKey")
    public static final String SEARCH_CRITERIA = "CamelImap4SearchCriteria";
    @Metadata(label = "producer", description = "After SEARCH, UID SEARCH, SORT or UID SORT: the matching numbers"
            + " as a sequence set such as 1:3,7, ready to use in the next command's arguments (for example"
            + " ${header.CamelImap4MessageSet} +FLAGS ($Done)); absent when nothing matched.", javaType = "String")
    public static final String MESSAGE_SET = "CamelImap4MessageSet";
    @Metadata(label = "producer", description = "The response type: OK, NO or BAD.", javaType = "String")
    public static final String RESPONSE_TYPE = "CamelImap4ResponseType";
    @Metadata(label = "producer", description = "The tagged response code, e.g. APPENDUID or TRYCREATE.",
            javaType = "String")
    public static final String RESPONSE_CODE = "CamelImap4ResponseCode";
    @Metadata(label = "producer", description = "The tagged response text.", javaType = "String")
    public static final String RESPONSE_TEXT = "CamelImap4ResponseText";
    @Metadata(label = "producer", description = "The untagged responses the command provoked, in imaplib's"
            + " form: the newest ones, within maxUntaggedResponses and maxUntaggedResponseBytes.", javaType = "java.util.List<dev.imap4.client.UntaggedResponse>")
    public static final String UNTAGGED_RESPONSES = "CamelImap4UntaggedResponses";
    @Metadata(label = "producer", description = "How many untagged responses the command provoked were left out"
            + " of CamelImap4UntaggedResponses (the oldest go first) to keep it within maxUntaggedResponses and"
            + " maxUntaggedResponseBytes; 0 when none.", javaType = "Long")
    public static final String UNTAGGED_RESPONSES_DROPPED = "CamelImap4UntaggedResponsesDropped";

    @Metadata(label = "producer", description = "For LIST: RFC 5258 LIST-EXTENDED selection options, any of SUBSCRIBED,"
            + " REMOTE, RECURSIVEMATCH (with another one) and SPECIAL-USE, as a List or a String such as"
            + " \"SUBSCRIBED RECURSIVEMATCH\". Any LIST option makes the body a List<Imap4ListedFolder>; refused before"
            + " anything is sent when the server lacks LIST-EXTENDED (or SPECIAL-USE for SPECIAL-USE).",
            javaType = "java.util.List<String>")
    public static final String LIST_SELECTION = "CamelImap4ListSelection";
    @Metadata(label = "producer", description = "For LIST: RFC 5258 return options, any of CHILDREN, SUBSCRIBED and"
            + " SPECIAL-USE, as a List or a String such as \"CHILDREN SPECIAL-USE\".",
            javaType = "java.util.List<String>")
    public static final String LIST_RETURN = "CamelImap4ListReturn";
    @Metadata(label = "producer", description = "For LIST: the STATUS items to return for each folder (RFC 5819"
            + " LIST-STATUS), e.g. \"MESSAGES UNSEEN\" or a List; each listed folder then carries its status. Refused"
            + " before anything is sent when the server lacks LIST-STATUS.", javaType = "java.util.List<String>")
    public static final String LIST_STATUS = "CamelImap4ListStatus";
    @Metadata(label = "producer", description = "After APPEND: the UID each message received (RFC 4315 APPENDUID), in"
            + " the order of the body's messages; after a partial failure without MULTIAPPEND, those of the"
            + " messages appended. Absent when the server reported no APPENDUID, or a UID count that does not"
            + " match the messages.", javaType = "java.util.List<Long>")
    public static final String APPEND_UIDS = "CamelImap4AppendUids";
    @Metadata(label = "producer", description = "After APPEND: the folder's UIDVALIDITY the APPENDUID UIDs belong to.",
            javaType = "Long")
    public static final String APPEND_UID_VALIDITY = "CamelImap4AppendUidValidity";
    @Metadata(label = "producer", description = "After APPEND, also when it failed: how many of the body's messages are"
            + " in the folder, in body order. With MULTIAPPEND all or none (RFC 3502); without it, the messages"
            + " before the one refused, so a retry can start after them.", javaType = "Integer")
    public static final String APPENDED_COUNT = "CamelImap4AppendedCount";

    private Imap4Constants() {
    }
}
