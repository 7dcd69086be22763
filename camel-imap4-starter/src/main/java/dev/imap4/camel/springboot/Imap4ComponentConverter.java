package dev.imap4.camel.springboot;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the object options of {@code camel.component.imap4.*} from bean references,
 * {@code #bean:name} or {@code #name}; a value that is not a reference is left to the other
 * converters.
 *
 * <p>Generated from the component's option model by StarterSources: do not edit.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class Imap4ComponentConverter implements GenericConverter {

    @Autowired
    private ApplicationContext applicationContext;

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        answer.add(new ConvertiblePair(String.class, dev.imap4.camel.Imap4ClientFactory.class));
        answer.add(new ConvertiblePair(String.class, dev.imap4.camel.Imap4Configuration.class));
        answer.add(new ConvertiblePair(String.class, java.util.function.Supplier.class));
        answer.add(new ConvertiblePair(String.class, org.apache.camel.spi.HeaderFilterStrategy.class));
        answer.add(new ConvertiblePair(String.class, org.apache.camel.spi.IdempotentRepository.class));
        answer.add(new ConvertiblePair(String.class, org.apache.camel.spi.StateRepository.class));
        answer.add(new ConvertiblePair(String.class, org.apache.camel.support.jsse.SSLContextParameters.class));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
