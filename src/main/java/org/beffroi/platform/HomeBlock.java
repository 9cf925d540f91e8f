package org.beffroi.platform;

import java.util.Map;

/**
 * A block a module offers to a page of the platform: the template that draws it ({@code templates/<template>.html},
 * fragment {@code home-block(block)} on the home and a neighbourhood's page, {@code account-block(block)} on the
 * person's account) and what it shows.
 */
public record HomeBlock(String template, Map<String, Object> content, int order) {

    public HomeBlock {
        content = Map.copyOf(content);
    }
}
