package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;

import dev.imap4.client.ImapExtensions.QuotaRootResult;
import dev.imap4.client.types.Quota;
import dev.imap4.client.types.QuotaResource;
import java.util.ArrayList;
import java.util.List;

/** Logs how full the account is: GETQUOTAROOT INBOX (RFC 2087), one line per quota resource. */
class ReportQuotas extends Recipe {

    @Override
    public void configure() {
        from("direct:report-quotas").routeId("report-quotas")
                .setHeader(COMMAND, constant("GETQUOTAROOT"))
                .setHeader(ARGUMENTS, constant(List.of("INBOX")))
                .to(IMAP)
                .split(fn(e -> lines(e.getMessage().getBody(QuotaRootResult.class))))
                    .log(INFO, LOG, "${routeId}: ${body}")
                .end();
    }

    private static List<String> lines(QuotaRootResult result) {
        List<String> out = new ArrayList<>();
        for (Quota quota : result.quotas()) {
            for (QuotaResource r : quota.resources()) {
                // STORAGE counts units of 1024 octets (RFC 2087 §3)
                String unit = r.name().equalsIgnoreCase("STORAGE") ? " KiB" : "";
                long percent = r.limit() == 0 ? 0 : 100 * r.usage() / r.limit();
                out.add(String.format("quota root \"%s\" %s: %d of %d%s used (%d%%)", quota.root(), r.name(),
                        r.usage(), r.limit(), unit, percent));
            }
        }
        if (out.isEmpty()) {
            out.add("INBOX has no quota");
        }
        return out;
    }
}
