package org.beffroi.alerts.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/** A whole table read a page at a time, by id: exports that never hold every row in memory. */
final class Paging {

    static final int EXPORT_PAGE = 500;

    interface Page<T> {
        List<T> after(long afterId, int size);
    }

    private Paging() {
    }

    static <T> void each(Page<T> page, ToLongFunction<T> id, Consumer<T> action) {
        long after = 0;
        while (true) {
            List<T> rows = page.after(after, EXPORT_PAGE);
            rows.forEach(action);
            if (rows.size() < EXPORT_PAGE) {
                return;
            }
            after = id.applyAsLong(rows.getLast());
        }
    }
}
