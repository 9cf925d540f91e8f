package org.beffroi.alerts.internal;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/** Mobile numbers as residents type them ("06 12 34 56 78", "+33 6…"), checked and written in E.164. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164, if it is a valid French mobile number (SMS go to mobiles only). */
    public static Optional<String> frenchMobile(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 30) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(typed.strip(), "FR");
            boolean french = UTIL.getRegionCodeForNumber(number) != null
                    && java.util.Set.of("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")
                            .contains(UTIL.getRegionCodeForNumber(number));
            var type = UTIL.getNumberType(number);
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return french && UTIL.isValidNumber(number) && mobile
                    ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
