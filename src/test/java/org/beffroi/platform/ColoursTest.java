package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Contrast ratios against values published with WCAG 2.1 and common tools. */
class ColoursTest {

    @Test
    void blackOnWhiteIs21To1AndAColourOnItselfIs1To1() {
        assertThat(Colours.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.001));
        assertThat(Colours.contrast("#1d4f91", "#1d4f91")).isCloseTo(1.0, within(0.001));
    }

    @Test
    void knownPairs() {
        assertThat(Colours.contrast("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
        assertThat(Colours.contrast("#777777", "#ffffff")).isLessThan(Colours.AA_NORMAL_TEXT);
        assertThat(Colours.contrast("#ffff00", "#ffffff")).isCloseTo(1.07, within(0.01));
        assertThat(Colours.contrast("#ffffff", "#767676")).isEqualTo(Colours.contrast("#767676", "#ffffff"));
    }

    @Test
    void onlyHexColoursAreRead() {
        assertThatThrownBy(() -> Colours.contrast("blue", "#ffffff")).isInstanceOf(IllegalArgumentException.class);
    }
}
