package org.beffroi.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The accessibility check of the browser tests does catch violations: without this, zero violations would prove nothing. */
class BrowserHarnessTest extends BrowserTest {

    @Test
    void anInaccessiblePageFailsTheCheck() {
        // a page outside the tracking, so that the failed check does not count as a forgotten one
        var untracked = context.newPage();
        untracked.navigate("/");
        untracked.setContent("""
                <!DOCTYPE html><html><head><title>t</title></head>
                <body><main><img src="/theme.css"><input type="text"><a href="/"></a></main></body></html>""");
        assertThatThrownBy(() -> checkAccessibility(untracked))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("label")
                .hasMessageContaining("html-has-lang");
    }
}
