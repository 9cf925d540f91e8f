package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which clients get the page compressed once rather than as it was rendered. */
class VisitorPageFilterTest {

    @Test
    void gzipIsSentToClientsThatNameItOrTakeAnyEncoding() {
        assertThat(VisitorPageFilter.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(VisitorPageFilter.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(VisitorPageFilter.acceptsGzip("*")).isTrue();
    }

    @Test
    void gzipIsNotSentToClientsThatDoNotNameItOrRefuseIt() {
        assertThat(VisitorPageFilter.acceptsGzip(null)).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("identity")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("deflate, br")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("gzip;q=0, deflate")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("x-gzip-like")).isFalse();
    }
}
