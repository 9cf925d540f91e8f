package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.beffroi.procedures.internal.CheckReadingAction.Verdict;
import org.junit.jupiter.api.Test;

/** When a meter reading is plausible against the one before. */
class CheckReadingActionTest {

    static final BigDecimal TWO_A_DAY = new BigDecimal("2");

    @Test
    void aReadingThatWentDownIsToCheck() {
        assertThat(CheckReadingAction.judge(new BigDecimal("1500"), new BigDecimal("1499.5"), Duration.ofDays(30),
                TWO_A_DAY)).isEqualTo(Verdict.DOWN);
    }

    @Test
    void aRiseUpToTheDailyLimitTimesTheDaysIsPlausibleAndOneMoreIsNot() {
        var previous = new BigDecimal("1500");
        assertThat(CheckReadingAction.judge(previous, new BigDecimal("1560"), Duration.ofDays(30), TWO_A_DAY))
                .isEqualTo(Verdict.PLAUSIBLE);
        assertThat(CheckReadingAction.judge(previous, new BigDecimal("1560.1"), Duration.ofDays(30), TWO_A_DAY))
                .isEqualTo(Verdict.TOO_HIGH);
        assertThat(CheckReadingAction.judge(previous, previous, Duration.ofDays(30), TWO_A_DAY))
                .isEqualTo(Verdict.PLAUSIBLE);
    }

    @Test
    void twoReadingsTheSameDayAreAllowedOneDaysUse() {
        assertThat(CheckReadingAction.days(Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(CheckReadingAction.days(Duration.ofHours(25))).isEqualTo(2);
        assertThat(CheckReadingAction.judge(new BigDecimal("10"), new BigDecimal("12"), Duration.ofHours(1),
                TWO_A_DAY)).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(CheckReadingAction.judge(new BigDecimal("10"), new BigDecimal("13"), Duration.ofHours(1),
                TWO_A_DAY)).isEqualTo(Verdict.TOO_HIGH);
    }

    @Test
    void meterNumbersAndReadingsAreReadAsPeopleWriteThem() {
        assertThat(CheckReadingAction.meter("21b 004 512")).isEqualTo(CheckReadingAction.meter("21B004512"))
                .isEqualTo("21B004512");
        assertThat(CheckReadingAction.meter("  ")).isNull();
        assertThat(CheckReadingAction.number("1 520,5")).contains(new BigDecimal("1520.5"));
        assertThat(CheckReadingAction.number("1520.5")).contains(new BigDecimal("1520.5"));
        assertThat(CheckReadingAction.number("mille")).isEmpty();
        assertThat(CheckReadingAction.number(null)).isEmpty();
    }
}
