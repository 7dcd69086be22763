package dev.imap4.camel;

import jakarta.activation.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.ExpressionAdapter;

/**
 * Splits a mail into one message per attachment, like camel-mail's {@code SplitAttachmentsExpression}:
 * each message's body is the attachment's decoded content as a stream (a stream cache: heap bytes or
 * a spool file, never the whole mail), with the mail's headers and {@link Imap4Constants#ATTACHMENT_NAME},
 * {@link Imap4Constants#ATTACHMENT_CONTENT_TYPE}, {@link Imap4Constants#ATTACHMENT_SIZE},
 * {@link Imap4Constants#ATTACHMENT_PART}, {@code CamelFileName} and camel-mail's
 * {@code CamelSplitAttachmentId}. The name is always a plain file name (no directory, no control
 * character), so {@code to("file:dir")} writes inside {@code dir}.
 *
 * <p>The attachments are those the consumer mapped (mapAttachments=true, with its selection
 * options); when it did not map any, the raw message in the body is read with the rules of the
 * imap4 endpoint the exchange came from (or the defaults); with textBody set, the raw message of
 * {@link Imap4Constants#RAW_MESSAGE} is read instead.
 *
 * <p>Java DSL: {@code .split(new Imap4SplitAttachmentsExpression())}. YAML DSL: declare it as a bean
 * ({@code beans: [{name: attachments, type: dev.imap4.camel.Imap4SplitAttachmentsExpression}]}) and
 * split with {@code split: {ref: attachments}}.
 */
public class Imap4SplitAttachmentsExpression extends ExpressionAdapter {

    @Override
    public Object evaluate(Exchange exchange) {
        try {
            return split(exchange);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot split the attachments of the message: " + e.getMessage(), e);
        }
    }

    private List<Message> split(Exchange exchange) throws Exception {
        Map<String, Attachment> attachments = Map.of();
        Message in = exchange.getMessage();
        if (in instanceof AttachmentMessage am && am.hasAttachments()) {
            attachments = am.getAttachmentObjects();
        } else if (!exchange.getProperty(Imap4MimeMapper.MAPPED, false, Boolean.class)) {
            Imap4Configuration config = exchange.getFromEndpoint() instanceof Imap4Endpoint e ? e.getConfiguration()
                    : new Imap4Configuration();
            Object raw = in.getHeader(Imap4Constants.RAW_MESSAGE) != null ? in.getHeader(Imap4Constants.RAW_MESSAGE)
                    : in.getBody();
            Imap4MimeContent content = Imap4MimeMapper.read(exchange, raw, Imap4AttachmentRules.of(config), true, false,
                    config.getTextBodyMaxSize());
            content.applyTo(true, Imap4TextBody.NONE);
            AttachmentMessage am = Imap4MimeContent.attachmentMessage(exchange);
            attachments = am.hasAttachments() ? am.getAttachmentObjects() : Map.of();
            in = exchange.getMessage();
        }
        List<Message> out = new ArrayList<>(attachments.size());
        for (Map.Entry<String, Attachment> a : attachments.entrySet()) {
            out.add(message(exchange, in, a.getKey(), a.getValue()));
        }
        return out;
    }

    private static Message message(Exchange exchange, Message mail, String name, Attachment attachment) throws Exception {
        DefaultMessage m = new DefaultMessage(exchange);
        m.getHeaders().putAll(mail.getHeaders());
        m.removeHeader(Imap4Constants.RAW_MESSAGE);
        DataSource ds = attachment.getDataHandler().getDataSource();
        String safe = Imap4AttachmentRules.safe(name);
        m.setHeader(Imap4Constants.ATTACHMENT_NAME, safe);
        m.setHeader(Imap4Constants.SPLIT_ATTACHMENT_ID, safe);
        m.setHeader(Exchange.FILE_NAME, safe);
        m.setHeader(Imap4Constants.ATTACHMENT_CONTENT_TYPE, ds.getContentType());
        if (ds instanceof Imap4AttachmentDataSource own) {
            m.setHeader(Imap4Constants.ATTACHMENT_SIZE, own.getSize());
            m.setHeader(Imap4Constants.ATTACHMENT_PART, own.getPart());
            m.setBody(own.newReader());
        } else {
            m.setBody(ds.getInputStream());
        }
        return m;
    }
}
