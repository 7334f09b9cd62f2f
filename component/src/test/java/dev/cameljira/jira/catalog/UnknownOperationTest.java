package dev.cameljira.jira.catalog;

import dev.cameljira.jira.JiraOperation;
import dev.cameljira.jira.consumer.JiraConsumerType;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong operation name fails when the endpoint is created, with a message listing what is valid. */
class UnknownOperationTest extends StartedContextTestSupport {

    @Test
    void unknownOperationListsTheValidOnes() {
        Throwable e = catchResolve("jira:frobnicate?jiraUrl=http://127.0.0.1:1");
        String message = e.getCause().getMessage();
        assertThat(message).contains("Unknown jira operation 'frobnicate'");
        for (JiraOperation op : JiraOperation.values()) {
            assertThat(message).contains(op.uriName());
            op.aliases().forEach(a -> assertThat(message).contains(a));
        }
        for (JiraConsumerType t : JiraConsumerType.values()) {
            assertThat(message).contains(t.uriName());
        }
    }

    @Test
    void missingOperationListsTheValidOnes() {
        Throwable e = catchResolve("jira:?jiraUrl=http://127.0.0.1:1");
        assertThat(e.getCause().getMessage()).contains("needs an operation").contains("createIssue").contains("addIssue");
    }

    @Test
    void camelJiraNamesResolveInAnyCase() {
        for (String name : new String[] { "addIssue", "AddIssue", "ADDISSUE", "AddComment", "UpdateIssue", "fetchIssue",
                "fetchComments", "attach", "watchers", "addIssueLink", "addWorkLog", "transitionIssue", "deleteIssue" }) {
            Endpoint endpoint = context.getEndpoint("jira:" + name + "?jiraUrl=http://127.0.0.1:1");
            assertThat(endpoint).as(name).isNotNull();
        }
    }

    @Test
    void consumerKindUsedAsProducerIsRejectedWithTheProducerOperations() {
        Endpoint endpoint = context.getEndpoint("jira:newIssues?jiraUrl=http://127.0.0.1:1");
        assertThatThrownBy(endpoint::createProducer)
                .hasMessageContaining("jira:newIssues is a consumer")
                .hasMessageContaining("createIssue");
    }

    private Throwable catchResolve(String uri) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> context.getEndpoint(uri)).isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(t -> caught[0] = t);
        assertThat(caught[0].getCause()).isInstanceOf(IllegalArgumentException.class);
        return caught[0];
    }
}
