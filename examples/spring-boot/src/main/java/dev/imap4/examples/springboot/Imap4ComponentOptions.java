package dev.imap4.examples.springboot;

import dev.imap4.camel.Imap4Component;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Applies the {@code camel.component.imap4.*} properties to the imap4 component. Camel Spring Boot
 * binds {@code camel.component.<name>.*} only for components that come with a generated starter;
 * this does what such a starter does, through the component's generated configurer (Camel's own
 * option names and value syntax: durations such as {@code 30s}, bean references such as
 * {@code #myTokens}). An option the component does not know stops the application.
 */
@Configuration(proxyBeanMethods = false)
public class Imap4ComponentOptions {

    static final String PREFIX = "camel.component.imap4";

    @Bean
    ComponentCustomizer imap4OptionsFromProperties(Environment environment) {
        Map<String, String> options = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return ComponentCustomizer.forType(Imap4Component.class, component -> bind(component, options));
    }

    private static void bind(Imap4Component component, Map<String, String> options) {
        Map<String, Object> unbound = new HashMap<>();
        options.forEach((name, value) -> unbound.put(StringHelper.dashToCamelCase(name), value));
        PropertyBindingSupport.build()
                .withCamelContext(component.getCamelContext())
                .withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withReflection(false)
                .withIgnoreCase(true)
                .withRemoveParameters(true)
                .withProperties(unbound)
                .bind();
        if (!unbound.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) under " + PREFIX + ": " + unbound.keySet());
        }
    }
}
