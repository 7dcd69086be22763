package dev.imap4.examples.pipeline;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;
import static dev.imap4.camel.Imap4Constants.FLAGS;
import static dev.imap4.camel.Imap4Constants.FOLDER;
import static dev.imap4.camel.Imap4Constants.MOVE_TO;

import dev.imap4.camel.Imap4SplitAttachmentsExpression;
import dev.imap4.client.Imap4CommandException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The mail pipeline in the Java DSL: the same routes, step for step, as
 * {@code routes/mail-pipeline.camel.yaml}, which is run by default ({@code pipeline.dsl=java} runs
 * these instead). See that file for what each route does.
 */
public class MailPipelineRoutes extends RouteBuilder {

    private static final String IMAP = "imap4:{{imap.host}}:{{imap.port}}";
    private static final String LOG = "pipeline";

    /** A failed message is counted and logged, and stays failed, so the consumer moves it to errorFolder. */
    public static class Errors extends RouteConfigurationBuilder {
        @Override
        public void configuration() {
            routeConfiguration("pipeline-errors")
                    .onException(Exception.class).handled(false).logExhausted(false)
                        .bean("pipelineReport", "failed")
                        .log(LoggingLevel.WARN, LOG, "${exchangeProperty.progress} messages processed: \"${header.Subject}\""
                                + " from ${header.From} could not be processed (${exception.message})"
                                + " -> ${exchangeProperty.destination}");
        }
    }

    /** The producer route has no error handler of its own: a NO goes straight back to the caller. */
    public static class Commands extends RouteConfigurationBuilder {
        @Override
        public void configuration() {
            routeConfiguration("imap-commands").errorHandler(noErrorHandler());
        }
    }

    @Override
    public void configure() {
        from(IMAP + "?folder={{imap.folder}}&searchCriteria={{pipeline.search}}&onSuccess=SEEN&onFailure=MOVE"
                + "&errorFolder={{pipeline.error-folder}}&createMissingFolders=true&maxFailedAttempts=1&idle={{pipeline.watch}}"
                + "&idleInterval={{imap.idle-interval}}&initialDelay=0&delay={{imap.poll-delay}}")
                .routeId("mail-pipeline").routeConfigurationId("pipeline-errors").autoStartup(false)
                // the rule: subject contains a word (any case), or the sender's domain
                .choice()
                    .when(simple("${header.Subject} ~~ '{{pipeline.rule.subject-contains}}'"
                            + " || ${header.From} regex '(?is).*@{{pipeline.rule.sender-domain}}>?\\s*'"))
                        .setHeader(MOVE_TO, constant("{{pipeline.rule.folder}}"))
                .end()
                // one exchange per attachment, its decoded content streamed to its own file; a message
                // whose MIME structure cannot be read fails here
                .split(new Imap4SplitAttachmentsExpression()).stopOnException()
                    .setHeader(Exchange.FILE_NAME, simple("uid-${header.CamelImap4Uid}/${header.CamelImap4AttachmentName}"))
                    .to("file:{{pipeline.output}}/attachments")
                    .bean("pipelineReport", "written")
                .end()
                .bean("pipelineReport", "routed")
                .log(LoggingLevel.INFO, LOG, "${exchangeProperty.progress} messages processed: \"${header.Subject}\""
                        + " from ${header.From} (${header.CamelImap4Size} bytes) -> ${exchangeProperty.destination}");

        from("direct:prepare").routeId("prepare")
                .setBody(constant("{{pipeline.rule.folder}}")).to("direct:ensure-folder")
                .setBody(constant("{{pipeline.summary-folder}}")).to("direct:ensure-folder")
                .setHeader(COMMAND, constant("UID SEARCH"))
                .setHeader(FOLDER, constant("{{imap.folder}}"))
                .setHeader(ARGUMENTS, constant("{{pipeline.search}} UNDELETED"))
                .to("direct:imap")
                .bean("pipelineReport", "expect")
                .log(LoggingLevel.INFO, LOG, "{{imap.folder}}: ${body.size()} messages match {{pipeline.search}}");

        // CREATE, tolerating a folder that exists already
        from("direct:ensure-folder").routeId("ensure-folder")
                .setVariable("folder", simple("${body}"))
                .setHeader(COMMAND, constant("CREATE"))
                .setHeader(ARGUMENTS, simple("${list(${variable.folder})}"))
                .doTry()
                    .to("direct:imap")
                    .log(LoggingLevel.INFO, LOG, "Created folder ${variable.folder}")
                // RFC 5530 response code
                .doCatch(Imap4CommandException.class).onWhen(simple("${exception.code()} == 'ALREADYEXISTS'"))
                    .log(LoggingLevel.INFO, LOG, "Folder ${variable.folder} exists already")
                // servers that answer a bare NO (GreenMail): LIST tells whether the folder is there
                .doCatch(Imap4CommandException.class)
                    .setHeader(COMMAND, constant("LIST"))
                    .setHeader(ARGUMENTS, simple("${list('',${variable.folder})}"))
                    .to("direct:imap")
                    .filter(simple("${body.isEmpty()}"))
                        .throwException(IllegalStateException.class,
                                "Cannot create folder ${variable.folder}: ${exchangeProperty.CamelExceptionCaught.message}")
                    .end()
                    .log(LoggingLevel.INFO, LOG, "Folder ${variable.folder} exists already")
                .end();

        from("direct:finish").routeId("finish")
                .setHeader(COMMAND, constant("APPEND"))
                .setHeader(FOLDER, constant("{{pipeline.summary-folder}}"))
                .setHeader(FLAGS, constant("\\Seen"))
                .setBody(method("pipelineReport", "summaryMail"))
                .to("direct:imap")
                .bean("pipelineReport", "appended")
                .setHeader(COMMAND, constant("UID SEARCH"))
                .setHeader(FOLDER, constant("{{imap.folder}}"))
                .setHeader(ARGUMENTS, constant("{{pipeline.search}} UNDELETED"))
                .to("direct:imap")
                .bean("pipelineReport", "unseenLeft")
                .split(method("pipelineReport", "folders"))
                    .setHeader(COMMAND, constant("STATUS"))
                    .setHeader(ARGUMENTS, simple("${list(${body},'(MESSAGES UNSEEN)')}"))
                    .doTry()
                        .to("direct:imap")
                        .bean("pipelineReport", "folderStatus")
                    // a folder nothing was moved to may not exist
                    .doCatch(Imap4CommandException.class)
                    .end()
                .end();

        // the one producer endpoint, limited to the commands above
        from("direct:imap").routeId("imap").routeConfigurationId("imap-commands")
                .to(IMAP + "?allowedCommands=CREATE,LIST,UID SEARCH,APPEND,STATUS");
    }
}
