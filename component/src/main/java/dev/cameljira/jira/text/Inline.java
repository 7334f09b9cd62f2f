package dev.cameljira.jira.text;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Inline content of a paragraph or heading, as parsed from Markdown. */
sealed interface Inline permits Inline.Text, Inline.HardBreak {

    /** Character styles; declaration order is the order in which ADF marks are written. */
    enum Style {
        STRONG, EM, STRIKE, CODE
    }

    /** Target of a link: an URL and an optional title (null when absent). */
    record Link(String href, String title) {
        public Link {
            Objects.requireNonNull(href, "href");
        }
    }

    /**
     * A run of text with one set of styles.
     *
     * @param text   never empty (ADF rejects empty text nodes)
     * @param styles immutable
     * @param link   null when the run is not a link
     */
    record Text(String text, Set<Style> styles, Link link) implements Inline {
        public Text {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("text run must not be empty");
            }
            styles = immutableStyles(styles);
        }

        Text(String text) {
            this(text, Set.of(), null);
        }

        boolean has(Style style) {
            return styles.contains(style);
        }

        /** Same styles and link, so two adjacent runs can merge. */
        boolean sameFormat(Text other) {
            return styles.equals(other.styles) && Objects.equals(link, other.link);
        }

        private static Set<Style> immutableStyles(Collection<Style> styles) {
            EnumSet<Style> copy = EnumSet.noneOf(Style.class);
            if (styles != null) {
                copy.addAll(styles);
            }
            return Collections.unmodifiableSet(copy);
        }
    }

    /** A line break inside a paragraph. */
    record HardBreak() implements Inline {
        static final HardBreak INSTANCE = new HardBreak();
    }
}
