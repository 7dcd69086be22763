package dev.imap4.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Configuration;
import dev.imap4.camel.Imap4Operation;
import dev.imap4.camel.Imap4SaslMechanism;
import dev.imap4.camel.Imap4Security;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding {@code camel.component.imap4.*} onto the component, without a mail server. */
class Imap4ComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, Imap4ComponentConverter.class,
                    Imap4ComponentAutoConfiguration.class));

    private static Imap4Configuration component(org.springframework.context.ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("imap4", Imap4Component.class).getConfiguration();
    }

    @Test
    void everyKindOfOptionIsBoundFromItsKebabCaseProperty() {
        runner.withBean("tokens", Supplier.class, () -> (Supplier<String>) () -> "token")
                .withPropertyValues(
                        "camel.component.imap4.security=starttls",
                        "camel.component.imap4.username=joe@example.org",
                        "camel.component.imap4.password=s3cr&t=+%",
                        "camel.component.imap4.fetch-batch-size=7",
                        "camel.component.imap4.batch-memory-limit=1048576",
                        "camel.component.imap4.idle-interval=10m",
                        "camel.component.imap4.connect-timeout=5000",
                        "camel.component.imap4.create-missing-folders=true",
                        "camel.component.imap4.sasl-mechanism=cram-md5",
                        "camel.component.imap4.command=uid search",
                        "camel.component.imap4.access-token-supplier=#bean:tokens")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Imap4Configuration c = component(context);
                    assertThat(c.getSecurity()).isEqualTo(Imap4Security.STARTTLS);
                    assertThat(c.getUsername()).isEqualTo("joe@example.org");
                    assertThat(c.getPassword()).isEqualTo("s3cr&t=+%");
                    assertThat(c.getFetchBatchSize()).isEqualTo(7);
                    assertThat(c.getBatchMemoryLimit()).isEqualTo(1_048_576L);
                    assertThat(c.getIdleInterval()).isEqualTo(600_000L);
                    assertThat(c.getConnectTimeout()).isEqualTo(5_000L);
                    assertThat(c.isCreateMissingFolders()).isTrue();
                    assertThat(c.getSaslMechanism()).isEqualTo(Imap4SaslMechanism.CRAM_MD5);
                    assertThat(c.getCommand()).isEqualTo(Imap4Operation.UID_SEARCH);
                    assertThat(c.getAccessTokenSupplier()).isSameAs(context.getBean("tokens"));
                });
    }

    @Test
    void withoutPropertiesTheComponentKeepsItsDefaults() {
        runner.run(context -> {
            Imap4Configuration c = component(context);
            Imap4Configuration defaults = new Imap4Configuration();
            assertThat(c.getSecurity()).isEqualTo(Imap4Security.SSL);
            assertThat(c.getIdleInterval()).isEqualTo(defaults.getIdleInterval());
            assertThat(c.getCommandTimeout()).isEqualTo(defaults.getCommandTimeout());
            assertThat(c.getMaxSpoolBytes()).isEqualTo(defaults.getMaxSpoolBytes());
            assertThat(c.getFolder()).isEqualTo("INBOX");
        });
    }

    @Test
    void aMisspelledOptionStopsTheApplication() {
        runner.withPropertyValues("camel.component.imap4.fetch-batch-sise=7").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("fetch-batch-sise");
        });
    }

    @Test
    void aValueOfTheWrongKindStopsTheApplication() {
        runner.withPropertyValues("camel.component.imap4.security=TLS-please").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("camel.component.imap4.security");
        });
    }

    @Test
    void turnedOffTheComponentIsLeftAlone() {
        runner.withPropertyValues("camel.component.imap4.enabled=false", "camel.component.imap4.username=joe")
                .run(context -> assertThat(component(context).getUsername()).isNull());
    }
}
