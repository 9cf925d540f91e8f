package org.beffroi.platform;

import java.util.Map;

/**
 * A block a module offers to the home page: the template fragment that draws it
 * ({@code templates/<template>.html}, fragment {@code home-block(block)}) and what it shows.
 */
public record HomeBlock(String template, Map<String, Object> content, int order) {

    public HomeBlock {
        content = Map.copyOf(content);
    }
}
