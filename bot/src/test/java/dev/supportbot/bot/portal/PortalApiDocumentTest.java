package dev.supportbot.bot.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.portal.PortalApiDocument.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API document is consistent, and the client makes every call of it that the bot needs. */
class PortalApiDocumentTest {
    private final PortalApiDocument document = PortalApiDocument.load();

    @Test
    void the_client_covers_every_operation_but_the_customers_own_sign_up_and_sign_in() {
        List<String> clientCalls = PortalCalls.all().stream().map(call -> call.method() + " " + call.template()).toList();

        assertThat(clientCalls).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(document.operations().stream()
                .map(Operation::describe)
                .filter(op -> !op.equals("POST /sign-in-links/redeem") && !op.equals("POST /customers"))
                .toList());
    }

    @Test
    void every_change_requires_an_idempotency_key_and_only_validation_is_a_safe_post() {
        assertThat(document.operations()).filteredOn(Operation::changes)
                .isNotEmpty()
                .allSatisfy(op -> assertThat(op.parameterRefs()).as(op.describe())
                        .contains("#/components/parameters/IdempotencyKey"));
        assertThat(document.operations()).filteredOn(op -> !op.method().equals("GET") && !op.changes())
                .extracting(Operation::describe).containsExactly("POST /licenses/validate");
    }

    @Test
    void errors_are_problem_details_and_every_reference_resolves() {
        assertThat(document.refs()).isNotEmpty().allSatisfy(ref -> assertThat(document.resolves(ref)).as(ref).isTrue());
        for (String response : List.of("BadRequest", "NotFound", "Conflict", "Rejected")) {
            assertThat(document.root().at("/components/responses/" + response + "/content/application~1problem+json/schema/$ref")
                    .asText()).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(document.root().at("/components/schemas/Problem/required"))
                .extracting(node -> node.asText()).containsExactly("type", "title", "status");
    }

    @Test
    void every_operation_documents_a_success_answer() {
        assertThat(document.operations()).allSatisfy(op -> assertThat(op.node().path("responses").fieldNames())
                .toIterable().as(op.describe()).anyMatch(status -> status.startsWith("2")));
    }
}
