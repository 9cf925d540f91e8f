package org.beffroi.portal;

import java.util.List;

/** The portal's facade for its news: what other modules (the newsletters) may show of them. */
public interface News {

    /** The latest news items public now, newest first. */
    List<Article> latestPublished(int limit);
}
