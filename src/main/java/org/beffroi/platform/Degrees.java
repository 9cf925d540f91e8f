package org.beffroi.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/**
 * On a form's {@code Double}: a latitude or longitude in decimal degrees, typed with a decimal comma (a French
 * keyboard: {@code 46,105}) or a point (as maps show them: {@code 46.105}); written back with a point, which the
 * map picker ({@code fragments/map.html}) and every map reads. Anything else is a type mismatch
 * ({@code typeMismatch.<form>.<field>}), which comes back exactly as typed; the range is the form's to check, and
 * so is a value that is not finite (when this parser refuses a text, Spring's data binding still tries
 * {@code Double.valueOf}, which reads {@code NaN} and {@code Infinity}).
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Degrees {

    /** Registered for every form of the site by the platform's web configuration. */
    final class Format implements AnnotationFormatterFactory<Degrees> {

        // digits with at most one decimal separator, a sign (the typographic minus too) in front
        private static final Pattern NUMBER = Pattern.compile("[+\\-\u2212]?(\\d+([.,]\\d*)?|[.,]\\d+)");

        private static final Formatter<Double> FORMATTER = new Formatter<>() {
            @Override
            public Double parse(String text, Locale locale) throws ParseException {
                String typed = text.strip();
                if (!NUMBER.matcher(typed).matches()) {
                    throw new ParseException(text, 0);
                }
                return Double.valueOf(typed.replace('\u2212', '-').replace(',', '.'));
            }

            @Override
            public String print(Double value, Locale locale) {
                // NaN or infinite: what Spring's fallback (Double.valueOf) let through, for the form to refuse
                return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                        : value.toString();
            }
        };

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(Double.class);
        }

        @Override
        public Printer<?> getPrinter(Degrees annotation, Class<?> fieldType) {
            return FORMATTER;
        }

        @Override
        public Parser<?> getParser(Degrees annotation, Class<?> fieldType) {
            return FORMATTER;
        }
    }
}
