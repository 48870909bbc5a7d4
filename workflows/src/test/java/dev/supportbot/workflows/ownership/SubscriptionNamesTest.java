package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionNamesTest {

    @Test
    void first_name_in_order_of_the_texts_upper_cased() {
        assertThat(SubscriptionNames.first(List.of("Change owner", "Our sub is a-s00012345 and A-S00099999"))).contains("A-S00012345");
        assertThat(SubscriptionNames.first(List.of("A-S00000001", "A-S00000002"))).contains("A-S00000001");
        assertThat(SubscriptionNames.first(Arrays.asList(null, "(A-S00012345)"))).contains("A-S00012345");
    }

    @Test
    void needs_exactly_eight_digits_and_a_boundary() {
        assertThat(SubscriptionNames.first(List.of("A-S1234567 A-S123456789 XA-S12345678 BA-S12345678"))).isEmpty();
    }
}
