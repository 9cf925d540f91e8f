package org.beffroi.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The accessibility check of the browser tests does catch violations: without this, zero violations would prove nothing. */
class BrowserHarnessTest extends BrowserTest {

    @Test
    void anInaccessiblePageFailsTheCheck() {
        visit("/");
        page.setContent("""
                <!DOCTYPE html><html><head><title>t</title></head>
                <body><main><img src="/theme.css"><input type="text"><a href="/"></a></main></body></html>""");
        assertThatThrownBy(() -> checkAccessibility(page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("label")
                .hasMessageContaining("html-has-lang");
    }
}
