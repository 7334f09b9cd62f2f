package dev.cameljira.jira.operations;

/** Carries out one producer operation; returns the new message body. */
@FunctionalInterface
public interface OperationHandler {

    Object handle(OperationContext context) throws Exception;
}
