package org.osteon.common;

import java.util.List;

/** One page of a list: items, the zero-based page number, the page size and the total. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Largest page a client may ask for. */
    public static final int MAX_SIZE = 200;

    /** Highest page number: page × size stays far inside an int offset (2147483647 once answered 500). */
    public static final int MAX_PAGE = 1_000_000;

    /** Checks {@code page} and {@code size} query parameters, naming the one that is wrong. */
    public static void check(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiException.badField("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badField("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** The page of an in-memory list. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }
}
