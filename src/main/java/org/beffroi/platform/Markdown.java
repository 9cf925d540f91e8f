package org.beffroi.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A Markdown text that the page will show as it was written: no raw HTML (it would be shown as text) and no image
 * from another site (it would not be shown); see {@link RichText#refusal}. The message names the field and the kind of
 * problem; it cannot quote what was found, since a Bean Validation message passes through MessageFormat.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = Markdown.Check.class)
public @interface Markdown {

    String message() default "{markdown.raw-html}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Markdown, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            var refusal = RichText.refusal(text);
            if (refusal.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(switch (refusal.get().reason()) {
                case RAW_HTML -> "{markdown.raw-html}";
                case OUTSIDE_IMAGE -> "{markdown.outside-image}";
            }).addConstraintViolation();
            return false;
        }
    }
}
