package org.beffroi.platform;

import java.util.regex.Pattern;

/** Contrast between colours, as WCAG 2.1 defines it (relative luminance, ratio from 1 to 21). */
public final class Colours {

    public static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    /** WCAG 2.1 AA for normal text. */
    public static final double AA_NORMAL_TEXT = 4.5;

    private Colours() {
    }

    public static double contrast(String hexA, String hexB) {
        double a = luminance(hexA);
        double b = luminance(hexB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    static double luminance(String hex) {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("Not a #rrggbb colour: " + hex);
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
