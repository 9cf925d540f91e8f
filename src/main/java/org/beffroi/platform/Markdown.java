package org.beffroi.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A Markdown text that the page will show as it was written: no raw HTML (it would be shown as text) and no image
 * from another site (it would not be shown); see {@link RichText#refusal}. The message quotes what was found.
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
            var hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            // the message is a MessageFormat pattern once Spring gives it the field's name: quote what would be read
            hibernate.addMessageParameter("found", refusal.get().excerpt().replace("'", "''").replace("{", "'{'")
                    .replace("}", "'}'"));
            hibernate.disableDefaultConstraintViolation();
            hibernate.buildConstraintViolationWithTemplate(switch (refusal.get().reason()) {
                case RAW_HTML -> "{markdown.raw-html}";
                case OUTSIDE_IMAGE -> "{markdown.outside-image}";
            }).addConstraintViolation();
            return false;
        }
    }
}
