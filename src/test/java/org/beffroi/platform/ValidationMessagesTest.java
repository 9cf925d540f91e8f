package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.TypeFilter;

import jakarta.validation.Constraint;

/**
 * No form answers with the validator's own words ("ne doit pas être nul", "must not be null"), nor with a message
 * that does not say which field it is about: for every constraint on a field of the application's classes, the
 * bundles hold either a message of that field ({@code NotNull.form.topicId}, {@code NotNull.topicId}), or a message
 * of the constraint that names its field ({@code {0}}) together with the field's name ({@code topicId=Thème}).
 * Constraints that carry a message of their own are left alone.
 */
class ValidationMessagesTest {

    @Test
    void everyConstrainedFieldHasAMessageOfOursThatNamesIt() throws Exception {
        Set<String> keys = new TreeSet<>();
        var generic = new java.util.HashMap<String, String>();
        for (Resource fr : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages_fr.properties")) {
            var properties = new java.util.Properties();
            try (var reader = new java.io.InputStreamReader(fr.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            keys.addAll(properties.stringPropertyNames());
            properties.forEach((k, v) -> generic.put((String) k, (String) v));
        }
        Set<String> missing = new TreeSet<>();
        int constraints = 0;
        for (Class<?> type : applicationClasses()) {
            for (Field field : type.getDeclaredFields()) {
                for (Annotation annotation : field.getAnnotations()) {
                    if (!annotation.annotationType().isAnnotationPresent(Constraint.class) || hasOwnMessage(annotation)) {
                        continue;
                    }
                    constraints++;
                    String code = annotation.annotationType().getSimpleName();
                    String name = field.getName();
                    boolean ofTheField = keys.stream().anyMatch(k -> k.equals(code + "." + name)
                            || k.matches(java.util.regex.Pattern.quote(code) + "\\.[^.]+\\." + java.util.regex.Pattern.quote(name)));
                    boolean namingIt = generic.containsKey(code) && generic.get(code).contains("{0}") && keys.contains(name);
                    if (!ofTheField && !namingIt) {
                        missing.add(type.getSimpleName() + "." + name + " @" + code);
                    }
                }
            }
        }
        // a value that does not convert (a number, a date, an id, a choice) answers typeMismatch, which names the field too
        for (Class<?> type : applicationClasses()) {
            if (!type.getSimpleName().endsWith("Form") || type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                Class<?> kind = field.getType();
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) || kind == String.class
                        || kind == boolean.class || kind == Boolean.class || field.isSynthetic()) {
                    continue;
                }
                String name = field.getName();
                boolean ofTheField = keys.stream().anyMatch(k -> k.matches("typeMismatch(\\.[^.]+)?\\." + java.util.regex.Pattern.quote(name)));
                if (!ofTheField && !keys.contains(name)) {
                    missing.add(type.getSimpleName() + "." + name + " typeMismatch");
                }
            }
        }
        assertThat(constraints).isGreaterThan(50);
        assertThat(missing).as("constrained fields without a message of ours naming them").isEmpty();
    }

    private static boolean hasOwnMessage(Annotation annotation) throws ReflectiveOperationException {
        String message = (String) annotation.annotationType().getMethod("message").invoke(annotation);
        return !message.startsWith("{jakarta.validation.constraints.");
    }

    private static Set<Class<?>> applicationClasses() throws IOException, ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((TypeFilter) (reader, factory) -> true);
        Set<Class<?>> classes = new java.util.LinkedHashSet<>();
        for (var definition : scanner.findCandidateComponents("org.beffroi")) {
            classes.add(Class.forName(definition.getBeanClassName(), false, ValidationMessagesTest.class.getClassLoader()));
        }
        return classes;
    }
}
