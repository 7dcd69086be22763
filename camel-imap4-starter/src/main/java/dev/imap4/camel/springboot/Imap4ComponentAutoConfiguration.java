package dev.imap4.camel.springboot;

import dev.imap4.camel.Imap4Component;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.imap4.*} to the imap4 component, as Camel's own starters do for
 * theirs: the properties are bound to {@link Imap4ComponentConfiguration} (an option the component
 * does not have stops the application) and copied onto the component when Camel creates it.
 * {@code camel.component.imap4.enabled=false} (or {@code camel.component.enabled=false}) turns this
 * off, {@code camel.component.imap4.customizer.enabled=false} keeps the properties bound but
 * leaves the component alone.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, Imap4ComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, Imap4ComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.imap4"})
public class Imap4ComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final Imap4ComponentConfiguration configuration;

    public Imap4ComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            Imap4ComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureImap4Component() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.imap4.customizer") && target instanceof Imap4Component;
            }
        };
    }
}
