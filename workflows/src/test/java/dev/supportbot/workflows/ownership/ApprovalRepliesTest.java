package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ownership.ApprovalReplies.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalRepliesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I approve                                         | APPROVE
            Yes, approved.                                    | APPROVE
            APPROVED - go ahead                               | APPROVE
            I do not approve                                  | DENY
            I don't approve this request                      | DENY
            Denied.                                           | DENY
            Please reject it, I don't know them               | DENY
            I approve... actually no, I decline               | DENY
            Who is this person?                               | UNCLEAR
            Yes                                               | UNCLEAR
            Waiting for approval from my manager              | UNCLEAR
            """)
    void reads_the_reply(String text, Reply expected) {
        assertThat(ApprovalReplies.read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "quoted: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I approve\\n\\nOn Mon, 2 Jun 2025 at 10:00, GitLab Support <support@example.com> wrote:\\n> reply "I do not approve" to decline | APPROVE
            I approve\\n> Please reply with "I do not approve" to decline it.                                                       | APPROVE
            Thanks\\n\\n-----Original Message-----\\nPlease reply "I approve"                                                        | UNCLEAR
            ##- Please type your reply above this line -##\\nI approve                                                                   | UNCLEAR
            """)
    void ignores_the_quoted_request(String text, Reply expected) {
        assertThat(ApprovalReplies.read(text.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
