package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.portal.PortalApiDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox serves exactly the operations of config/portal-api.yaml: no more, no fewer. */
class SandboxRoutesMatchApiDocumentTest {

    @Test
    void the_sandbox_routes_are_the_documents_operations() {
        List<String> routes = new SandboxPortalRoutes(null, null, null, null).routes().stream()
                .map(route -> route.method() + " " + route.path())
                .toList();

        assertThat(routes).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(PortalApiDocument.load().operations().stream()
                        .map(PortalApiDocument.Operation::describe)
                        .toList());
    }
}
