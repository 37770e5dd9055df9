package org.osteon.patient;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/**
 * An IANA region zone such as {@code Europe/Vienna}, or {@code UTC} for a study that keeps every
 * patient on it deliberately. Fixed offsets ({@code Etc/GMT+5}, {@code SystemV/EST5}, {@code EST})
 * are refused: they do not follow daylight-saving changes, so a patient's day boundaries would drift
 * twice a year; the region (say {@code America/Bogota}) keeps whatever its clocks do.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaTimeZone.Validator.class)
public @interface IanaTimeZone {
    String message() default
            "must be an IANA region time zone such as Europe/Vienna (or UTC); fixed offsets "
                    + "such as Etc/GMT+5 do not follow daylight saving";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (presence is another constraint's job), UTC and any region zone id the JDK knows. */
    class Validator implements ConstraintValidator<IanaTimeZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || isRegionZone(value);
        }

        static boolean isRegionZone(String id) {
            if (id.equals("UTC")) {
                return true;
            }
            if (!ZoneId.getAvailableZoneIds().contains(id) || id.startsWith("Etc/") || id.startsWith("SystemV/")) {
                return false;
            }
            return !ZoneId.of(id).getRules().isFixedOffset();
        }
    }
}
