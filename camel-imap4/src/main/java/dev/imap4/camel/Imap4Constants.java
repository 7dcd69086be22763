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
            + " CHECK, or an extension verb allowed with allowedCommands=RAW:VERB or allowRawCommands). Commands that"
            + " change the connection's state (LOGOUT, SELECT, COMPRESS...) are refused. Overrides the endpoint's"
            + " command.", javaType = "String")
    public static final String COMMAND = "CamelImap4Command";
    @Metadata(label = "producer", description = "The command's arguments: a List (one element per argument)"
            + " or a String (split on spaces outside quotes and parentheses). Encoded by the client core, so"
            + " no value can inject a command.", javaType = "Object")
    public static final String ARGUMENTS = "CamelImap4Arguments";
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

    private Imap4Constants() {
    }
}
