package dev.imap4.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Polls the folder for unseen mail and logs who sent it and its subject. Only the envelope is
 * fetched; once logged, a message is marked as seen (the consumer's default), so each is logged
 * once. Host and port come from properties; security and credentials are component options.
 */
@Component
public class InboxRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("imap4:{{imap.host}}:{{imap.port}}?folder={{imap.folder}}&fetchContent=ENVELOPE&delay={{imap.poll-delay}}")
                .routeId("inbox")
                .log("New mail from ${header.From}: ${header.Subject}");
    }
}
