package org.beffroi.portal.internal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An outline pasted as GeoJSON, or nothing: a Polygon or a MultiPolygon. The message names what is wrong
 * with it ({@link GeoJsonOutline.Invalid#messageKey()}).
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = GeoJsonArea.Check.class)
public @interface GeoJsonArea {

    String message() default "{geojson.not-an-area}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<GeoJsonArea, String> {

        @Override
        public boolean isValid(String outline, ConstraintValidatorContext context) {
            if (outline == null || outline.isBlank()
                    || !(GeoJsonOutline.parse(outline.strip()) instanceof GeoJsonOutline.Invalid invalid)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{" + invalid.messageKey() + "}").addConstraintViolation();
            return false;
        }
    }
}
