package dev.cameljira.sandbox.jql;

import java.util.List;
import java.util.stream.Collectors;

/** The right-hand side of a JQL clause. */
sealed interface Operand {

    /** How the operand is shown in messages. */
    String display();

    /** A bare word, number or quoted string. */
    record Value(String text, boolean quoted) implements Operand {
        @Override
        public String display() {
            return text;
        }
    }

    /** A function call such as {@code currentUser()} or {@code startOfDay(-1d)}; arguments are plain strings. */
    record Function(String name, List<String> arguments) implements Operand {
        public Function {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String display() {
            return name + "(" + String.join(", ", arguments) + ")";
        }
    }

    /** {@code EMPTY} or {@code NULL}. */
    record Empty() implements Operand {
        @Override
        public String display() {
            return "EMPTY";
        }
    }

    /** A parenthesised list; its items are never lists. */
    record ValueList(List<Operand> items) implements Operand {
        public ValueList {
            items = List.copyOf(items);
        }

        @Override
        public String display() {
            return items.stream().map(Operand::display).collect(Collectors.joining(", ", "(", ")"));
        }
    }
}
