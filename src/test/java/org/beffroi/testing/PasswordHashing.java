package org.beffroi.testing;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts the password hashes (encodings and checks) the application computes on the test's own thread, where
 * MockMvc serves its requests: the real encoder does the work, a thin wrapper counts it.
 */
public final class PasswordHashing {

    /** What the work answered, and the hashes computed while it ran. */
    public record Counted<T>(T result, long hashes) {
    }

    private static final ThisThreadCount HASHES = new ThisThreadCount();

    private PasswordHashing() {
    }

    public static <T> Counted<T> during(Callable<T> work) throws Exception {
        return HASHES.during(work, Counted::new);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor countingPasswordHashes() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof PasswordEncoder encoder) || bean instanceof Counting) {
                        return bean;
                    }
                    return new Counting(encoder);
                }
            };
        }
    }

    private record Counting(PasswordEncoder encoder) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            HASHES.add(1);
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            HASHES.add(1);
            return encoder.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}
