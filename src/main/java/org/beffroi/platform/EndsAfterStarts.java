package org.beffroi.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.beans.PropertyAccessorFactory;

/**
 * On a form: its end comes strictly after its start. The error is attached to the end field, where the
 * person corrects it; either time missing is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = EndsAfterStarts.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EndsAfterStarts {

    String message() default "{validation.endsAfterStarts}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The field holding the start; it and the end are of one comparable type. */
    String start() default "startsAt";

    String end() default "endsAt";

    class Check implements ConstraintValidator<EndsAfterStarts, Object> {

        private String start;
        private String end;

        @Override
        public void initialize(EndsAfterStarts annotation) {
            start = annotation.start();
            end = annotation.end();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public boolean isValid(Object form, ConstraintValidatorContext context) {
            if (form == null) {
                return true;
            }
            // the fields themselves: a form with getters and a record read alike
            var properties = PropertyAccessorFactory.forDirectFieldAccess(form);
            var starts = (Comparable) properties.getPropertyValue(start);
            var ends = (Comparable) properties.getPropertyValue(end);
            if (starts == null || ends == null || ends.compareTo(starts) > 0) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(end).addConstraintViolation();
            return false;
        }
    }
}
